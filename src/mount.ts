import { h, render } from 'preact';
import css from './styles/widget.css?inline';
import { loadRemoteContent, type LoadedContent } from './core/content';
import { createController } from './core/controller';
import { createTranslator } from './core/i18n';
import { safeStorage, toLang } from './core/locale';
import { EVENTS, resolveOptions, startLanguage, type Config } from './options';
import { createShell, type Shell } from './shell';
import { bindUrlState } from './urlState';
import { App } from './ui/App';
import type { Lang, WidgetHandle, WidgetOptions } from './types';

let instances = 0;

/** Options that `<faq-widget>` can change on a live widget through its attributes. */
export type LiveOptions = Pick<WidgetOptions, 'lang' | 'theme' | 'accent' | 'position' | 'contactUrl' | 'content'>;

export interface Widget {
  handle: WidgetHandle;
  /** Applies changed options to the live widget, keeping the query, the open article and the language. */
  update(options: LiveOptions): void;
}

/** What the script-tag loader hands over to the runtime it fetched. */
export interface Takeover {
  /** The shell the loader drew: the runtime renders into it instead of making its own. */
  shell: Shell;
  /** The handle the page holds (the loader's): what the `ready` event passes on. */
  facade: WidgetHandle;
  /** The language the loader already reported through `widget.language`. */
  lang: Lang;
  /** Opened (a click, `open()`) before the runtime arrived. */
  open: boolean;
}

/** The built-in content of `langs`, from wherever this build keeps it (per-language chunks, or a dynamic import). */
export type BuiltIn = (signal: AbortSignal, langs: readonly Lang[]) => Promise<LoadedContent>;

/**
 * Mounts one widget and returns its handle. Several can live on one page; each
 * has its own shadow root, i18next instance, store and listeners, and `destroy()`
 * removes all of them. Bad options are reported in the console, never thrown.
 */
export function mount(options?: WidgetOptions): WidgetHandle {
  return createWidget(resolveOptions(options), builtInContent).handle;
}

// The ESM build keeps the call-centre FAQ in a chunk of its own, fetched only by a widget that uses it.
export const builtInContent: BuiltIn = (_, langs) => import('./content').then((m) => m.builtInLoaded(langs));

/** `mount()` with the means to change options later (`<faq-widget>` attributes) and to take over a loader's shell. */
export function createWidget(config: Config, builtIn: BuiltIn, takeover?: Takeover): Widget {
  const uid = `faq${++instances}`;
  let controller!: ReturnType<typeof createController>;
  const shell = takeover?.shell ?? createShell(config, () => controller.actions.toggle());
  shell.addStyles(css);
  const mode = shell.mode;

  const lang: Lang = takeover?.lang ?? startLanguage(config.lang);
  const translator = createTranslator(lang);
  controller = createController({
    lang,
    translator,
    storage: safeStorage,
    // Read at each load: a <faq-widget content> attribute can change it on the live widget.
    load: (signal, langs) => (config.content ? loadRemoteContent(config.content, { signal, langs }) : builtIn(signal, langs)),
    alwaysOpen: mode === 'inline',
  });
  if (takeover?.open) controller.actions.open();

  const { host } = shell;
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
      render(null, shell.slot);
      shell.remove();
    },
  };

  const renderApp = () =>
    render(
      h(App, { controller, t: translator.t, mode, theme: config.theme, position: config.position, contactUrl: config.contactUrl, uid, shell, warmUp: !!takeover }),
      shell.slot,
    );
  // The loader's own view (its load-error message) gives way to the panel.
  if (takeover) shell.slot.replaceChildren();
  renderApp();

  // Ready once the first load has settled, content in or the error state reached (after `error`),
  // so a page script waiting for it never hangs; never synchronously, so listeners added right
  // after mount() hear it. load() never rejects.
  void Promise.resolve(controller.load()).then(() => {
    if (!destroyed) controller.events.emit('ready', { widget: takeover?.facade ?? handle });
  });
  const update = (changes: LiveOptions) => {
    if (destroyed) return;
    const next = resolveOptions({ ...changes, mode: 'launcher' });
    const lang = toLang(next.lang);
    if ('lang' in changes && lang) void handle.setLanguage(lang);
    if ('accent' in changes) shell.setAccent((config.accent = next.accent));
    for (const key of ['theme', 'position', 'contactUrl'] as const) if (key in changes) Object.assign(config, { [key]: next[key] });
    if ('content' in changes && next.content !== config.content) {
      config.content = next.content;
      controller.actions.reload();
    }
    renderApp();
  };
  return { handle, update };
}
