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
  /** Sets or clears the owner's accent colour (warns about one that is not a colour). */
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

const SVG = 'http://www.w3.org/2000/svg';
const QUESTION = 'M9.5 9.5a2.5 2.5 0 1 1 3 2.4c-.5.2-.5.6-.5 1.1M12 17h.01';
export const CROSS = 'm6 6 12 12M18 6 6 18';

/** A decorative 24×24 icon of stroked paths (and a circle when `ring`). */
export function icon(path: string, ring = false): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (ring) {
    const circle = document.createElementNS(SVG, 'circle');
    for (const [k, v] of [['cx', '12'], ['cy', '12'], ['r', '9']]) circle.setAttribute(k, v);
    svg.append(circle);
  }
  const p = document.createElementNS(SVG, 'path');
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

function findTarget(target: string | Element | undefined): Element | null {
  if (!target) return null;
  if (typeof target !== 'string') return target; // an element, checked by resolveOptions
  try {
    return document.querySelector(target);
  } catch {
    return null; // not a valid selector: reported by the caller like a missing element
  }
}

/**
 * Creates the shell and places it: inside the inline target, or at the end of <body>
 * (once <body> exists, for a script in <head>). `onLauncher` hears launcher clicks.
 */
export function createShell(config: Config, onLauncher: () => void): Shell {
  let mode = config.mode;
  let container: Element | null = document.body; // null in <head>: attached once <body> exists
  if (mode === 'inline') {
    container = findTarget(config.target);
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
  const setAccent = (accent: string | undefined) => {
    if (accent && (typeof CSS === 'undefined' || CSS.supports('color', accent))) host.style.setProperty('--faq-accent', accent);
    else {
      if (accent) console.warn(`faq-widget: accent "${accent}" is not a CSS colour; using the default`);
      host.style.removeProperty('--faq-accent');
    }
  };
  setAccent(config.accent);

  const root = document.createElement('div');
  const slot = document.createElement('div');
  slot.style.display = 'contents';
  root.append(slot);
  let launcher: HTMLButtonElement | undefined;
  let text: HTMLSpanElement;
  if (mode === 'launcher') {
    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'faq-launcher';
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.addEventListener('click', onLauncher);
    text = document.createElement('span');
    text.className = 'faq-launcher-text';
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
      if (drawn !== open) launcher.replaceChildren(open ? icon(CROSS) : icon(QUESTION, true), text);
      drawn = open;
    },
    remove() {
      if (waiting) document.removeEventListener('DOMContentLoaded', attach);
      launcher?.removeEventListener('click', onLauncher);
      host.remove();
    },
  };
}
