import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtInLoaded } from '../../src/content';
import { builtInCatalog } from './builtin';
import type { Content, LoadedContent } from '../../src/core/content';
import { browseGroups, optionsOf } from '../../src/core/browse';
import { createController } from '../../src/core/controller';
import { Catalog } from '../../src/core/catalog';
import { readContent } from '../../src/core/content';
import { createTranslator } from '../../src/core/i18n';
import { createWidgetEvents } from '../../src/core/store';
import type { Lang } from '../../src/types';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } as Storage;
};

function setup(lang: Lang = 'lv', extra: Partial<Parameters<typeof createController>[0]> = {}) {
  const storage = memoryStorage();
  const log = { warn: vi.fn(), error: vi.fn() };
  const controller = createController({
    lang,
    translator: createTranslator(lang),
    catalog: builtInCatalog(),
    storage: () => storage,
    events: createWidgetEvents(),
    log,
    ...extra,
  });
  const events: [string, unknown][] = [];
  for (const name of ['open', 'close', 'search', 'article', 'feedback', 'language', 'error'] as const) {
    controller.events.on(name, (detail) => events.push([name, detail]));
  }
  return { controller, events, storage, log, state: () => controller.store.get() };
}

/** A loader whose every file fails; `answer(lang, call)` says how (default: 404). */
const failing = (answer = (_lang: Lang, _call: number) => 'the server answered 404') => {
  const load = vi.fn(
    async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => ({
      contents: {},
      problems: [],
      failures: langs.map((l) => `/${l}.json: ${answer(l, load.mock.calls.length)}`),
    }),
  );
  return load;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('controller', () => {
  it('browses every entry by category on an empty query', () => {
    const { state } = setup();
    // The built-in content: 32 entries in five categories, none with more than the eight browsed.
    expect(optionsOf(state())).toHaveLength(32);
  });

  it('browses about 40 entries at most in a large help centre', () => {
    const entries = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`e${i}`, { category: `c${i % 20}`, question: `Q${i}?`, answer: 'A.' }]));
    const categories = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`c${i}`, `C${i}`]));
    const { content } = readContent({ categories, entries }, 'lv', 'big');
    const { state } = setup('lv', { catalog: new Catalog({ lv: content }) });
    expect(browseGroups(state()).map((g) => g.entries.length)).toEqual(Array(20).fill(2));
  });

  it('browses at most eight entries per category', () => {
    const entries = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`e${i}`, { category: i % 2 ? 'a' : 'b', question: `Q${i}?`, answer: 'A.' }]));
    const { content } = readContent({ categories: { a: 'A', b: 'B' }, entries }, 'lv', 'big');
    const { state } = setup('lv', { catalog: new Catalog({ lv: content }) });
    expect(browseGroups(state()).map((g) => [g.label, g.entries.length])).toEqual([['A', 8], ['B', 8]]);
  });

  it('ends a category with more entries than the home view lists in its "Show all" option', () => {
    const entries = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`e${i}`, { category: i < 10 ? 'a' : 'b', question: `Q${i}?`, answer: 'A.' }]));
    const { content } = readContent({ categories: { a: 'A', b: 'B' }, entries }, 'lv', 'big');
    const { state } = setup('lv', { catalog: new Catalog({ lv: content }) });
    expect(browseGroups(state()).map((g) => g.more)).toEqual([{ more: 'a', count: 10 }, undefined]);
    expect(optionsOf(state())).toHaveLength(8 + 1 + 2);
    expect(optionsOf(state())[8]).toEqual({ more: 'a', count: 10 });
  });

  describe('the category view', () => {
    const big = () => {
      const entries = Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`e${i}`, { category: i % 2 ? 'odd' : 'even', question: `Q${i}?`, answer: 'A.', related: ['e0'] }]));
      const { content } = readContent({ categories: { even: 'Even', odd: 'Odd' }, entries }, 'lv', 'big');
      return setup('lv', { catalog: new Catalog({ lv: content }) });
    };

    it('opens with Enter on "Show all": the first page of the category, the first entry highlighted', () => {
      const { controller, state } = big();
      controller.actions.move(1);
      for (let i = 0; i < 8; i++) controller.actions.move(1);
      expect(controller.actions.choose()).toBe(true);
      expect(state().view).toEqual({ name: 'category', id: 'even', shown: 50 });
      expect(state().active).toBe(0);
      const options = optionsOf(state());
      expect(options).toHaveLength(51);
      expect(options[50]).toEqual({ more: 'even', count: 15 });
    });

    it('shows the next page with Enter on "Show N more", highlighting the first new entry, until all are shown', () => {
      const { controller, state } = big();
      controller.actions.browse('odd');
      controller.actions.move(-1);
      controller.actions.choose();
      expect(state()).toMatchObject({ view: { shown: 100 }, active: 50 });
      const options = optionsOf(state());
      expect(options).toHaveLength(65);
      expect(options.every((o) => 'id' in o && o.category === 'odd')).toBe(true);
    });

    it('goes Back from an article, also one reached through a related entry, to the category; from there to home', () => {
      const { controller, state, events } = big();
      controller.actions.browse('odd');
      controller.actions.openArticle('e7');
      controller.actions.openArticle('e0'); // a related entry, of another category
      expect(events).toContainEqual(['article', { id: 'e0', lang: 'lv' }]);
      controller.actions.back();
      expect(state().view).toEqual({ name: 'category', id: 'odd', shown: 50 });
      controller.actions.back();
      expect(state().view).toEqual({ name: 'home' });
      expect(optionsOf(state())[state().active]).toEqual({ more: 'odd', count: 65 });
    });

    it('is left for the results when the visitor types', () => {
      const { controller, state } = big();
      controller.actions.browse('odd');
      controller.actions.setQuery('Q7');
      expect(state().view).toEqual({ name: 'home' });
      controller.actions.openArticle('e7');
      controller.actions.back();
      expect(state().view).toEqual({ name: 'home' });
    });
  });

  it('searches as the query changes and highlights the best hit', () => {
    const { controller, state } = setup();
    controller.actions.setQuery('izdegshana');
    expect(state().results.hits[0].entry.id).toBe('difficulty');
    expect(state().active).toBe(0);
  });

  it('moves the highlight with wrap-around and opens the highlighted entry', () => {
    const { controller, state, events } = setup();
    controller.actions.setQuery('alga');
    const count = optionsOf(state()).length;
    controller.actions.move(-1);
    expect(state().active).toBe(count - 1);
    controller.actions.move(1);
    expect(state().active).toBe(0);
    expect(controller.actions.choose()).toBe(true);
    expect(state().view).toEqual({ name: 'article', id: state().results.hits[0].entry.id });
    expect(events).toContainEqual(['article', { id: 'salary', lang: 'lv' }]);
  });

  it('reports a search once the visitor pauses, not on every keystroke', () => {
    const { controller, events } = setup();
    for (const q of ['a', 'al', 'alg', 'alga']) controller.actions.setQuery(q);
    expect(events.filter(([e]) => e === 'search')).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(events.filter(([e]) => e === 'search')).toEqual([['search', { query: 'alga', lang: 'lv', resultCount: expect.any(Number) }]]);
  });

  it('reports what the visitor sees when they pause, also after switching language meanwhile', async () => {
    const { controller, events } = setup('lv');
    controller.actions.setQuery('alga');
    await controller.actions.setLanguage('en');
    vi.advanceTimersByTime(1000);
    expect(events.filter(([e]) => e === 'search')).toEqual([['search', expect.objectContaining({ query: 'alga', lang: 'en' })]]);
  });

  it('reports the fallback language when results come from the other language', () => {
    const { controller, events } = setup('lv');
    controller.actions.setQuery('salary');
    vi.advanceTimersByTime(1000);
    expect(events).toContainEqual(['search', expect.objectContaining({ fallbackLang: 'en' })]);
  });

  it('switches language, keeps the query, re-runs the search and remembers the choice', async () => {
    const { controller, state, events, storage } = setup('lv');
    controller.actions.setQuery('stress');
    await controller.actions.setLanguage('en');
    expect(state()).toMatchObject({ lang: 'en', query: 'stress' });
    expect(state().results.hits.every((h) => h.entry.lang === 'en')).toBe(true);
    expect(events).toContainEqual(['language', { lang: 'en' }]);
    expect(storage.getItem('faq-widget:lang')).toBe('en');
  });

  it('rejects an unsupported language with an error event and stays as it was', async () => {
    const { controller, state, events } = setup('lv');
    await controller.actions.setLanguage('de' as Lang);
    expect(state().lang).toBe('lv');
    expect(events).toContainEqual(['error', { message: 'unsupported language "de"; use "lv" or "en"' }]);
  });

  it('records feedback per entry and language', () => {
    const { controller, state, events } = setup('en');
    controller.actions.feedback('salary', false);
    expect(state().feedback).toEqual({ 'en/salary': false });
    expect(events).toContainEqual(['feedback', { id: 'salary', lang: 'en', helpful: false }]);
  });

  it('reports an unknown article id instead of showing nothing', () => {
    const { controller, state, events } = setup();
    controller.actions.openArticle('nope');
    expect(state().view).toEqual({ name: 'home' });
    expect(events).toContainEqual(['error', { message: 'there is no entry "nope"' }]);
  });

  it('opens, closes and toggles with one event each', () => {
    const { controller, events } = setup();
    controller.actions.open();
    controller.actions.open();
    controller.actions.toggle();
    expect(events).toEqual([['open', {}], ['close', {}]]);
  });

  it('answers API searches with the same hits the panel shows, without touching the panel', async () => {
    const { controller, state } = setup('lv');
    const hits = await controller.actions.search('zvanu centrs', { limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]).toEqual({ id: expect.any(String), lang: 'lv', question: expect.any(String), score: expect.any(Number) });
    expect(state().query).toBe('');
    expect((await controller.actions.search('salary', { lang: 'lv' }))[0].lang).toBe('en');
  });

  it('stops reporting after dispose', () => {
    const { controller, events } = setup();
    controller.actions.setQuery('alga');
    controller.dispose();
    vi.advanceTimersByTime(1000);
    expect(events.filter(([e]) => e === 'search')).toEqual([]);
  });

  it('answers a search() with null options, or options that are not an object, with the defaults', async () => {
    const { controller } = setup('lv');
    const defaults = await controller.actions.search('darbs');
    for (const opts of [null, 'fast', 42, true, []]) expect(await controller.actions.search('darbs', opts as never)).toEqual(defaults);
  });

  it.each([NaN, Infinity, -Infinity, '3', null])('takes a search() limit of %s as the default', async (limit) => {
    const { controller } = setup('lv');
    expect(await controller.actions.search('darbs', { limit: limit as never })).toEqual(await controller.actions.search('darbs'));
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a symbol', Symbol('alga')],
    ['an object without a prototype', Object.create(null)],
    ['an object whose toString throws', { toString: () => { throw new Error('no'); } }],
  ])('takes a search() query of %s as empty', async (_, query) => {
    const { controller } = setup('lv');
    expect(await controller.actions.search(query as never)).toEqual([]);
  });

  it('searches for a number query as its digits', async () => {
    const { controller } = setup('en');
    expect(await controller.actions.search(24 as never)).toEqual(await controller.actions.search('24'));
  });
});

