import { detectLanguage, loadSavedLanguage, safeStorage, toLang } from './core/locale';
import { safeHref } from './core/markup';
import type { Lang, LangOption, Mode, Position, Preload, Theme, WidgetOptions } from './types';

/** The language a widget starts in: the option, else SPEC §5's order (saved choice, <html lang>, browser). */
export const startLanguage = (option: LangOption): Lang =>
  toLang(option) ??
  detectLanguage({
    saved: loadSavedLanguage(safeStorage),
    htmlLang: document.documentElement.getAttribute('lang'),
    navigatorLanguages: navigator.languages,
  });

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
  /** When the script-tag build fetches the rest of the widget: on intent (default), when idle, or at once. */
  preload: Preload;
}

const CHOICES = {
  lang: ['auto', 'lv', 'en'],
  mode: ['launcher', 'inline'],
  theme: ['auto', 'light', 'dark'],
  position: ['right', 'left'],
  preload: ['intent', 'idle', 'eager'],
} as const;
type Choice = keyof typeof CHOICES;

/** What each free-form option takes, and what happens instead of a value it cannot take. */
const TEXTS = {
  content: ['a URL template', 'the built-in content is used'],
  accent: ['a CSS colour', 'the default colour is used'],
  contactUrl: ['an http(s), mailto: or tel: address', 'the contact link is hidden'],
  nonce: ['a text', 'no nonce is used'],
} as const;
type Text = keyof typeof TEXTS;

const KNOWN = [...Object.keys(CHOICES), ...Object.keys(TEXTS), 'target', 'urlState'];

/** A value as a console message can show it, whatever it is (a symbol, a null-prototype object, a throwing toJSON). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** An element from any document (an iframe's elements fail `instanceof Element` here). */
const isElement = (value: unknown): value is Element => typeof (value as Element | null)?.append === 'function' && (value as Node).nodeType === 1;

/**
 * Applies defaults and rejects bad values with one message per mistake that names the option,
 * what it takes and what is used instead. Nothing an owner passes can make this throw: a wrong
 * type, `null` for the whole object or a getter that throws all end in a warning and the default.
 */
export function resolveOptions(input: unknown, warn: (message: string) => void = console.warn): Config {
  const bad = (key: string, value: unknown, expected: string, instead: string) =>
    warn(`faq-widget: ${key} ${show(value)} is not ${expected}; ${instead}`);
  const options: Record<string, unknown> = {};
  if (typeof input === 'object' && input) {
    for (const key of Object.keys(input)) {
      try {
        if (KNOWN.includes(key)) options[key] = (input as Record<string, unknown>)[key];
        else warn(`faq-widget: "${key}" is not an option (${KNOWN.join(', ')}); it is ignored`);
      } catch {
        warn(`faq-widget: ${key} could not be read; the default is used`);
      }
    }
  } else if (input != null) bad('mount()', input, 'an object of options', 'the defaults are used');
  const given = (key: string) => options[key] != null && options[key] !== '';

  const pick = <K extends Choice>(key: K): (typeof CHOICES)[K][number] => {
    const allowed: readonly string[] = CHOICES[key];
    const value = options[key];
    const normal = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (!given(key)) return allowed[0] as (typeof CHOICES)[K][number];
    if (allowed.includes(normal as string)) return normal as (typeof CHOICES)[K][number];
    bad(key, value, `one of ${allowed.join(', ')}`, `"${allowed[0]}" is used`);
    return allowed[0] as (typeof CHOICES)[K][number];
  };

  /** A non-empty string option, or undefined after a warning. */
  const text = (key: Text, valid: (s: string) => unknown = Boolean): string | undefined => {
    const value = options[key];
    if (!given(key)) return undefined;
    if (typeof value === 'string' && valid(value.trim())) return value.trim();
    bad(key, value, TEXTS[key][0], TEXTS[key][1]);
  };

  let mode = pick('mode');
  let target: string | Element | undefined;
  if (given('target')) {
    if (typeof options.target === 'string' || isElement(options.target)) target = options.target;
    else bad('target', options.target, 'a CSS selector or an element', 'the launcher is used');
  }
  if (mode === 'inline' && !target) {
    if (!given('target')) warn('faq-widget: inline mode needs a target (a CSS selector or an element); the launcher is used');
    mode = 'launcher';
  }
  let urlState = false;
  if (given('urlState')) {
    if (typeof options.urlState === 'boolean') urlState = options.urlState;
    else bad('urlState', options.urlState, 'true or false', 'false is used');
  }

  return {
    lang: pick('lang'),
    mode,
    target,
    // Without {{lng}} the same file serves both languages, which is allowed.
    content: text('content'),
    theme: pick('theme'),
    accent: text('accent', (s) => typeof CSS === 'undefined' || CSS.supports('color', s)),
    position: pick('position'),
    contactUrl: text('contactUrl', safeHref),
    urlState,
    nonce: text('nonce'),
    preload: pick('preload'),
  };
}

/** `data-foo-bar` (or `foo-bar` on the custom element) → `fooBar`. */
export const ATTRIBUTES = ['lang', 'mode', 'target', 'content', 'theme', 'accent', 'position', 'contact-url', 'url-state', 'preload'] as const;

export const optionName = (attribute: string) => attribute.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Reads widget options from the `data-*` attributes of the script tag, or plain attributes of `<faq-widget>`. */
export function optionsFromAttributes(el: Element, prefix: 'data-' | '' = 'data-'): WidgetOptions & { autoMount?: boolean } {
  const options: Record<string, unknown> = {};
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(prefix + name);
    if (value === null) continue;
    options[optionName(name)] = name === 'url-state' ? value.trim().toLowerCase() === 'true' || value === '' : value;
  }
  const nonce = (el as HTMLElement).nonce || el.getAttribute('nonce');
  if (nonce) options.nonce = nonce;
  const autoMount = el.getAttribute(`${prefix}auto-mount`);
  if (autoMount !== null) options.autoMount = autoMount.trim().toLowerCase() !== 'false';
  return options as WidgetOptions & { autoMount?: boolean };
}
