import { h, render } from 'preact';
import css from './styles/widget.css?inline';
import { loadRemoteContent, type LoadedContent } from './core/content';
import { checkTemplate } from './core/template';
import { createController } from './core/controller';
import { createTranslator } from './core/i18n';
import { safeStorage } from './core/locale';
import { createWidgetEvents, type Emitter } from './core/store';
import { resolveOptions, startLanguage, type Config } from './options';
import { createShell, type Shell } from './shell';
import { bindUrlState } from './urlState';
import { App } from './ui/App';
import type { Lang, WidgetEvent, WidgetEventMap, WidgetHandle, WidgetOptions } from './types';

/** Every event a widget emits. */
const EVENTS: readonly WidgetEvent[] = ['ready', 'open', 'close', 'search', 'article', 'feedback', 'language', 'error'];

let instances = 0;

/** Templates already told about: once per page load, however many widgets use them. */
const toldTemplates = new Set<string>();

/** What is wrong with the owner's content template, in the console, before anything is fetched. */
function tellTemplate(template: string | undefined) {
  if (!template || toldTemplates.has(template)) return;
  toldTemplates.add(template);
  for (const { level, message } of checkTemplate(template, document.baseURI)) console[level === 'error' ? 'error' : 'warn'](`faq-widget: ${message}`);
}

/** Options that `<faq-widget>` can change on a live widget through its attributes. */
export type LiveOptions = Pick<WidgetOptions, 'lang' | 'theme' | 'accent' | 'position' | 'contactUrl' | 'content'>;

export interface Widget {
  handle: WidgetHandle;
  /** Applies changed options to the live widget, keeping the query, the open article and the language. */
  update(options: LiveOptions): void;
}

/**
 * What a widget is built on. The script-tag loader hands over what it already has (the shell it
 * drew, its option checks, the handle and events the page holds), so the runtime chunk carries
 * no second copy of them; the ESM build makes its own (`createStandalone`).
 */
export interface Base {
  /** The launcher and the slot the panel renders into: the same button, so focus and a click in progress survive. */
  shell: Shell;
  /** The language the widget starts in (the loader has already reported it through `widget.language`). */
  lang: Lang;
  /** Checks the options `update()` gets, with the same messages as at the start. */
  resolveOptions: typeof resolveOptions;
  /** The handle the page holds, when it is not this widget's own: what the `ready` event passes on. */
  facade?: WidgetHandle;
  /** Where the widget's events go and the page's handlers listen (the loader's, once it has handed over). */
  events: Emitter<WidgetEventMap>;
  /** Opened (a click, `open()`) before the runtime arrived. */
  open?: boolean;
  /** Lay the panel out once before its first open: the loader's runtime arrives on a visitor's intent (App). */
  warmUp?: boolean;
}

/** The built-in content of `langs`, from wherever this build keeps it (per-language chunks, or a dynamic import). */
export type BuiltIn = (signal: AbortSignal, langs: readonly Lang[]) => Promise<LoadedContent>;

/**
 * Mounts one widget and returns its handle. Several can live on one page; each
 * has its own shadow root, i18next instance, store and listeners, and `destroy()`
 * removes all of them. Bad options are reported in the console, never thrown.
 */
export function mount(options?: WidgetOptions): WidgetHandle {
  return createStandalone(options).handle;
}

// The ESM build keeps the call-centre FAQ in a chunk of its own, fetched only by a widget that uses it.
export const builtInContent: BuiltIn = (_, langs) => import('./content').then((m) => m.builtInLoaded(langs));

/** `mount()` with the means to change options later (`<faq-widget>` attributes): a widget that draws its own shell. */
export function createStandalone(options: unknown): Widget {
  const config = resolveOptions(options);
  const shell = createShell(config, () => widget.handle.toggle());
  const widget: Widget = createWidget(config, builtInContent, { shell, lang: startLanguage(config.lang, config.languages), resolveOptions, events: createWidgetEvents() });
  return widget;
}

/** A widget on `base`: what both builds share; see `Base` for what each brings. */
export function createWidget(config: Config, builtIn: BuiltIn, base: Base): Widget {
  const uid = `faq${++instances}`;
  const { shell, lang } = base;
  shell.addStyles(css);
  const mode = shell.mode;

  const translator = createTranslator(lang);
  const controller = createController({
    lang,
    translator,
    storage: safeStorage,
    events: base.events,
    // Read at each load: a <faq-widget content> attribute can change it on the live widget.
    load: (signal, langs) => (config.content ? loadRemoteContent(config.content, { signal, langs }) : builtIn(signal, langs)),
    alwaysOpen: mode === 'inline',
    languages: config.languages,
    suggest: config.suggest,
  });
  tellTemplate(config.content);
  // Said here, not by the option checks: the loader every page view pays stays small.
  const only = config.languages?.length === 1 && config.languages[0];
  if (only && config.lang !== 'auto' && config.lang !== only) console.warn(`faq-widget: lang "${config.lang}" is not one of languages (${only}); "${only}" is used`);
  if (base.open) controller.actions.open();

  const { host } = shell;
  const cleanups: (() => void)[] = [];
  for (const event of EVENTS) {
    cleanups.push(
      controller.events.on(event, (detail) =>
        // Bubbles to document; before the host is attached (mounted from <head>) document hears it directly.
        (host.isConnected ? host : document).dispatchEvent(new CustomEvent(`faqwidget:${event}`, { detail, bubbles: true, composed: true })),
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
    suggest: (ids) => actions.suggest(base.resolveOptions({ suggest: ids }).suggest ?? []),
    on: (event, handler) => (destroyed ? () => undefined : controller.events.on(event, handler)),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const cleanup of cleanups) cleanup();
      controller.dispose();
      render(null, shell.slot);
      shell.remove();
    },
  };

  const renderApp = () =>
    render(
      h(App, { controller, t: translator.t, mode, theme: config.theme, position: config.position, contactUrl: config.contactUrl, uid, shell, warmUp: base.warmUp }),
      shell.slot,
    );
  // The content is asked for before the first render, so its request is on its way meanwhile.
  // Ready once that first load has settled, content in or the error state reached (after `error`),
  // so a page script waiting for it never hangs; never synchronously, so listeners added right
  // after mount() hear it. load() never rejects.
  const loaded = Promise.resolve(controller.load());
  // The loader's own view (its load-error message) gives way to the panel.
  shell.slot.replaceChildren();
  renderApp();
  void loaded.then(() => {
    if (!destroyed) controller.events.emit('ready', { widget: base.facade ?? handle });
  });
  const update = (changes: LiveOptions) => {
    if (destroyed) return;
    const next = base.resolveOptions({ ...changes, mode: 'launcher' });
    // "auto" keeps the language the widget is in.
    if ('lang' in changes && next.lang !== 'auto') void handle.setLanguage(next.lang);
    if ('accent' in changes) shell.setAccent((config.accent = next.accent));
    for (const key of ['theme', 'position', 'contactUrl'] as const) if (key in changes) Object.assign(config, { [key]: next[key] });
    if ('content' in changes && next.content !== config.content) {
      config.content = next.content;
      tellTemplate(config.content);
      controller.actions.reload();
    }
    renderApp();
  };
  return { handle, update };
}
