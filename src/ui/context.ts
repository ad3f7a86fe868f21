import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Controller, State } from '../core/controller';
import type { Translate } from '../core/i18n';
import type { Mode } from '../types';

export interface WidgetContextValue {
  controller: Controller;
  state: State;
  t: Translate;
  mode: Mode;
  contactUrl?: string;
  /** Prefix that makes element ids unique to this widget. */
  uid: string;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('faq-widget: component rendered outside its widget');
  return value;
}