describe('controller loading remote content', () => {
  it('shows an error when content cannot load, and tries again on the next open after a back-off', async () => {
    const load = failing();
    const { controller, state, events } = setup('lv', { catalog: undefined, load });
    await controller.load();
    expect(state().status).toBe('error');
    expect(events).toContainEqual(['error', { message: expect.stringContaining('/lv.json: the server answered 404') }]);
    vi.advanceTimersByTime(2000);
    controller.actions.open();
    // The visitor's language, then the other one instead of nothing; later both again.
    expect(load.mock.calls.map(([, langs]) => langs)).toEqual([['lv'], ['en'], ['lv', 'en']]);
  });

  it.each([
    ['rejects', () => Promise.reject(new RangeError('Maximum call stack size exceeded'))],
    [
      'throws',
      () => {
        throw new TypeError('Promise.allSettled is not a function');
      },
    ],
  ])('ends in the error state when loading %s, reports it, and lets search() resolve', async (_, load) => {
    const { controller, state, events, log } = setup('lv', { catalog: undefined, load });
    await controller.load();
    expect(state().status).toBe('error');
    expect(events).toContainEqual(['error', { message: expect.stringMatching(/^content could not be loaded: \w+Error: .+/) }]);
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/^faq-widget: content could not be loaded: /), expect.any(Error));
    expect(await controller.actions.search('alga')).toEqual([]);
  });

  it('warns about the first 20 problems in one message, then says how many more', async () => {
    const problems = Array.from({ length: 130_000 }, (_, i) => ({ source: '/lv.json', id: `e${i}`, field: 'cmsId', message: 'unknown field "cmsId"' }));
    const load = async (): Promise<LoadedContent> => ({ contents: builtInLoaded().contents, problems, failures: [] });
    const { controller, state, log } = setup('lv', { catalog: undefined, load });
    await controller.load();
    // Unknown fields lose the visitor nothing: the owner hears of them, the panel says nothing.
    expect(state()).toMatchObject({ status: 'ready', partial: false });
    expect(log.warn).toHaveBeenCalledTimes(1);
    const lines = (log.warn.mock.calls[0][0] as string).split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[1]).toBe('  /lv.json "e0" cmsId: unknown field "cmsId"');
    expect(lines[21]).toBe('  …and 129980 more');
  });

  it('tries a failed file again on an open only after 2 s, 4 s, 8 s … up to a minute', async () => {
    const load = failing();
    const { controller } = setup('lv', { catalog: undefined, load });
    await controller.load();
    const reopen = () => {
      controller.actions.close();
      controller.actions.open();
    };
    let calls = 2; // the visitor's language, then the other one
    for (const seconds of [2, 4, 8, 16, 32, 60, 60]) {
      vi.advanceTimersByTime(seconds * 1000 - 1);
      reopen();
      expect(load).toHaveBeenCalledTimes(calls);
      vi.advanceTimersByTime(1);
      reopen();
      expect(load).toHaveBeenCalledTimes(++calls);
      await controller.load();
    }
  });

  it('tries again at once when the visitor asks (Try again)', async () => {
    const load = failing();
    const { controller } = setup('lv', { catalog: undefined, load });
    await controller.load();
    controller.actions.retry();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("fetches only the visitor's language, the other one when a search needs it, and again only a file that failed", async () => {
    const { lv, en } = builtInLoaded().contents as Required<LoadedContent['contents']>;
    const load = vi
      .fn<(signal: AbortSignal, langs: readonly Lang[]) => Promise<LoadedContent>>()
      .mockResolvedValueOnce({ contents: { lv }, problems: [], failures: [] })
      .mockResolvedValueOnce({ contents: {}, problems: [], failures: ['/en.json: the server answered 404'] })
      .mockResolvedValueOnce({ contents: { en }, problems: [], failures: [] });
    const { controller, state } = setup('lv', { catalog: undefined, load });
    await controller.load();
    expect(state()).toMatchObject({ status: 'ready', partial: false });
    expect(load).toHaveBeenLastCalledWith(expect.anything(), ['lv']);
    controller.actions.setQuery('burnout'); // no Latvian word: the fallback needs English
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await controller.load();
    expect(load).toHaveBeenLastCalledWith(expect.anything(), ['en']);
    expect(state()).toMatchObject({ status: 'ready', partial: true });
    vi.advanceTimersByTime(2000);
    controller.actions.close();
    controller.actions.open();
    expect(load).toHaveBeenLastCalledWith(expect.anything(), ['en']);
    await controller.load();
    await vi.waitFor(() => expect(state().results.fallbackLang).toBe('en'));
    expect(state()).toMatchObject({ status: 'ready', partial: false });
    expect(state().results.hits[0].entry).toMatchObject({ id: 'difficulty', lang: 'en' });
  });

  it('opens the best fallback hit once it is in when Enter came before the other language', async () => {
    const { lv, en } = builtInLoaded().contents as Required<LoadedContent['contents']>;
    let arrive!: () => void;
    const load = vi.fn(async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => {
      if (langs[0] === 'en') await new Promise<void>((resolve) => (arrive = resolve));
      return { contents: langs[0] === 'en' ? { en } : { lv }, problems: [], failures: [] };
    });
    const { controller, state } = setup('lv', { catalog: undefined, load });
    await controller.load();
    controller.actions.setQuery('burnout');
    expect(controller.actions.choose()).toBe(true); // taken: it will open
    expect(state().view).toEqual({ name: 'home' });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    arrive();
    await vi.waitFor(() => expect(state().view).toEqual({ name: 'article', id: 'difficulty' }));
  });

  it('fetches the fallback language after a load that was already on its way for another one', async () => {
    const { lv, en } = builtInLoaded().contents as Required<LoadedContent['contents']>;
    let arrive!: () => void;
    const load = vi.fn(async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => {
      if (langs[0] === 'lv') await new Promise<void>((resolve) => (arrive = resolve));
      return { contents: langs[0] === 'en' ? { en } : { lv }, problems: [], failures: [] };
    });
    const { controller, state } = setup('lv', { catalog: undefined, load });
    void controller.load();
    controller.actions.setQuery('burnout'); // typed while Latvian is still on its way
    arrive();
    await vi.waitFor(() => expect(state().results.fallbackLang).toBe('en'));
    expect(state().results.hits[0].entry).toMatchObject({ id: 'difficulty', lang: 'en' });
    expect(load.mock.calls.map(([, langs]) => langs)).toEqual([['lv'], ['en']]);
  });

  it("fetches nothing more for a search typed while the visitor's language is on its way, when that language answers it", async () => {
    const { lv } = builtInLoaded(['lv']).contents as Required<LoadedContent['contents']>;
    let arrive!: () => void;
    const load = vi.fn(async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => {
      await new Promise<void>((resolve) => (arrive = resolve));
      return { contents: langs[0] === 'lv' ? { lv } : {}, problems: [], failures: [] };
    });
    const { controller, state } = setup('lv', { catalog: undefined, load });
    const loading = controller.load();
    controller.actions.setQuery('izdegšana'); // nothing to search yet: Latvian is still on its way
    arrive();
    await loading;
    expect(state().results.hits[0].entry).toMatchObject({ id: 'difficulty', lang: 'lv' });
    expect(load.mock.calls.map(([, langs]) => langs)).toEqual([['lv']]);
  });

  it('logs a failure, and fires error, once per distinct failure', async () => {
    const load = failing((lang, call) => `the server answered ${lang === 'lv' && call === 4 ? 500 : 404}`);
    const { controller, events, log } = setup('lv', { catalog: undefined, load });
    for (let i = 0; i < 3; i++) {
      controller.actions.retry();
      await controller.load();
    }
    expect(load).toHaveBeenCalledTimes(4); // lv, then en instead; then both at once, twice
    expect(log.error.mock.calls.map(([message]) => message)).toEqual([
      'faq-widget: content could not be loaded: /lv.json: the server answered 404',
      'faq-widget: content could not be loaded: /en.json: the server answered 404',
      'faq-widget: content could not be loaded: /lv.json: the server answered 500',
    ]);
    expect(events.filter(([name]) => name === 'error')).toHaveLength(3);
  });

  it('does nothing once disposed: no request, no console line, no timer, no saved choice; its promises resolve', async () => {
    const load = failing();
    const { controller, log, storage } = setup('lv', { catalog: undefined, load });
    await controller.load();
    log.error.mockClear();
    vi.advanceTimersByTime(60_000); // past any back-off
    controller.dispose();
    const { actions } = controller;
    actions.open();
    actions.retry();
    actions.toggle();
    actions.setQuery('alga');
    actions.move(1);
    actions.choose();
    actions.openArticle('nope');
    actions.feedback('salary', true);
    expect(await actions.setLanguage('xx' as Lang)).toBeUndefined();
    expect(await actions.setLanguage('en')).toBeUndefined();
    expect(await actions.search('alga')).toEqual([]);
    expect(load).toHaveBeenCalledTimes(2); // before dispose(): lv, then en instead
    expect([log.error.mock.calls, log.warn.mock.calls]).toEqual([[], []]);
    expect(vi.getTimerCount()).toBe(0);
    expect(storage.getItem('faq-widget:lang')).toBeNull();
  });
});

