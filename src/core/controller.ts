import type { Lang, SearchHit, WidgetEventMap } from '../types';
import { Catalog, otherLang, type Results } from './catalog';
import { isMore, optionsOf, PAGE } from './browse';
import { describeProblem, type Content, type LoadedContent, type Problem } from './content';
import type { Translator } from './i18n';
import { LANGS, saveLanguage } from './locale';
import { createStore, type Emitter } from './store';

/** A category's entries, the first `shown` of them (see `categoryPage`). */
export type CategoryView = { name: 'category'; id: string; shown: number };
/** An article remembers the category view it was opened from: Back returns there. */
export type View = { name: 'home' } | CategoryView | { name: 'article'; id: string; from?: CategoryView };

export interface State {
  open: boolean;
  lang: Lang;
  query: string;
  view: View;
  results: Results;
  /** Index of the highlighted option (see `optionsOf`), -1 for none. */
  active: number;
  status: 'loading' | 'ready' | 'error';
  /** Some of the content was invalid and skipped, or the other language's file failed. */
  partial: boolean;
  /** The visitor's language failed to load and the other language's entries are shown instead. */
  unavailable: boolean;
  /** The site's languages: one means no switch and nothing from the other language. */
  langs: Lang[];
  /** Entry ids the page suggests (`data-suggest`, `suggest()`), as given. */
  suggested: string[];
  /** The owner's featured entry ids per language (the content's `featured`). */
  featured: Partial<Record<Lang, string[]>>;
  /** Feedback given per `lang/id`. */
  feedback: Record<string, boolean>;
  catalog: Catalog;
}

export interface ControllerDeps {
  lang: Lang;
  translator: Translator;
  /** Built-in content is ready at once; remote content arrives through `load`, in the languages asked for. */
  catalog?: Catalog;
  load?: (signal: AbortSignal, langs: readonly Lang[]) => Promise<LoadedContent>;
  /** Inline widgets are always open: close() does nothing. */
  alwaysOpen?: boolean;
  /** The owner's `languages` option: the site's languages, when the owner says. */
  languages?: Lang[];
  /** Entry ids the page suggests from the start. */
  suggest?: string[];
  storage: () => Storage | undefined;
  /** Where the widget's events go and the page's handlers listen (see `createWidgetEvents`). */
  events: Emitter<WidgetEventMap>;
  log?: Pick<Console, 'warn' | 'error'>;
  /** Idle time after the last keystroke before a `search` event reports the query. */
  searchEventDelay?: number;
}

/** The panel lists at most this many hits; the API's search() has its own limit. */
const PANEL_LIMIT = 30;
/** The console gets the first problems, not 130,000 lines: enough to see what is wrong. */
const PROBLEM_LINES = 20;

/** One warning for a whole load, a line per problem (file, entry, field, what is wrong), capped. */
function describeProblems(problems: Problem[]): string {
  const lines = problems.slice(0, PROBLEM_LINES).map((p) => `\n  ${describeProblem(p)}`);
  const more = problems.length - PROBLEM_LINES;
  return `faq-widget: content skipped or ignored:${lines.join('')}${more > 0 ? `\n  …and ${more} more` : ''}`;
}

/** A file that failed `tries` times in a row waits 2 s, 4 s, 8 s … up to a minute before an open fetches it again. */
const backOff = (tries: number) => Math.min(1000 * 2 ** tries, 60_000);

/**
 * The widget's behaviour without a DOM: state, actions and events. The view
 * renders the state and calls the actions; mount() wires it to the page.
 */
