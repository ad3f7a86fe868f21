/** The ESM entry for bundler users: `import { mount } from 'faq-widget'`. */
export { mount } from './mount';
export { defineElement } from './element';
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
