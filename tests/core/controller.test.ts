import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtInCatalog } from './builtin';
import type { LoadedContent } from '../../src/core/content';
import { browseGroups, createController, optionsOf } from '../../src/core/controller';
import { Catalog } from '../../src/core/catalog';
import { readContent } from '../../src/core/content';
import { createTranslator } from '../../src/core/i18n';
import type { Lang } from '../../src/types';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } as Storage;
};

function setup(lang: Lang = 'lv', extra: Partial<Parameters<typeof createController>[0]> = {}) {
  const storage = memoryStorage();
  const controller = createController({
    lang,
    translator: createTranslator(lang),
    catalog: builtInCatalog(),
    storage: () => storage,
    log: { warn: vi.fn(), error: vi.fn() },
    ...extra,
  });
  const events: [string, unknown][] = [];
  for (const name of ['open', 'close', 'search', 'article', 'feedback', 'language', 'error'] as const) {
    controller.events.on(name, (detail) => events.push([name, detail]));
  }
  return { controller, events, storage, state: () => controller.store.get() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('controller', () => {
  it('browses every entry by category on an empty query', () => {
    const { state } = setup();
    expect(optionsOf(state())).toHaveLength(10);
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

  it('shows an error when content cannot load, and tries again on the next open', async () => {
    const failed: LoadedContent = { contents: {}, problems: [], failures: ['/lv.json: the server answered 404'] };
    const load = vi.fn(async () => failed);
    const { controller, state, events } = setup('lv', { catalog: undefined, load });
    await controller.load();
    expect(state().status).toBe('error');
    expect(events).toContainEqual(['error', { message: expect.stringContaining('/lv.json: the server answered 404') }]);
    controller.actions.open();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stops reporting after dispose', () => {
    const { controller, events } = setup();
    controller.actions.setQuery('alga');
    controller.dispose();
    vi.advanceTimersByTime(1000);
    expect(events.filter(([e]) => e === 'search')).toEqual([]);
  });
});