export function createController(deps: ControllerDeps) {
  const log = deps.log ?? console;
  const { events } = deps;
  const store = createStore<State>({
    open: Boolean(deps.alwaysOpen),
    lang: deps.lang,
    query: '',
    view: { name: 'home' },
    results: { hits: [] },
    active: -1,
    status: deps.catalog ? 'ready' : 'loading',
    partial: false,
    unavailable: false,
    langs: deps.languages?.length ? deps.languages : [...LANGS],
    suggested: deps.suggest ?? [],
    featured: {},
    feedback: {},
    // The widget's own catalog never indexes during a keystroke: languages are prepared in slices.
    catalog: deps.catalog ?? new Catalog({}, false),
  });
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Enter was pressed while the fallback language was on its way. */
  let chooseWhenIn = false;
  let loading: Promise<void> | undefined;
  /** An article asked for while content was still loading: opened once it arrives. */
  let pendingArticle: string | undefined;
  /** Remote content per language once it has loaded: kept, never fetched again. */
  let loaded: Partial<Record<Lang, Content>> = {};
  /** Per language whose file failed: failures in a row, and when an open may fetch it again. */
  const retries: Partial<Record<Lang, { tries: number; after: number }>> = {};
  let skipped = false;
  /** Load failures and warnings already told: the same file failing the same way is told once. */
  const told = new Set<string>();
  const once = (text: string) => !told.has(text) && Boolean(told.add(text));
  const abort = new AbortController();
  /**
   * Aborted by dispose(). From then on nothing has an effect: set() changes nothing, and load(),
   * fail(), the search timer, setLanguage() and search() check it. No request, console line,
   * timer or storage write comes from a destroyed widget; its promises still resolve.
   */
  const gone = abort.signal;

  const get = store.get;
  const set = (patch: Partial<State>) => gone.aborted || store.set(patch);
  const hasContent = () => LANGS.some((l) => loaded[l]);
  /**
   * The languages the widget needs: the visitor's at first; the other one once the visitor
   * switches, a search finds nothing and the fallback needs it, or the visitor's file fails.
   */
  const wanted = new Set<Lang>([deps.lang]);
  /** Bumped by reload(): a load still on its way for the old source then changes nothing. */
  let source = 0;
  /** Languages whose file the server says is not there, with the message that says so. */
  let missing: Partial<Record<Lang, string>> = {};
  /** Whether the site has `lang`: the owner's option, the content's own word, or a file found missing. */
  const allowed = (lang: Lang) => get().langs.includes(lang);
  /** Languages the owner has said the site has (option or content): a missing file of one of these is an error. */
  let declared: Lang[] = deps.languages ?? [];

  /**
   * The site turns out to be in `lang` only: the widget changes to it (its interface too), drops
   * the switch and never asks for the other language again. Said nowhere: the visitor loses nothing.
   */
  function only(lang: Lang) {
    wanted.clear();
    wanted.add(lang);
    const change = get().lang !== lang;
    if (change) deps.translator.setLanguage(lang);
    set({ langs: [lang], lang });
    if (change) events.emit('language', { lang });
  }

  /** A search in the visitor's language that never reaches for a language the site does not have. */
  function searchIn(query: string, lang: Lang, limit: number): Results {
    const results = get().catalog.search(query, lang, limit);
    return results.pending && !allowed(results.pending) ? { hits: results.hits } : results;
  }

  /** The content's own interface text for its language; what is wrong with it is told once. */
  function useOwnWords(content: Content) {
    const problems = deps.translator.override(content.lang, content.ui ?? {});
    const where = content.source ?? `the ${content.lang} content`;
    const warning = `faq-widget: ${where} "ui": ${problems.map((p) => p.message).join('; ')}; ${problems.length > 1 ? 'these are' : 'it is'} ignored`;
    if (problems.length && once(warning)) log.warn(warning);
  }

  /**
   * What the loaded files say of the site's languages: one declared by the content, or one
   * whose file is not there while the other's is, makes the site single-language.
   */
  function settleLanguages() {
    if (declared.length === 1) return only(declared[0]);
    if (declared.length) return;
    const present = LANGS.filter((l) => loaded[l]);
    const absent = LANGS.filter((l) => missing[l] && !loaded[l]);
    if (present.length === 1 && absent.length === 1) only(present[0]);
  }

  /** The page's suggestions the content does not have: told once each, then left out by the view. */
  function checkSuggested() {
    const { suggested, catalog, lang, status } = get();
    if (status !== 'ready') return;
    for (const id of suggested) {
      const warning = `faq-widget: suggested entry "${id}" is not in the content; it is left out`;
      if (!catalog.entry(id, lang) && once(warning)) log.warn(warning);
    }
  }

  function fail(message: string, cause?: unknown) {
    if (gone.aborted) return;
    log.error(`faq-widget: ${message}`, ...(cause ? [cause] : []));
    events.emit('error', { message });
  }

  function failed(lang: Lang) {
    const tries = (retries[lang]?.tries ?? 0) + 1;
    retries[lang] = { tries, after: Date.now() + backOff(tries) };
  }

  /**
   * Fetches the languages still missing: those whose back-off has passed, or all of them `now`
   * (the visitor's Try again). Never rejects: whatever goes wrong ends in the error state.
   */
  function load(now = false): Promise<void> | undefined {
    if (!deps.load || loading || gone.aborted) return loading;
    let langs = LANGS.filter((l) => wanted.has(l) && !loaded[l] && (now || Date.now() >= (retries[l]?.after ?? 0)));
    if (!langs.length) return;
    // Content already shown stays up while a missing language is tried again.
    if (!hasContent()) set({ status: 'loading' });
    const mine = source;
    loading = (async () => {
      try {
        while (langs.length) {
          const got = await deps.load!(gone, langs);
          if (gone.aborted || mine !== source) return;
          for (const lang of langs) {
            const content = got.contents[lang];
            if (content) {
              loaded[lang] = content;
              delete retries[lang];
              get().catalog.add(lang, content);
              set({ featured: { ...get().featured, [lang]: content.featured } });
              useOwnWords(content);
              if (content.languages && !deps.languages?.length) declared = content.languages;
            } else failed(lang);
            if (got.missing?.[lang]) missing[lang] = got.missing[lang];
          }
          if (got.problems.length) {
            // Only content left out is the visitor's business; the rest is the owner's, in the console.
            skipped ||= got.problems.some((p) => p.skipped);
            const warning = describeProblems(got.problems);
            if (once(warning)) log.warn(warning);
          }
          settleLanguages();
          // The visitor's language is indexed before it is searchable: in slices, never one long task.
          const { catalog } = get();
          await catalog.prepare(loaded[get().lang] ? get().lang : otherLang(get().lang), gone);
          if (gone.aborted) return;
          // The visitor's own file failed: the other language is better than nothing, in the same load.
          const other = otherLang(get().lang);
          langs = !loaded[get().lang] && !wanted.has(other) && allowed(other) ? [other] : [];
          if (langs.length) wanted.add(other);
          const lang = get().lang;
          const unavailable = !loaded[lang] && hasContent();
          set({
            catalog,
            status: hasContent() ? 'ready' : langs.length ? 'loading' : 'error',
            unavailable,
            partial: skipped || (!unavailable && [...wanted].some((l) => !loaded[l] && allowed(l))),
          });
          rerun();
          checkSuggested();
          // Said at once, not after the next round: the visitor sees the error while another language is tried.
          // A file not there is no error while the other language serves: the site is in that one.
          const gaps = (Object.keys(missing) as Lang[]).filter((l) => (!hasContent() && !langs.length) || declared.includes(l)).map((l) => missing[l]!);
          // Without {{lng}} both languages name the same file: said once.
          const fresh = [...new Set(got.failures.concat(gaps))].filter(once);
          if (fresh.length) fail(`content could not be loaded: ${fresh.join('; ')}`);
          if (pendingArticle && hasContent()) actions.openArticle(pendingArticle);
        }
      } catch (error) {
        if (gone.aborted) return;
        // A bug or an odd page (an old polyfill, a hostile global) must not leave "Loading…" for
        // ever: start again from nothing, in the error state, with Try again.
        loaded = {};
        LANGS.forEach(failed);
        set({ catalog: new Catalog({}, false), status: 'error' });
        rerun();
        const what = error instanceof Error ? String(error) : 'an unexpected error'; // String() of others can throw
        if (once(what)) fail(`content could not be loaded: ${what}`, error);
      }
      pendingArticle = undefined;
    })().finally(() => (loading = undefined));
    return loading;
  }

  /** Loads `lang` if the widget has not yet, and indexes it in slices; never rejects. */
  async function ensure(lang: Lang): Promise<void> {
    if (!allowed(lang)) return;
    wanted.add(lang);
    // A load already on its way was started for other languages: wait for it, then fetch this one.
    while (loading && !loaded[lang] && !gone.aborted) await loading;
    await load();
    if (!gone.aborted) await get().catalog.prepare(lang, gone).catch(() => undefined);
  }

  function rerun() {
    const { query, lang, catalog } = get();
    const results = searchIn(query, lang, PANEL_LIMIT);
    set({ results, active: results.hits.length ? 0 : -1 });
    // Nothing here; the other language may have an answer once it is in and indexed. Searched
    // again only if that made a difference, so a language without content cannot loop.
    const other = results.pending;
    // The visitor's language, still on its way or being indexed, has not said "nothing" yet: the
    // load searches again once it is in, and only then is the other language fetched if needed.
    const arriving = Boolean(loading) && !catalog.ready(lang) && !retries[lang];
    if (other && deps.load && !gone.aborted) {
      if (arriving) return;
      void ensure(other).then(() => {
        if (get().catalog.ready(other) && get().query === query) rerun();
      });
    } else if (chooseWhenIn) {
      chooseWhenIn = false;
      if (results.hits.length) actions.openArticle(results.hits[0].entry.id);
    }
  }

  function reportSearch() {
    clearTimeout(searchTimer);
    if (gone.aborted || !get().query.trim()) return;
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
      // Failed content gets another chance when the visitor comes back after its back-off.
      void load();
      events.emit('open', {});
    },
    /** The content's source changed (a `<faq-widget content>` attribute): start again from nothing. */
    reload() {
      if (gone.aborted) return;
      source++;
      loading = undefined;
      loaded = {};
      missing = {};
      skipped = false;
      declared = deps.languages ?? [];
      for (const lang of LANGS) delete retries[lang];
      wanted.clear();
      wanted.add(get().lang);
      const langs = deps.languages?.length ? deps.languages : [...LANGS];
      set({ catalog: new Catalog({}, false), status: 'loading', partial: false, unavailable: false, langs, featured: {}, view: { name: 'home' } });
      void load(true);
    },
    /** Try again: loads the owner's content that failed, at once, whatever its back-off. */
    retry() {
      void load(true);
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
      chooseWhenIn = false;
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
    /**
     * Opens the highlighted option; false when there is nothing to open. While the other
     * language is still on its way for a fallback, Enter opens its best hit once it is in.
     */
    choose(): boolean {
      const option = optionsOf(get())[get().active];
      if (!option) chooseWhenIn = Boolean(get().results.pending);
      else if (isMore(option)) actions.browse(option.more);
      else actions.openArticle(option.id);
      return Boolean(option) || chooseWhenIn;
    },
    /**
     * Shows a category's entries (its "Show all" option on the home view) or, from that category's
     * view, the next page of them ("Show N more"): the highlight goes to the first entry new in view.
     */
    browse(category: string) {
      const { view } = get();
      const shown = view.name === 'category' && view.id === category ? view.shown : 0;
      set({ view: { name: 'category', id: category, shown: shown + PAGE }, active: shown });
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
      const { view } = get();
      const from = view.name === 'category' ? view : view.name === 'article' ? view.from : undefined;
      set({ view: { name: 'article', id, ...(from && { from }) } });
      events.emit('article', { id, lang: entry.lang });
    },
    /**
     * From an article to the category view it was opened from, or to the home view; the highlight
     * goes to where the visitor left: the entry just read, or the category's "Show all" option.
     */
    back() {
      const { view } = get();
      const to: View = view.name === 'article' && view.from ? view.from : { name: 'home' };
      const at = optionsOf({ ...get(), view: to }).findIndex((o) =>
        isMore(o) ? view.name === 'category' && o.more === view.id : view.name === 'article' && o.id === view.id,
      );
      set({ view: to, ...(at >= 0 && { active: at }) });
    },
    /** Switches language; `remember` saves it as the visitor's choice (a shared link does not). */
    async setLanguage(lang: Lang, remember = true) {
      if (gone.aborted) return;
      if (lang !== 'lv' && lang !== 'en') {
        fail(`unsupported language "${String(lang)}"; use "lv" or "en"`);
        return;
      }
      if (!allowed(lang)) {
        fail(`this site's help is in ${get().langs.join(', ')} only; setLanguage("${lang}") changes nothing`);
        return;
      }
      if (remember) saveLanguage(deps.storage, lang);
      if (lang === get().lang) return;
      deps.translator.setLanguage(lang);
      // A language not yet in is fetched and indexed now; meanwhile the panel says it is loading.
      const arriving = Boolean(deps.load) && !get().catalog.ready(lang) && get().status !== 'error';
      set({ lang, unavailable: false, ...(arriving && { status: 'loading' as const }) });
      if (arriving) {
        await ensure(lang);
        // Gone, or the file was not there and the site turned out to be in the other language only (which said so).
        if (gone.aborted || get().lang !== lang) return;
        if (get().status === 'loading' && !loading) set({ status: hasContent() ? 'ready' : 'error' });
        set({ unavailable: !loaded[lang] && hasContent() });
      }
      rerun();
      events.emit('language', { lang });
    },
    /** The page's suggested entries (`handle.suggest()`); unknown ones are told once content is in. */
    suggest(ids: string[]) {
      set({ suggested: ids });
      checkSuggested();
    },
    feedback(id: string, helpful: boolean) {
      const entry = get().catalog.entry(id, get().lang);
      if (!entry) return;
      set({ feedback: { ...get().feedback, [`${entry.lang}/${id}`]: helpful } });
      events.emit('feedback', { id, lang: entry.lang, helpful });
    },
    /**
     * The API's search: the panel's results, without touching the panel. Page scripts pass
     * anything: options that are not an object mean the defaults, and a query that is not a
     * string, number or boolean means an empty one (String() of an object can throw).
     */
    async search(query: unknown, opts?: unknown): Promise<SearchHit[]> {
      if (!gone.aborted) await loading;
      if (gone.aborted) return [];
      const { limit, lang: wanted }: { limit?: unknown; lang?: unknown } = (typeof opts === 'object' && opts) || {};
      const text = ['string', 'number', 'boolean'].includes(typeof query) ? String(query) : '';
      const lang = (wanted === 'lv' || wanted === 'en') && allowed(wanted) ? wanted : get().lang;
      const n = Number.isFinite(limit) ? Math.max(0, Math.floor(limit as number)) : 10;
      if (deps.load && !get().catalog.ready(lang)) await ensure(lang);
      let results = searchIn(text, lang, n);
      if (results.pending && deps.load) {
        await ensure(results.pending);
        results = searchIn(text, lang, n);
      }
      if (gone.aborted) return [];
      return results.hits.map(({ entry, score }) => ({ id: entry.id, lang: entry.lang, question: entry.question, score }));
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
