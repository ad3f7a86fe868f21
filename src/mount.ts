import { h, render } from 'preact';
import css from './styles/widget.css?inline';
import { builtInCatalog } from './content';
import { loadRemoteContent } from './core/content';
import { createController } from './core/controller';
import { createTranslator } from './core/i18n';
import { detectLanguage, loadSavedLanguage, toLang } from './core/locale';
import { resolveOptions } from './options';
import { bindUrlState } from './urlState';
import { App } from './ui/App';
import type { Lang, WidgetEvent, WidgetHandle, WidgetOptions } from './types';

const EVENTS: WidgetEvent[] = ['ready', 'open', 'close', 'search', 'article', 'feedback', 'language', 'error'];
let instances = 0;

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return undefined; // sandboxed iframes and blocked cookies throw on access
  }
};

/**
 * Styles as a constructed stylesheet, which a strict CSP allows; a nonced <style> where
 * constructable stylesheets are missing. Both go away with the shadow root on destroy().
 */
function adoptStyles(root: ShadowRoot, nonce?: string): void {
  if ('adoptedStyleSheets' in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  (root as ShadowRoot).append(style);
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

/** Options that `<faq-widget>` can change on a live widget through its attributes. */
export type LiveOptions = Pick<WidgetOptions, 'lang' | 'theme' | 'accent' | 'position' | 'contactUrl'>;

export interface Widget {
  handle: WidgetHandle;
  /** Applies changed options to the live widget, keeping the query, the open article and the language. */
  update(options: LiveOptions): void;
}

/**
 * Mounts one widget and returns its handle. Several can live on one page; each
 * has its own shadow root, i18next instance, store and listeners, and `destroy()`
 * removes all of them. Bad options are reported in the console, never thrown.
 */
export function mount(options?: WidgetOptions): WidgetHandle {
  return createWidget(options).handle;
}

/** `mount()` with the means to change options later, for `<faq-widget>` attributes. */
export function createWidget(options?: WidgetOptions): Widget {
  const config = resolveOptions(options);
  const uid = `faq${++instances}`;

  // Null when a bundler user mounts from <head>: the host is attached once <body> exists.
  let container: Element | null = document.body;
  if (config.mode === 'inline') {
    const target = findTarget(config.target);
    if (target) container = target;
    else {
      console.error(`faq-widget: no element matches target "${String(config.target ?? '')}"; using the launcher`);
      config.mode = 'launcher';
    }
  }

  const host = document.createElement('faq-widget-host');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, config.nonce);
  const applyAccent = (accent: string | undefined) => {
    if (accent && (typeof CSS === 'undefined' || CSS.supports('color', accent))) host.style.setProperty('--faq-accent', accent);
    else {
      if (accent) console.warn(`faq-widget: accent "${accent}" is not a CSS colour; using the default`);
      host.style.removeProperty('--faq-accent');
    }
  };
  applyAccent(config.accent);

  const lang: Lang =
    toLang(config.lang) ??
    detectLanguage({
      saved: loadSavedLanguage(storage),
      htmlLang: document.documentElement.getAttribute('lang'),
      navigatorLanguages: navigator.languages,
    });
  const translator = createTranslator(lang);
  const controller = createController({
    lang,
    translator,
    storage,
    ...(config.content
      ? { load: (signal: AbortSignal) => loadRemoteContent(config.content!, { signal }) }
      : { catalog: builtInCatalog() }),
    alwaysOpen: config.mode === 'inline',
  });

  const cleanups: (() => void)[] = [];
  for (const event of EVENTS) {
    cleanups.push(
      controller.events.on(event, (detail) =>
        // Bubbles to document; before the host is attached (mounted from <head>) document hears it directly.
        (host.isConnected ? host : document).dispatchEvent(
          new CustomEvent(`faqwidget:${event}`, { detail, bubbles: true, composed: true }),
        ),
      ),
    );
  }

  if (config.urlState) cleanups.push(bindUrlState(controller));

  let destroyed = false;
  const { actions } = controller;
  const handle: WidgetHandle = {
    open: () => actions.open(),
    close: () => actions.close(),
    toggle: () => actions.toggle(),
    isOpen: () => controller.store.get().open,
    get language() {
      return controller.store.get().lang;
    },
    // Only the visitor's own switch is remembered; a page script's choice is not theirs.
    setLanguage: (l) => actions.setLanguage(l, false),
    search: (query, opts) => actions.search(query, opts),
    openArticle: (id) => {
      actions.open();
      actions.openArticle(id);
    },
    on: (event, handler) => (destroyed ? () => undefined : controller.events.on(event, handler)),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const cleanup of cleanups) cleanup();
      controller.dispose();
      render(null, shadow);
      host.remove();
    },
  };

  const renderApp = () =>
    render(
      h(App, { controller, t: translator.t, mode: config.mode, theme: config.theme, position: config.position, contactUrl: config.contactUrl, uid }),
      shadow,
    );
  renderApp();
  if (container) container.append(host);
  else {
    const attach = () => document.body.append(host);
    document.addEventListener('DOMContentLoaded', attach, { once: true });
    cleanups.push(() => document.removeEventListener('DOMContentLoaded', attach));
  }

  // Ready once content is in, and never synchronously, so listeners added right after mount() hear it.
  const ready = controller.load() ?? Promise.resolve();
  void Promise.resolve(ready).then(() => {
    if (!destroyed) controller.events.emit('ready', { widget: handle });
  });
  const update = (changes: LiveOptions) => {
    if (destroyed) return;
    const next = resolveOptions({ ...changes, mode: 'launcher' });
    const lang = toLang(next.lang);
    if ('lang' in changes && lang) void handle.setLanguage(lang);
    if ('accent' in changes) applyAccent((config.accent = next.accent));
    for (const key of ['theme', 'position', 'contactUrl'] as const) if (key in changes) Object.assign(config, { [key]: next[key] });
    renderApp();
  };
  return { handle, update };
}
