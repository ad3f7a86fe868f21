import type { Lang, SearchHit, WidgetEventMap } from '../types';
import { Catalog, type Results } from './catalog';
import { describeProblem, type Entry, type LoadedContent } from './content';
import type { Translator } from './i18n';
import { saveLanguage } from './locale';
import { createEmitter, createStore } from './store';

export type View = { name: 'home' } | { name: 'article'; id: string };

export interface State {
  open: boolean;
  lang: Lang;
  query: string;
  view: View;
  results: Results;
  /** Index of the highlighted option (see `optionsOf`), -1 for none. */
  active: number;
  status: 'loading' | 'ready' | 'error';
  /** Some of the content was invalid and skipped, or one language's file failed. */
  partial: boolean;
  /** Feedback given per `lang/id`. */
  feedback: Record<string, boolean>;
  catalog: Catalog;
}

export interface ControllerDeps {
  lang: Lang;
  translator: Translator;
  /** Built-in content is ready at once; remote content arrives through `load`. */
  catalog?: Catalog;
  load?: (signal: AbortSignal) => Promise<LoadedContent>;
  /** Inline widgets are always open: close() does nothing. */
  alwaysOpen?: boolean;
  storage: () => Storage | undefined;
  log?: Pick<Console, 'warn' | 'error'>;
  /** Idle time after the last keystroke before a `search` event reports the query. */
  searchEventDelay?: number;
}

const SUGGESTIONS = 3;
/** The panel lists at most this many hits; the API's search() has its own limit. */
const PANEL_LIMIT = 30;

/**
 * Entries by category, in content order: what the panel shows on an empty query. A large help
 * centre is searched, not scrolled: about 40 entries at most, between 2 and 8 per category.
 */
export function browseGroups({ catalog, lang }: State): { label: string; entries: Entry[] }[] {
  const entries = catalog.entries(lang);
  const categories = catalog.categories(lang);
  const each = Math.max(2, Math.min(8, Math.floor(40 / categories.length)));
  return categories
    .map((c) => ({ label: c.name, entries: entries.filter((e) => e.category === c.id).slice(0, each) }))
    .filter((g) => g.entries.length);
}

/** The entries the listbox shows for a state, in order: what ↑/↓ move through. */
export function optionsOf(state: State): Entry[] {
  if (!state.query.trim()) return browseGroups(state).flatMap((g) => g.entries);
  if (state.results.hits.length) return state.results.hits.map((h) => h.entry);
  return state.catalog.entries(state.lang).slice(0, SUGGESTIONS);
}

/**
 * The widget's behaviour without a DOM: state, actions and events. The view
 * renders the state and calls the actions; mount() wires it to the page.
 */
