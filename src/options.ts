import { safeHref } from './core/markup';
import type { LangOption, Mode, Position, Preload, Theme, WidgetOptions } from './types';

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

const KNOWN = new Set<string>([...Object.keys(CHOICES), 'target', 'content', 'accent', 'contactUrl', 'urlState', 'nonce']);

/** A value as a console message can show it, whatever it is (Symbol, null-prototype object, a throwing toString). */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || typeof value !== 'object') return typeof value === 'symbol' ? 'a symbol' : String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** An element from any document (an iframe's elements fail `instanceof Element` here). */
const isElement = (value: unknown): value is Element =>
  typeof value === 'object' && value !== null && (value as Node).nodeType === 1 && typeof (value as Element).append === 'function';

/**
 * Applies defaults and rejects bad values with a message that names the option and what
 * it accepts. Nothing an owner passes can make this throw: a wrong type, `null` for the
 * whole object or a getter that throws all end in a warning and the default.
 */
export function resolveOptions(input: unknown, warn: (message: string) => void = console.warn): Config {
  const options: Record<string, unknown> = {};
  if (typeof input === 'object' && input !== null) {
    for (const key of Object.keys(input)) {
      if (!KNOWN.has(key)) {
        warn(`faq-widget: unknown option "${key}" is ignored; the options are ${[...KNOWN].join(', ')}`);
        continue;
      }
      try {
        options[key] = (input as Record<string, unknown>)[key];
      } catch {
        warn(`faq-widget: option "${key}" could not be read; using its default`);
      }
    }
  } else if (input !== undefined && input !== null) {
    warn(`faq-widget: mount() takes an object of options, not ${show(input)}; using the defaults`);
  }
  const given = (key: string) => options[key] !== undefined && options[key] !== null && options[key] !== '';

  const pick = <K extends Choice>(key: K): (typeof CHOICES)[K][number] => {
    const allowed: readonly string[] = CHOICES[key];
    const value = options[key];
    if (!given(key)) return allowed[0] as (typeof CHOICES)[K][number];
    const normal = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (normal !== undefined && allowed.includes(normal)) return normal as (typeof CHOICES)[K][number];
    warn(`faq-widget: ${key} ${show(value)} is not one of ${allowed.join(', ')}; using "${allowed[0]}"`);
    return allowed[0] as (typeof CHOICES)[K][number];
  };

  /** A non-empty string option, or undefined with a warning that says what happens instead. */
  const text = (key: string, instead: string): string | undefined => {
    if (!given(key)) return undefined;
    const value = options[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    warn(`faq-widget: ${key} must be a ${key === 'accent' ? 'CSS colour' : 'text'} string, not ${show(value)}; ${instead}`);
    return undefined;
  };

  let contactUrl = text('contactUrl', 'the contact link is hidden');
  if (contactUrl && !safeHref(contactUrl)) {
    warn(`faq-widget: contactUrl "${contactUrl}" must be an http(s), mailto: or tel: address; the contact link is hidden`);
    contactUrl = undefined;
  }

  let mode = pick('mode');
  let target: string | Element | undefined;
  if (given('target')) {
    const value = options.target;
    if (typeof value === 'string' || isElement(value)) target = value;
    else warn(`faq-widget: target must be a CSS selector or an element, not ${show(value)}; using the launcher`);
  }
  if (mode === 'inline' && !target) {
    if (!given('target')) warn('faq-widget: inline mode needs a target (a CSS selector or an element); using the launcher');
    mode = 'launcher';
  }

  let urlState = false;
  if (given('urlState')) {
    if (typeof options.urlState === 'boolean') urlState = options.urlState;
    else warn(`faq-widget: urlState must be true or false, not ${show(options.urlState)}; using false`);
  }

  return {
    lang: pick('lang'),
    mode,
    target,
    // Without {{lng}} the same file serves both languages, which is allowed.
    content: text('content', 'using the built-in content'),
    theme: pick('theme'),
    accent: text('accent', 'using the default'),
    position: pick('position'),
    contactUrl,
    urlState,
    nonce: text('nonce', 'no nonce is used'),
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