/** A loader over one content per language: `'missing'` answers 404, `'broken'` is not valid JSON. */
function remote(files: Partial<Record<Lang, Partial<Content> | 'missing' | 'broken'>>) {
  return vi.fn(async (_: AbortSignal, langs: readonly Lang[]): Promise<LoadedContent> => {
    const result: LoadedContent = { contents: {}, problems: [], failures: [], missing: {} };
    for (const lang of langs) {
      const file = files[lang] ?? 'missing';
      if (file === 'missing') result.missing![lang] = `/${lang}.json: the server answered 404`;
      else if (file === 'broken') result.failures.push(`/${lang}.json: not valid JSON`);
      else result.contents[lang] = { ...builtInLoaded([lang]).contents[lang]!, ...file, source: `/${lang}.json` };
    }
    return result;
  });
}

describe('a site in one language', () => {
  it('with languages: ["lv"] never asks for English: not on a search without results, not through setLanguage', async () => {
    const load = remote({ lv: {} });
    const { controller, state, events } = setup('lv', { catalog: undefined, load, languages: ['lv'] });
    await controller.load();
    controller.actions.setQuery('qwxz zzyzx');
    await vi.runAllTimersAsync();
    await controller.actions.setLanguage('en');
    expect(load.mock.calls.map(([, langs]) => langs)).toEqual([['lv']]);
    expect(state()).toMatchObject({ lang: 'lv', langs: ['lv'], partial: false, unavailable: false });
    expect(state().results).toEqual({ hits: [] });
    expect(events.filter(([name]) => name === 'error')).toEqual([['error', { message: 'this site\'s help is in lv only; setLanguage("en") changes nothing' }]]);
  });

  it('is taken from the content\'s own "languages": no switch, no request for the other file', async () => {
    const load = remote({ lv: { languages: ['lv'] } });
    const { controller, state } = setup('lv', { catalog: undefined, load });
    await controller.load();
    controller.actions.setQuery('qwxz zzyzx');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(1);
    expect(state().langs).toEqual(['lv']);
  });

  it('is learnt, without a word, when the visitor\'s file is not there (404) and the other language\'s is', async () => {
    const load = remote({ lv: {} });
    const { controller, state, events, log } = setup('en', { catalog: undefined, load });
    await controller.load();
    expect(state()).toMatchObject({ status: 'ready', lang: 'lv', langs: ['lv'], partial: false, unavailable: false });
    expect(log.error).not.toHaveBeenCalled();
    expect(events).toEqual([['language', { lang: 'lv' }]]);
  });

  it('is learnt, without a word, when the other language\'s file is not there on a switch', async () => {
    const load = remote({ lv: {} });
    const { controller, state, log, events } = setup('lv', { catalog: undefined, load });
    await controller.load();
    await controller.actions.setLanguage('en');
    expect(state()).toMatchObject({ status: 'ready', lang: 'lv', langs: ['lv'], partial: false, unavailable: false });
    expect(log.error).not.toHaveBeenCalled();
    // Back to Latvian, said once: English was never shown.
    expect(events.filter(([name]) => name === 'language')).toEqual([['language', { lang: 'lv' }]]);
  });

  it('says a file not there when the owner declared its language', async () => {
    const load = remote({ lv: {} });
    const { controller, log } = setup('en', { catalog: undefined, load, languages: ['lv', 'en'] });
    await controller.load();
    expect(log.error).toHaveBeenCalledWith('faq-widget: content could not be loaded: /en.json: the server answered 404');
  });
});

