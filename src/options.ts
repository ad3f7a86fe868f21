import { safeHref } from './core/markup';
import type { LangOption, Mode, Position, Theme, WidgetOptions } from './types';

/** Options with defaults applied and every value checked. */
export interface Config {
  lang: LangOption;
  mode: Mode;
  target?: string | Element;
  content?: string;
  theme: Theme;
  accent?: string;
  position: Position;
  contactUrl?: string;
  urlState: boolean;
  nonce?: string;
}

const CHOICES = {
  lang: ['auto', 'lv', 'en'],
  mode: ['launcher', 'inline'],
  theme: ['auto', 'light', 'dark'],
  position: ['right', 'left'],
} as const;

type Choice = keyof typeof CHOICES;

/**
 * Applies defaults and rejects bad values with a message that names the option
 * and what it accepts; a bad value never stops the widget, it falls back to the default.
 */
export function resolveOptions(options: WidgetOptions, warn: (message: string) => void = console.warn): Config {
  const pick = <K extends Choice>(key: K): (typeof CHOICES)[K][number] => {
    const value = options[key];
    const allowed: readonly string[] = CHOICES[key];
    if (value === undefined || value === null || String(value) === '') return allowed[0] as (typeof CHOICES)[K][number];
    const normal = String(value).trim().toLowerCase();
    if (allowed.includes(normal)) return normal as (typeof CHOICES)[K][number];
    warn(`faq-widget: ${key} "${String(value)}" is not one of ${allowed.join(', ')}; using "${allowed[0]}"`);
    return allowed[0] as (typeof CHOICES)[K][number];
  };

  let contactUrl = options.contactUrl?.trim() || undefined;
  if (contactUrl && !safeHref(contactUrl)) {
    warn(`faq-widget: contactUrl "${contactUrl}" must be an http(s), mailto: or tel: address; the contact link is hidden`);
    contactUrl = undefined;
  }
  // Without {{lng}} the same file serves both languages, which is allowed.
  const content = options.content?.trim() || undefined;

  return {
    lang: pick('lang'),
    mode: pick('mode'),
    target: options.target || undefined,
    content,
    theme: pick('theme'),
    accent: options.accent?.trim() || undefined,
    position: pick('position'),
    contactUrl,
    urlState: options.urlState === true,
    nonce: options.nonce || undefined,
  };
}

/** `data-foo-bar` (or `foo-bar` on the custom element) → `fooBar`. */
const ATTRIBUTES = ['lang', 'mode', 'target', 'content', 'theme', 'accent', 'position', 'contact-url', 'url-state'] as const;

/** Reads widget options from the `data-*` attributes of the script tag, or plain attributes of `<faq-widget>`. */
export function optionsFromAttributes(el: Element, prefix: 'data-' | '' = 'data-'): WidgetOptions & { autoMount: boolean } {
  const options: Record<string, unknown> = {};
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(prefix + name);
    if (value === null) continue;
    const key = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    options[key] = name === 'url-state' ? value.trim().toLowerCase() === 'true' || value === '' : value;
  }
  const nonce = (el as HTMLElement).nonce || el.getAttribute('nonce');
  if (nonce) options.nonce = nonce;
  const autoMount = (el.getAttribute(`${prefix}auto-mount`) ?? 'true').trim().toLowerCase() !== 'false';
  return { ...(options as WidgetOptions), autoMount };
}
