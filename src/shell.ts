import type { Config } from './options';
import shellCss from './styles/shell.css?inline';
import type { Lang, Mode, Position, Theme } from './types';

/**
 * The part of the widget that exists from the first moment: host element, shadow root,
 * theme root, launcher button and the slot the panel renders into. The loader draws it
 * before the runtime arrives, and the runtime keeps it (the same button, so focus and a
 * click in progress survive the hand-over). Plain DOM, no framework.
 */
export interface Shell {
  /** `inline`, or `launcher` (also when an inline target was not found). */
  mode: Mode;
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the panel (or the loader's error view) goes. */
  slot: HTMLElement;
  /** The floating button; absent inline. */
  launcher?: HTMLButtonElement;
  /** Mirrors the widget's state on the root and the launcher. */
  show(state: ShellState): void;
  /** Adds a stylesheet after the ones already adopted. */
  addStyles(css: string): void;
  /** Sets or clears the owner's accent colour (checked by resolveOptions). */
  setAccent(accent: string | undefined): void;
  remove(): void;
}

export interface ShellState {
  open: boolean;
  lang: Lang;
  theme: Theme;
  position: Position;
  /** The launcher's accessible name, in `lang`. */
  label: string;
}

// The question mark in a ring (the path draws the ring as two arcs), and the ×.
const QUESTION = 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0M9.5 9.5a2.5 2.5 0 1 1 3 2.4c-.5.2-.5.6-.5 1.1M12 17h.01';
export const CROSS = 'm6 6 12 12M18 6 6 18';

/**
 * An element with attributes (or properties, for `on…` handlers) and children.
 * Plain DOM calls: nothing is parsed as HTML, so no Trusted Types or CSP rule is involved.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | ((event: KeyboardEvent) => void)> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') Object.assign(node, { [name]: value });
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/**
 * A decorative 24×24 icon of one stroked path. (No `focusable="false"`: only browsers without
 * shadow DOM, where the widget cannot run, ever focused an SVG.)
 */
export function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const p = document.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

/**
 * Styles as constructed stylesheets, which a strict CSP allows; nonced <style> elements where
 * constructable stylesheets are missing. Both go away with the shadow root.
 */
function styler(root: ShadowRoot, nonce: string | undefined) {
  return (css: string) => {
    if ('adoptedStyleSheets' in root) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    }
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    (root as ShadowRoot).prepend(style);
  };
}

/**
 * Creates the shell and places it: inside the inline target, or at the end of <body>
 * (once <body> exists, for a script in <head>). `onLauncher` hears launcher clicks.
 */
export function createShell(config: Config, onLauncher: () => void): Shell {
  let mode = config.mode;
  let container: Element | null = document.body; // null in <head>: attached once <body> exists
  if (mode === 'inline') {
    // An element (checked by resolveOptions) or a selector; one that is not valid is reported like a missing element.
    try {
      container = typeof config.target === 'string' ? document.querySelector(config.target) : config.target!;
    } catch {
      container = null;
    }
    if (!container) {
      console.error(`faq-widget: no element matches target "${String(config.target)}"; using the launcher`);
      mode = 'launcher';
      container = document.body;
    }
  }

  const host = document.createElement('faq-widget-host');
  const shadow = host.attachShadow({ mode: 'open' });
  const addStyles = styler(shadow, config.nonce);
  addStyles(shellCss);
  // An empty value removes the property.
  const setAccent = (accent: string | undefined) => host.style.setProperty('--faq-accent', accent ?? '');
  setAccent(config.accent);

  const slot = el('div', { class: 'faq-slot' });
  const root = el('div', {}, slot);
  const text = el('span', { class: 'faq-launcher-text' });
  let launcher: HTMLButtonElement | undefined;
  if (mode === 'launcher') {
    launcher = el('button', { type: 'button', class: 'faq-launcher', 'aria-haspopup': 'dialog' });
    launcher.addEventListener('click', onLauncher);
    root.append(launcher);
  }
  shadow.append(root);

  const attach = () => document.body.append(host);
  const waiting = !container;
  if (container) container.append(host);
  else document.addEventListener('DOMContentLoaded', attach, { once: true });

  let drawn: boolean | undefined;
  return {
    mode,
    host,
    shadow,
    slot,
    launcher,
    addStyles,
    setAccent,
    show({ open, lang, theme, position, label }) {
      root.className = `faq-root faq-mode-${mode} faq-${position}${open ? ' faq-open' : ''}`;
      root.dataset.theme = theme;
      root.lang = lang;
      if (!launcher) return;
      launcher.setAttribute('aria-expanded', String(open));
      text.textContent = label;
      if (drawn !== open) launcher.replaceChildren(icon(open ? CROSS : QUESTION), text);
      drawn = open;
    },
    remove() {
      if (waiting) document.removeEventListener('DOMContentLoaded', attach);
      launcher?.removeEventListener('click', onLauncher);
      host.remove();
    },
  };
}
