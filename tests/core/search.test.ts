import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type Searchable } from '../../src/core/search';

const entry = (id: string, question: string, answer = '', keywords: string[] = []): Searchable => ({
  id,
  question,
  answer,
  keywords,
  category: '',
});

const lv = createSearchIndex(
  [
    entry('pay', 'Kā saņemt algu?', 'Alga tiek izmaksāta reizi mēnesī.', ['atalgojums']),
    entry('burnout', 'Kā izvairīties no izdegšanas?', 'Izdegšana rodas no ilgstoša stresa.'),
    entry('leader', 'Kā kļūt par komandas vadītāju?', 'Parasti tas prasa 2–3 gadus.'),
    entry(
      'deep',
      'Darba vide',
      'Birojs atrodas pilsētas centrā, netālu no stacijas un autoostas, un tur ir daudz gaismas, zaļu augu un ērtu krēslu, bet pašās beigās minēta arī bezmaksas autostāvvieta.',
    ),
  ],
  'lv',
);
const ids = (query: string) => lv.search(query).map((m) => m.id);

describe('search', () => {
  it("finds 'saņemt' when the visitor types 'sanemt'", () => {
    expect(ids('sanemt')[0]).toBe('pay');
  });

  it("finds 'sanemt' in content when the visitor types 'saņemt'", () => {
    const index = createSearchIndex([entry('a', 'Kā sanemt algu bez garumzīmēm')], 'lv');
    expect(index.search('saņemt').map((m) => m.id)).toEqual(['a']);
  });

  it("finds 'izdegšana' when the visitor types the digraph spelling 'izdegshana'", () => {
    expect(ids('izdegshana')[0]).toBe('burnout');
  });

  it("finds 'kļūt par vadītāju' typed as 'kljuut par vadiitaaju'", () => {
    expect(ids('kljuut par vadiitaaju')[0]).toBe('leader');
  });

  it('forgives a typo', () => {
    expect(ids('atalgjums')[0]).toBe('pay');
    expect(ids('izdegsnaa')[0]).toBe('burnout');
  });

  // One slip anywhere in a word of four letters or more, the first two letters included.
  it.each([
    ['two neighbours swapped at the start', 'laga', 'pay'],
    ['two neighbours swapped inside', 'izdgešana', 'burnout'],
    ['the first letter missing', 'lga', 'pay'],
    ['the second letter missing', 'zdegšana', 'burnout'],
    ['a letter added before the word', 'kalga', 'pay'],
    ['the first letter wrong', 'olga', 'pay'],
    ['the second letter wrong', 'ivdegšana', 'burnout'],
    ['a slip in an inflected form', 'vadītjāam', 'leader'],
  ])('finds a word with %s (%s)', (_, query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  // Against a plain reading of the rule: every word, every slip of it that nothing else explains.
  it('finds, for any word of four letters or more, any one slip of it that is no other word or start of one (property-based)', () => {
    // Consonants only: no stemmer suffix applies, so a slip meets its word or nothing.
    const word = fc.stringMatching(/^[bcdfgklmnpr]{4,9}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), fc.constantFrom('swap', 'missing', 'extra', 'wrong'), (words, pick, at, kind) => {
        const target = words[pick % words.length];
        const i = at % target.length;
        const slip =
          kind === 'swap' ? (i + 1 < target.length ? target.slice(0, i) + target[i + 1] + target[i] + target.slice(i + 2) : target)
          : kind === 'missing' ? target.slice(0, i) + target.slice(i + 1)
          : kind === 'extra' ? target.slice(0, i) + 'k' + target.slice(i)
          : target.slice(0, i) + (target[i] === 'k' ? 'm' : 'k') + target.slice(i + 1);
        fc.pre(!words.some((w) => w.startsWith(slip)));
        const index = createSearchIndex(words.map((w) => entry(w, w)), 'en');
        expect(index.search(slip, 50).map((m) => m.id)).toContain(target);
      }),
      { numRuns: 300 },
    );
  });

  // "tehc" is "tech" with two letters swapped, and "teac(h)" with one letter wrong: the swap wins.
  it('finds a word the content holds folded when a swap makes a digraph, over a word one wrong letter away ("tehc")', () => {
    const index = createSearchIndex([entry('tech', 'Tech support agent'), entry('teach', 'How to teach a new agent')], 'en');
    expect(index.search('tehc').map((m) => m.id)).toEqual(['tech']);
  });

  it('forgives other Latvian word endings', () => {
    expect(ids('alga')[0]).toBe('pay');
    expect(ids('vadītājam')[0]).toBe('leader');
  });

  it('finds words while they are being typed', () => {
    expect(ids('izdeg')[0]).toBe('burnout');
  });

  it('finds a word at the very end of a long answer', () => {
    expect(ids('autostāvvieta')).toEqual(['deep']);
  });

  it('ranks the exact spelling above a folded match', () => {
    const index = createSearchIndex([entry('folded', 'Kur ir sanemt?'), entry('exact', 'Kur ir saņemt?')], 'lv');
    expect(index.search('saņemt').map((m) => m.id)).toEqual(['exact', 'folded']);
    expect(index.search('sanemt').map((m) => m.id)).toEqual(['folded', 'exact']);
  });

  it('ranks a question match above an answer match', () => {
    const index = createSearchIndex([entry('answer', 'Cits jautājums', 'Te ir runa par algu.'), entry('question', 'Kāda ir alga?')], 'lv');
    expect(index.search('alga')[0].id).toBe('question');
  });

  describe('ranking in the manner of BM25F', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `vārds${i}`).join(' ');
    const score = (index: ReturnType<typeof createSearchIndex>, query: string, id: string) => index.search(query).find((m) => m.id === id)!.score;

    it('ranks an answer that keeps returning to a word above one that mentions it once in passing', () => {
      const index = createSearchIndex([entry('a-once', 'Darbs', `Alga. ${filler(20)}`), entry('b-about', 'Darbs', `Alga, alga un vēlreiz alga. ${filler(18)}`)], 'lv');
      expect(index.search('alga').map((m) => m.id)).toEqual(['b-about', 'a-once']);
    });

    it('ranks a word in a short answer above the same word in a long one', () => {
      const index = createSearchIndex([entry('a-long', 'Darbs', `Alga. ${filler(200)}`), entry('b-short', 'Darbs', `Alga. ${filler(5)}`)], 'lv');
      expect(index.search('alga').map((m) => m.id)).toEqual(['b-short', 'a-long']);
    });

    it('lets repetition saturate: twenty mentions are worth less than twice five', () => {
      const index = createSearchIndex(
        [entry('five', 'Darbs', `${'alga '.repeat(5)}${filler(25)}`), entry('twenty', 'Darbs', `${'alga '.repeat(20)}${filler(10)}`), entry('other', 'Cits', filler(30))],
        'lv',
      );
      expect(score(index, 'alga', 'twenty')).toBeGreaterThan(score(index, 'alga', 'five'));
      expect(score(index, 'alga', 'twenty')).toBeLessThan(2 * score(index, 'alga', 'five'));
    });
  });

  it('keeps the meaningful words of a long query, past the twelfth', () => {
    const long = 'es esmu strādājis ilgi un daudz un tagad gribētu uzzināt kas man būtu jādara lai nenonāktu līdz izdegšanai';
    expect(long.split(' ').length).toBeGreaterThan(12);
    expect(ids(long)[0]).toBe('burnout');
  });

  it("does not let question words outweigh the rest of the query (\"I'd like to…\")", () => {
    const en = createSearchIndex(
      [entry('likes', 'How to hide my likes'), entry('export', 'Export contacts to a spreadsheet', 'Contacts can be exported as CSV.')],
      'en',
    );
    expect(en.search("I'd like to export my contacts").map((m) => m.id)).toEqual(['export']);
  });

  it('searches with stopwords when the query has nothing else', () => {
    expect(ids('kā')).toContain('leader');
  });

  it('reports the matched words for highlighting and a score between 0 and 1', () => {
    const [hit] = lv.search('izdegsana');
    expect([...hit.terms]).toContain('izdegsanas');
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThanOrEqual(1);
  });

  it('returns nothing for an empty query or one without words', () => {
    expect(lv.search('')).toEqual([]);
    expect(lv.search('  ?!… 🙂 ')).toEqual([]);
  });

  it('returns nothing for gibberish', () => {
    expect(lv.search('qwxzv')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(lv.search('kā', 1)).toHaveLength(1);
  });

  it('ranks best first, equal scores by id, and cuts that ranking the same at any limit', () => {
    // Many entries share a score; ids run in another order than the entries.
    const entries = Array.from({ length: 300 }, (_, i) =>
      entry(`e${(i * 7919) % 300}`, i % 3 ? 'Kā saņemt algu?' : 'Alga un prēmija', i % 2 ? 'Alga tiek izmaksāta.' : 'Atalgojums.'),
    );
    const many = createSearchIndex(entries, 'lv');
    const all = many.search('alga', Infinity);
    expect(all.length).toBeGreaterThan(100);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
    }
    for (const limit of [1, 2, 10, 30, 2.5, all.length - 1]) expect(many.search('alga', limit)).toEqual(all.slice(0, limit));
    for (const limit of [0, -1, NaN]) expect(many.search('alga', limit)).toEqual([]);
  });

  it('finds the last entries of a collection larger than 65,536', () => {
    const huge = createSearchIndex(Array.from({ length: 70_000 }, (_, i) => entry(`e${i}`, `Jautājums ${i}`)), 'lv');
    expect(huge.search('jautajums 69999')[0].id).toBe('e69999');
    expect(huge.search('jautajums 65536')[0].id).toBe('e65536');
  });

  it('reads entries handed over one at a time, each once', () => {
    let made = 0;
    function* oneByOne() {
      for (const e of [entry('pay', 'Kā saņemt algu?'), entry('leave', 'Cik ilgs ir atvaļinājums?')]) {
        made++;
        yield e;
      }
    }
    const index = createSearchIndex(oneByOne(), 'lv');
    expect(made).toBe(2);
    expect(index.search('atvalinajums').map((m) => m.id)).toEqual(['leave']);
  });

  it.each([
    ['regex characters', '(.*+?^$[]{}|\\'],
    ['emoji', '🙂👍🏽 alga 🇱🇻'],
    ['right-to-left text', 'مرحبا שלום alga'],
    ['10,000 pasted characters', 'alga '.repeat(2000)],
    ['one 10,000-character word', 'a'.repeat(10_000)],
  ])('accepts %s without throwing', (_, query) => {
    expect(() => lv.search(query)).not.toThrow();
  });
});