export function createController(deps: ControllerDeps) {
  const log = deps.log ?? console;
  const events = createEmitter<WidgetEventMap>((e) => log.error('faq-widget: an event handler threw', e));
  const store = createStore<State>({
    open: Boolean(deps.alwaysOpen),
    lang: deps.lang,
    query: '',
    view: { name: 'home' },
    results: { hits: [] },
    active: -1,
    status: deps.catalog ? 'ready' : 'loading',
    partial: false,
    feedback: {},
    catalog: deps.catalog ?? new Catalog({}),
  });
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let loading: Promise<void> | undefined;
  /** An article asked for while content was still loading: opened once it arrives. */
  let pendingArticle: string | undefined;
  /** A language's file failed to load: worth another try, unlike invalid entries. */
  let incomplete = false;
  const abort = new AbortController();

  const get = store.get;
  // After dispose() nothing changes any more: a late call on a destroyed widget is a no-op.
  const set = (patch: Partial<State>) => abort.signal.aborted || store.set(patch);

  function fail(message: string) {
    log.error(`faq-widget: ${message}`);
    events.emit('error', { message });
  }

  async function load(): Promise<void> {
    if (!deps.load || loading) return loading;
    set({ status: 'loading' });
    loading = (async () => {
      const { contents, problems, failures } = await deps.load!(abort.signal);
      if (abort.signal.aborted) return;
      // One warning for the whole load, a line per problem: file, entry, field and what is wrong.
      if (problems.length) log.warn(`faq-widget: content skipped or ignored:\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
      incomplete = failures.length > 0;
      const catalog = new Catalog(contents);
      const usable = catalog.has('lv') || catalog.has('en');
      set({ catalog, status: usable ? 'ready' : 'error', partial: problems.length > 0 || failures.length > 0 });
      rerun();
      if (failures.length) fail(`content could not be loaded: ${failures.join('; ')}`);
      if (pendingArticle && usable) actions.openArticle(pendingArticle);
      pendingArticle = undefined;
    })().finally(() => (loading = undefined));
    return loading;
  }

  function rerun() {
    const { query, lang, catalog } = get();
    const results = catalog.search(query, lang, PANEL_LIMIT);
    set({ results, active: results.hits.length ? 0 : -1 });
  }

  function reportSearch() {
    clearTimeout(searchTimer);
    if (!get().query.trim()) return;
    searchTimer = setTimeout(() => {
      // What the visitor sees when they pause, also if the language changed meanwhile.
      const { query, lang, results } = get();
      if (!query.trim()) return;
      events.emit('search', {
        query,
        lang,
        resultCount: results.hits.length,
        ...(results.fallbackLang ? { fallbackLang: results.fallbackLang } : {}),
      });
    }, deps.searchEventDelay ?? 600);
  }

  const actions = {
    open() {
      if (get().open) return;
      set({ open: true });
      // Failed content gets another chance each time the visitor comes back.
      actions.retry();
      events.emit('open', {});
    },
    /** Loads the owner's content again if any of it failed. */
    retry() {
      if (get().status === 'error' || incomplete) void load();
    },
    close() {
      if (!get().open || deps.alwaysOpen) return;
      set({ open: false });
      events.emit('close', {});
    },
    toggle() {
      if (get().open) actions.close();
      else actions.open();
    },
    setQuery(query: string) {
      set({ query, view: { name: 'home' } });
      rerun();
      reportSearch();
    },
    /** Moves the highlight through the options, wrapping at both ends. */
    move(delta: number) {
      const count = optionsOf(get()).length;
      if (!count) return;
      const active = get().active;
      set({ active: active < 0 ? (delta > 0 ? 0 : count - 1) : (active + delta + count) % count });
    },
    /** Opens the highlighted option; false when nothing is highlighted. */
    choose(): boolean {
      const entry = optionsOf(get())[get().active];
      if (entry) actions.openArticle(entry.id);
      return Boolean(entry);
    },
    openArticle(id: string) {
      if (get().status === 'loading') {
        pendingArticle = id;
        return;
      }
      const entry = get().catalog.entry(id, get().lang);
      if (!entry) {
        fail(`there is no entry "${id}"`);
        return;
      }
      set({ view: { name: 'article', id } });
      events.emit('article', { id, lang: entry.lang });
    },
    back() {
      set({ view: { name: 'home' } });
    },
    /** Switches language; `remember` saves it as the visitor's choice (a shared link does not). */
    async setLanguage(lang: Lang, remember = true) {
      if (lang !== 'lv' && lang !== 'en') {
        fail(`unsupported language "${String(lang)}"; use "lv" or "en"`);
        return;
      }
      if (remember) saveLanguage(deps.storage, lang);
      if (lang === get().lang) return;
      deps.translator.setLanguage(lang);
      set({ lang });
      rerun();
      events.emit('language', { lang });
    },
    feedback(id: string, helpful: boolean) {
      const entry = get().catalog.entry(id, get().lang);
      if (!entry) return;
      set({ feedback: { ...get().feedback, [`${entry.lang}/${id}`]: helpful } });
      events.emit('feedback', { id, lang: entry.lang, helpful });
    },
    /** The API's search: the panel's results, without touching the panel. */
    async search(query: string, opts: { limit?: number; lang?: Lang } = {}): Promise<SearchHit[]> {
      await loading;
      if (abort.signal.aborted) return [];
      const lang = opts.lang === 'lv' || opts.lang === 'en' ? opts.lang : get().lang;
      const limit = Number.isFinite(opts.limit) ? Math.max(0, Math.floor(opts.limit!)) : 10;
      return get()
        .catalog.search(String(query ?? ''), lang, limit)
        .hits.map(({ entry, score }) => ({ id: entry.id, lang: entry.lang, question: entry.question, score }));
    },
  };

  return {
    store,
    events,
    actions,
    load,
    dispose() {
      set({ open: false });
      abort.abort();
      clearTimeout(searchTimer);
      events.clear();
    },
  };
}

export type Controller = ReturnType<typeof createController>;