describe("the visitor's language failed", () => {
  it('shows the other language\'s entries, says so (unavailable), and tells the console what failed', async () => {
    const load = remote({ lv: {}, en: 'broken' });
    const { controller, state, log } = setup('en', { catalog: undefined, load });
    await controller.load();
    expect(state()).toMatchObject({ status: 'ready', lang: 'en', langs: ['lv', 'en'], unavailable: true, partial: false });
    expect(optionsOf(state()).every((o) => 'lang' in o && o.lang === 'lv')).toBe(true);
    expect(log.error).toHaveBeenCalledWith('faq-widget: content could not be loaded: /en.json: not valid JSON');
  });
});

describe("the owner's mistakes the visitor cannot act on", () => {
  it('a dangling related id is a console warning only, never "some articles could not be shown"', async () => {
    const problems = [{ source: '/lv.json', id: 'salary', field: 'related', message: 'related entry "ghost" does not exist' }];
    const load = vi.fn(async (): Promise<LoadedContent> => ({ contents: builtInLoaded(['lv']).contents, problems, failures: [] }));
    const { controller, state, log } = setup('lv', { catalog: undefined, load });
    await controller.load();
    expect(state().partial).toBe(false);
    expect(log.warn).toHaveBeenCalledWith('faq-widget: content skipped or ignored:\n  /lv.json "salary" related: related entry "ghost" does not exist');
  });

  it('an entry left out still says some articles could not be shown', async () => {
    const problems = [{ source: '/lv.json', id: 'x', field: 'answer', message: 'answer must be a non-empty string', skipped: true }];
    const load = vi.fn(async (): Promise<LoadedContent> => ({ contents: builtInLoaded(['lv']).contents, problems, failures: [] }));
    const { controller, state } = setup('lv', { catalog: undefined, load });
    await controller.load();
    expect(state().partial).toBe(true);
  });
});

