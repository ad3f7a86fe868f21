import { describe, expect, it, vi } from 'vitest';
import { describeProblem, fetchContent, loadRemoteContent, readContent } from '../../src/core/content';

const valid = {
  categories: { work: 'Darbs' },
  entries: {
    a: { category: 'work', question: 'Jautājums A?', answer: 'Atbilde A.', keywords: ['x'], related: ['b'] },
    b: { category: 'work', question: 'Jautājums B?', answer: 'Atbilde B.' },
  },
};

describe('readContent', () => {
  it('reads valid content with no problems', () => {
    const { content, problems } = readContent(valid, 'lv', 'faq.json');
    expect(problems).toEqual([]);
    expect(content.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(content.entries[0]).toMatchObject({ lang: 'lv', category: 'work', keywords: ['x'], related: ['b'] });
    expect(content.entries[0].answer).toBe('Atbilde A.');
  });

  it('skips an invalid entry, keeps the valid ones, and names file, entry and field', () => {
    const data = {
      ...valid,
      entries: { ...valid.entries, broken: { category: 'work', question: '', answer: 'x' }, lost: { category: 'nope', question: 'Q?', answer: 'A' } },
    };
    const { content, problems } = readContent(data, 'lv', 'https://example.com/lv.json');
    expect(content.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(problems.map(describeProblem)).toEqual([
      'https://example.com/lv.json "broken" question: question must be a non-empty string',
      'https://example.com/lv.json "lost" category: category "nope" is not one of: work',
    ]);
  });

  it('reports unknown fields and missing related entries but keeps the entry', () => {
    const data = { ...valid, extra: 1, entries: { a: { ...valid.entries.a, colour: 'red', related: ['ghost'] } } };
    const { content, problems } = readContent(data, 'en', 'en.json');
    expect(content.entries).toHaveLength(1);
    expect(content.entries[0].related).toEqual([]);
    expect(problems.map((p) => `${p.id}/${p.field}`)).toEqual(['extra/', 'a/colour', 'a/related']);
  });

  it.each([null, 42, 'text', [], { categories: 'x', entries: [] }])('rejects %j as a whole with a clear message', (data) => {
    const { content, problems } = readContent(data, 'lv', 'f.json');
    expect(content.entries).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('normalises text to NFC so highlights line up with the original', () => {
    const nfd = 'Sa\u006e\u0327emt?';
    const { content } = readContent({ categories: { c: 'C' }, entries: { a: { category: 'c', question: nfd, answer: nfd } } }, 'lv', 'f');
    expect(content.entries[0].question).toBe('Saņemt?');
  });
});

const response = (body: string, status = 200) => new Response(body, { status });

describe('fetchContent', () => {
  it('replaces {{lng}} in the URL template and parses the JSON', async () => {
    const fetch = vi.fn(async () => response('{"ok":true}'));
    const result = await fetchContent('/help/{{lng}}.json', 'en', { fetch });
    expect(fetch).toHaveBeenCalledWith('/help/en.json', expect.anything());
    expect(result).toEqual({ url: '/help/en.json', data: { ok: true }, duplicates: [] });
  });

  it.each([
    ['an HTTP error', async () => response('', 404), '/lv.json: the server answered 404'],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), '/lv.json: could not be reached'],
    ['invalid JSON', async () => response('{oops'), '/lv.json: not valid JSON'],
  ])('explains %s in plain words', async (_, fetch, message) => {
    await expect(fetchContent('/{{lng}}.json', 'lv', { fetch })).rejects.toThrow(message);
  });

  it('gives up after the timeout', async () => {
    const fetch = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(fetchContent('/{{lng}}.json', 'lv', { fetch: fetch as typeof globalThis.fetch, timeoutMs: 20 })).rejects.toThrow(
      'no answer within 0.02 s',
    );
  });

  it('gives up after the timeout also when a page fetch wrapper drops the abort signal', async () => {
    const fetch = async () => new Promise<Response>(() => undefined);
    await expect(fetchContent('/{{lng}}.json', 'lv', { fetch, timeoutMs: 20 })).rejects.toThrow('/lv.json: no answer within 0.02 s');
  });

  it('names the file and says it timed out when the body trickles in past the timeout', async () => {
    const trickle = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"categories":')) });
    const fetch = async () => new Response(trickle);
    await expect(fetchContent('/{{lng}}.json', 'lv', { fetch, timeoutMs: 20 })).rejects.toThrow('/lv.json: no answer within 0.02 s');
  });
});

describe('loadRemoteContent', () => {
  it('uses the language that loaded and reports the one that failed', async () => {
    const fetch = vi.fn(async (url: string) => (url.includes('lv') ? response(JSON.stringify(valid)) : response('', 500)));
    const { contents, failures } = await loadRemoteContent('/{{lng}}.json', { fetch: fetch as unknown as typeof globalThis.fetch });
    expect(Object.keys(contents)).toEqual(['lv']);
    expect(failures).toEqual(['/en.json: the server answered 500']);
  });

  it('fetches only the languages asked for', async () => {
    const fetch = vi.fn(async (_: string) => response(JSON.stringify(valid)));
    const { contents } = await loadRemoteContent('/{{lng}}.json', { fetch: fetch as unknown as typeof globalThis.fetch, langs: ['en'] });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/en.json']);
    expect(Object.keys(contents)).toEqual(['en']);
  });

  it('reads a CMS export of 65,000 entries with two unknown fields each: 130,000 problems', async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 65_000 }, (_, i) => [`e${i}`, { category: 'work', question: `Q${i}?`, answer: 'A.', cmsId: i, cmsRev: 1 }]),
    );
    const body = JSON.stringify({ categories: valid.categories, entries });
    const { contents, problems } = await loadRemoteContent('/{{lng}}.json', { fetch: async () => response(body), langs: ['lv'] });
    expect(contents.lv?.entries).toHaveLength(65_000);
    expect(problems).toHaveLength(130_000);
  }, 30_000); // 65,000 entries read in slices: seconds on a busy two-core machine

  it('works where Promise has no allSettled (old polyfills)', async () => {
    const allSettled = Promise.allSettled;
    // @ts-expect-error: an old polyfill's Promise
    delete Promise.allSettled;
    try {
      const fetch = vi.fn(async (url: string) => (url.includes('lv') ? response(JSON.stringify(valid)) : Promise.reject(new TypeError('Failed to fetch'))));
      const { contents, failures } = await loadRemoteContent('/{{lng}}.json', { fetch: fetch as unknown as typeof globalThis.fetch });
      expect(Object.keys(contents)).toEqual(['lv']);
      expect(failures).toEqual(['/en.json: could not be reached']);
    } finally {
      Promise.allSettled = allSettled;
    }
  });
});

