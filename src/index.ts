/** The ESM entry for bundler users: `import { mount } from 'faq-widget'`. */
import { defineElement as define } from './element';
import { createStandalone } from './mount';

export { mount } from './mount';

/** Defines `<faq-widget>` (inline, where the element stands); call it once if you want the element. */
export const defineElement = (name = 'faq-widget'): void => define(name, createStandalone);
export const version: string = __VERSION__;
export type {
  FaqWidgetApi,
  Lang,
  LangOption,
  Mode,
  Position,
  SearchHit,
  Theme,
  WidgetEvent,
  WidgetEventMap,
  WidgetHandle,
  WidgetOptions,
} from './types';
