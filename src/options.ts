import { detectLanguage, loadSavedLanguage, safeStorage, toLang } from './core/locale';
import { safeHref } from './core/markup';
import type { Lang, LangOption, Mode, Position, Preload, Theme, WidgetOptions } from './types';

/**
 * The language a widget starts in: a site's only language, else the option, else SPEC §5's
 * order (saved choice, <html lang>, browser).
 */
export const startLanguage = (option: LangOption, languages?: Lang[]): Lang =>
  (languages?.length === 1 ? languages[0] : toLang(option)) ??
  detectLanguage({
    saved: loadSavedLanguage(safeStorage),
    htmlLang: document.documentElement.lang,
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
  /** The site's languages; one means no switch and no request for the other. */
  languages?: Lang[];
  /** Entry ids suggested for this page (`handle.suggest()` changes them). */
  suggest?: string[];
}

/**
 * What each option takes, in words for the console, and what is used instead of a value it cannot
 * take: `accept` turns a given value (a string already trimmed) into the one to use, or undefined.
 * The order is the one the "is not an option" message lists them in.
 */
type Rule = [takes: string, instead: string, accept: (value: unknown) => unknown, otherwise?: unknown];

/** One of a few words, in any case; the first is the default. */
/* @__NO_SIDE_EFFECTS__ */
const choice = (...allowed: string[]): Rule => [
  `one of ${allowed.join(', ')}`,
  `"${allowed[0]}" is used`,
  (value) => allowed.find((word) => typeof value === 'string' && word === value.toLowerCase()),
  allowed[0],
];

/** A non-empty string that passes `valid`; no default. */
/* @__NO_SIDE_EFFECTS__ */
const text = (takes: string, instead: string, valid: (value: string) => unknown = Boolean): Rule => [
  takes,
  instead,
  (value) => (typeof value === 'string' && valid(value) ? value : undefined),
];

/** A list, as an array or a text of comma- or space-separated items, each passing `valid`; no default. */
/* @__NO_SIDE_EFFECTS__ */
const list = (takes: string, instead: string, valid: (item: string) => unknown): Rule => [
  takes,
  instead,
  (value) => {
    const items = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value;
    return Array.isArray(items) && items.every((item) => typeof item === 'string' && valid(item)) ? [...new Set(items)] : undefined;
  },
];

/** An element from any document (an iframe's elements fail `instanceof Element` here). */
const isElement = (value: unknown): value is Element => typeof (value as Element | null)?.append === 'function' && (value as Node).nodeType === 1;

// The pure/no-side-effects marks let the runtime build, which is handed these checks by the loader, leave the table out.
const RULES: Record<string, Rule> = {
  lang: choice('auto', 'lv', 'en'),
  mode: choice('launcher', 'inline'),
  theme: choice('auto', 'light', 'dark'),
  position: choice('right', 'left'),
  preload: choice('intent', 'idle', 'eager'),
  // Without {{lng}} the same file serves both languages, which is allowed.
  content: text('a URL template', 'the built-in content is used'),
  accent: text('a CSS colour', 'the default colour is used', (s) => typeof CSS === 'undefined' || CSS.supports('color', s)),
  contactUrl: text('an http(s), mailto: or tel: address', 'the contact link is hidden', safeHref),
  nonce: text('a text', 'no nonce is used'),
  target: ['a CSS selector or an element', 'the launcher is used', (value) => ((typeof value === 'string' && value) || isElement(value) ? value : undefined)],
  urlState: ['true or false', 'false is used', (value) => (typeof value === 'boolean' ? value : undefined), false],
  languages: list('a list of lv, en', 'both are used', (item) => item === 'lv' || item === 'en'),
  suggest: list('a list of entry ids', 'nothing is suggested', Boolean),
};
const KNOWN = /* @__PURE__ */ Object.keys(RULES);

/** A value as a console message can show it, whatever it is (a symbol, a null-prototype object, a throwing toJSON). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * Applies defaults and rejects bad values with one message per mistake that names the option,
 * what it takes and what is used instead. Nothing an owner passes can make this throw: a wrong
 * type, `null` for the whole object or a getter that throws all end in a warning and the default.
 */
export function resolveOptions(input: unknown, warn: (message: string) => void = console.warn): Config {
  const bad = (key: string, value: unknown, [takes, instead]: readonly string[]) => warn(`faq-widget: ${key} ${show(value)} is not ${takes}; ${instead}`);
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
  } else if (input != null) bad('mount()', input, ['an object of options', 'the defaults are used']);
  const given = (key: string) => options[key] != null && options[key] !== '';

  const config: Record<string, unknown> = {};
  for (const key of KNOWN) {
    const rule = RULES[key];
    const value = options[key];
    let use = rule[3];
    if (given(key)) {
      const accepted = rule[2](typeof value === 'string' ? value.trim() : value);
      if (accepted === undefined) bad(key, value, rule as never);
      else use = accepted;
    }
    config[key] = use;
  }
  if (config.mode === 'inline' && !config.target) {
    if (!given('target')) warn('faq-widget: inline mode needs a target (a CSS selector or an element); the launcher is used');
    config.mode = 'launcher';
  }
  return config as unknown as Config;
}

/** `data-foo-bar` (or `foo-bar` on the custom element) → `fooBar`. */
export const ATTRIBUTES = ['lang', 'mode', 'target', 'content', 'theme', 'accent', 'position', 'contact-url', 'url-state', 'preload', 'languages', 'suggest'] as const;

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