describe('readContent and text that shows nothing', () => {
  const INVISIBLE = {
    'zero-width space, joiner and non-joiner': '\u200b\u200c\u200d',
    'word joiner and byte-order mark': '\u2060\ufeff',
    'a soft hyphen': '\u00ad',
    'bidi marks, embeddings and isolates': '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069',
    'whitespace and zero-width space mixed': ' \u200b\u00a0\u3000\t\u200b ',
  };

  it.each(Object.entries(INVISIBLE))('skips and reports an entry whose question is only %s', (_, blank) => {
    const data = { ...valid, entries: { ...valid.entries, ghost: { category: 'work', question: blank, answer: 'Atbilde.' } } };
    const { content, problems } = readContent(data, 'lv', 'lv.json');
    expect(content.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(problems.map(describeProblem)).toEqual(['lv.json "ghost" question: question must be a non-empty string']);
  });

  it.each(Object.entries(INVISIBLE))('skips and reports an answer or category name of only %s', (_, blank) => {
    const data = { categories: { ...valid.categories, ghost: blank }, entries: { ...valid.entries, c: { category: 'work', question: 'Q?', answer: blank } } };
    const { content, problems } = readContent(data, 'lv', 'lv.json');
    expect(content.categories.map((c) => c.id)).toEqual(['work']);
    expect(content.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(problems.map(describeProblem)).toEqual([
      'lv.json "ghost" categories: category name must be a non-empty string',
      'lv.json "c" answer: answer must be a non-empty string',
    ]);
  });

  it('keeps text that has visible letters among invisible characters', () => {
    const data = { ...valid, entries: { a: { category: 'work', question: '\u200bAlga?\u200f', answer: '\u00adJā.' } } };
    expect(readContent(data, 'lv', 'lv.json').problems).toEqual([]);
  });

  it('names entry and field when an answer link would lead somewhere else than it shows', () => {
    const data = { ...valid, entries: { a: { category: 'work', question: 'Q?', answer: 'Skatiet [palīdzību](/\\evil.example/login).' } } };
    const { content, problems } = readContent(data, 'lv', 'lv.json');
    expect(content.entries).toHaveLength(1);
    expect(problems.map(describeProblem)).toEqual([
      'lv.json "a" answer: link "/\\evil.example/login" is read by browsers as another address than it shows; write a full https:// address or a path such as /help',
    ]);
  });
});

describe("the content file's own parts: ui, featured, languages", () => {
  it('reads the owner\'s interface text, featured entries and declared languages', () => {
    const data = { ...valid, ui: { title: 'Veikala palīdzība' }, featured: ['b', 'a', 'b'], languages: ['lv'] };
    const { content, problems } = readContent(data, 'lv', 'lv.json');
    expect(problems).toEqual([]);
    expect(content).toMatchObject({ ui: { title: 'Veikala palīdzība' }, featured: ['b', 'a'], languages: ['lv'], source: 'lv.json' });
  });

  it.each([
    [{ ui: 'Help' }, 'ui/: expected an object of interface texts keyed as in ui.json'],
    [{ ui: { title: 5 } }, 'ui/title: interface text must be a string'],
    [{ featured: ['ghost'] }, 'featured/: featured entry "ghost" does not exist'],
    [{ featured: 'a' }, 'featured/: featured must be a list of entry ids'],
    [{ languages: ['lt'] }, 'languages/: languages must be a list of "lv", "en"'],
    [{ languages: ['en'] }, 'languages/: languages ["en"] leaves out this file\'s own language "lv"'],
  ])('reports %j and keeps every entry', (extra, said) => {
    const { content, problems } = readContent({ ...valid, ...extra }, 'lv', 'lv.json');
    expect(content.entries).toHaveLength(2);
    expect(problems.map((p) => `${p.id}/${p.field}: ${p.message}`)).toEqual([said]);
    // The owner's mistake, not the visitor's loss: no entry was left out.
    expect(problems[0].skipped).toBeUndefined();
  });

  it('marks the problems that left content out, and only those', () => {
    const data = { ...valid, entries: { ...valid.entries, broken: { category: 'work', question: '' , answer: 'x' }, c: { ...valid.entries.b, related: ['ghost'] } } };
    const { problems } = readContent(data, 'lv', 'lv.json');
    expect(problems.map((p) => [p.id, Boolean(p.skipped)])).toEqual([['broken', true], ['c', false]]);
  });
});

describe('addresses and files not there', () => {
  it('names the absolute address requested, resolving a relative template against the page', async () => {
    const fetch = vi.fn(async () => response('{oops'));
    await expect(fetchContent('help/{{lng}}.json', 'lv', { fetch, base: 'https://shop.example/products/shoes.html' })).rejects.toThrow(
      /^https:\/\/shop\.example\/products\/help\/lv\.json: not valid JSON/,
    );
    expect(fetch).toHaveBeenCalledWith('https://shop.example/products/help/lv.json', expect.anything());
  });

  it('accepts {{ lng }} with spaces inside the braces', async () => {
    const fetch = vi.fn(async () => response('{}'));
    await fetchContent('/help/{{ lng }}.json', 'en', { fetch, base: 'https://shop.example/' });
    expect(fetch).toHaveBeenCalledWith('https://shop.example/help/en.json', expect.anything());
  });

  it('keeps a file the server says is not there (404, 410) apart from failures: a site in one language', async () => {
    const fetch = vi.fn(async (url: string) => (url.includes('lv') ? response(JSON.stringify(valid)) : response('', 404)));
    const loaded = await loadRemoteContent('/{{lng}}.json', { fetch: fetch as unknown as typeof globalThis.fetch });
    expect(Object.keys(loaded.contents)).toEqual(['lv']);
    expect(loaded.failures).toEqual([]);
    expect(loaded.missing).toEqual({ en: '/en.json: the server answered 404' });
  });

  it('tells each entry id that occurs twice, once, and keeps the last as JSON.parse does', async () => {
    const body = `{"categories":{"work":"Darbs"},"entries":{
      "a":{"category":"work","question":"Old?","answer":"Old."},
      "a":{"category":"work","question":"New?","answer":"New."},
      "a":{"category":"work","question":"Newest?","answer":"Newest."}}}`;
    const { contents, problems } = await loadRemoteContent('/{{lng}}.json', { fetch: async () => response(body), langs: ['lv'] });
    expect(contents.lv?.entries.map((e) => e.question)).toEqual(['Newest?']);
    expect(problems.map(describeProblem)).toEqual(['/lv.json "a": entry "a" appears more than once; the last one is used']);
  });
});