describe('search with compounds split or joined', () => {
  const en = createSearchIndex(
    [
      entry('workload', 'How heavy is the workload?', 'Most agents take 60 calls a day.'),
      entry('split', 'What if the work load is too much?', 'Talk to your supervisor.'),
      entry('center', 'What is a call center?', 'A team that answers customer calls.'),
      entry('work', 'Where do I work?', 'In the office.'),
      entry('load', 'How do I load the app?', 'Open the page.'),
      entry('shift', 'How long is a work shift?', 'Eight hours.'),
    ],
    'en',
  );
  const found = (query: string) => en.search(query).map((m) => m.id);

  it("finds 'workload' first when the visitor types 'work load'", () => {
    expect(found('work load')[0]).toBe('workload');
  });

  it("finds a question that says 'work load' when the visitor types 'workload'", () => {
    const index = createSearchIndex([entry('split', 'What if the work load is too much?'), entry('work', 'Where do I work?')], 'en');
    expect(index.search('workload').map((m) => m.id)).toEqual(['split']);
  });

  it("finds 'call center' when the visitor types 'callcenter'", () => {
    expect(found('callcenter')[0]).toBe('center');
    expect(en.search('callcenter')[0].kinds.get('callcenter')).toBe('stem');
  });

  it("finds Latvian 'zvanu centrs' when the visitor types 'zvanucentrs'", () => {
    const index = createSearchIndex(
      [entry('centrs', 'Kas ir zvanu centrs?', 'Komanda, kas atbild uz klientu zvaniem.'), entry('darbs', 'Kur ir darbs?')],
      'lv',
    );
    expect(index.search('zvanucentrs').map((m) => m.id)).toEqual(['centrs']);
  });

  it('leaves a normal two-word query as it was', () => {
    expect(found('work shift')[0]).toBe('shift');
    expect(en.search('work shift')[0].kinds.get('work')).toBe('word');
  });

  it('needs both parts of a split word in the same entry', () => {
    const index = createSearchIndex([entry('work', 'Where do I work?'), entry('load', 'How do I load the app?')], 'en');
    expect(index.search('workload')).toEqual([]);
  });
});