describe("the owner's words", () => {
  it('uses the content\'s "ui" texts and names each one it leaves out', async () => {
    const translator = createTranslator('lv');
    const load = remote({ lv: { ui: { title: 'Veikala palīdzība', titel: 'x' } } });
    const { controller, log } = setup('lv', { catalog: undefined, load, translator });
    await controller.load();
    expect(translator.t('title')).toBe('Veikala palīdzība');
    expect(translator.t('close')).toBe('Aizvērt palīdzību');
    expect(log.warn).toHaveBeenCalledWith('faq-widget: /lv.json "ui": "titel" is not an interface text of the widget (see ui.json for the keys); it is ignored');
  });
});

describe('suggestions', () => {
  const ids = (entries: unknown[]) => (entries as { id: string }[]).map((e) => e.id);

  it('puts the page\'s suggestions first on the home view, and offers them when nothing is found', async () => {
    const { controller, state, log } = setup('lv', { catalog: undefined, load: remote({ lv: {} }), suggest: ['salary', 'ghost', 'skills'] });
    await controller.load();
    expect(ids(optionsOf(state()).slice(0, 2))).toEqual(['salary', 'skills']);
    controller.actions.setQuery('qwxz zzyzx');
    await vi.runAllTimersAsync();
    expect(ids(optionsOf(state()))).toEqual(['salary', 'skills']);
    expect(log.warn).toHaveBeenCalledWith('faq-widget: suggested entry "ghost" is not in the content; it is left out');
  });

  it('falls back to the owner\'s featured entries, then to the first three', async () => {
    const { controller, state } = setup('lv', { catalog: undefined, load: remote({ lv: { featured: ['difficulty'] } }) });
    await controller.load();
    controller.actions.setQuery('qwxz zzyzx');
    await vi.runAllTimersAsync();
    expect(ids(optionsOf(state()))).toEqual(['difficulty']);
    controller.actions.suggest(['roles']);
    expect(ids(optionsOf(state()))).toEqual(['roles']);
    const plain = setup('lv', { catalog: undefined, load: remote({ lv: {} }) });
    await plain.controller.load();
    plain.controller.actions.setQuery('qwxz zzyzx');
    await vi.runAllTimersAsync();
    expect(ids(optionsOf(plain.state()))).toEqual(ids(plain.state().catalog.entries('lv').slice(0, 3)));
  });
});
