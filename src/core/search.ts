import Fuse from 'fuse.js/basic';
import type { Lang } from '../types';
import { fold, foldDigraphs, tokenize, type Token } from './fold';
import { WordTable } from './intern';
import { runNow, type Job } from './slices';
import { stem } from './stem';

/** What the index needs of an entry; fields are plain text. */
export interface Searchable {
  id: string;
  question: string;
  keywords: readonly string[];
  category: string;
  answer: string;
}

export interface Match {
  id: string;
  /** Relevance between 0 and 1, higher is better. */
  score: number;
  /** Folded words of the entry that matched, for highlighting. */
  terms: Set<string>;
  /**
   * How each query word that was searched for (folded) met this entry, the best of its ways:
   * what a caller needs to tell a real match from a prefix of an unrelated word or a weak typo.
   */
  kinds: Map<string, MatchKind>;
  /** The folded query words the index searched for, in order (the same list for every hit of a search). */
  searched: readonly string[];
}

/** How a query word met a word of the entry: as written (after folding), by its stem, as its start, or as a typo. */
export type MatchKind = 'word' | 'stem' | 'prefix' | 'fuzzy';

/**
 * Ranking in the manner of BM25F: a word's occurrences in an entry are counted per field, each
 * field's count weighted (a word in the question says more than the same word deep in the answer)
 * and divided by how long that field is against its average (`b` says how much length counts:
 * a word in a 300-word answer is worth less than in a 40-word one, while questions are all short
 * and `keywords` is a list, not prose), and the sum saturates (`k1`): the fifth "alga" in an answer
 * adds little, and a rare word in a short question cannot outweigh the rest of the query.
 */
export const RANKING = Object.freeze({
  weight: Object.freeze({ question: 3, keywords: 2, category: 1.5, answer: 1 }),
  b: Object.freeze({ question: 0.3, keywords: 0, category: 0, answer: 0.75 }),
  k1: 4,
});
type Field = keyof typeof RANKING.weight;
const FIELDS: readonly Field[] = ['question', 'keywords', 'category', 'answer'];
/**
 * While the index is built, a word's counts in one entry are one number: question, keywords and
 * category in eight bits each (capped at 255), the answer's above them, uncapped — exact in a
 * double, since no string V8 can hold has 2^29 words (2^29 × 2^24 < 2^53).
 */
const UNIT = [1, 2 ** 8, 2 ** 16, 2 ** 24] as const;
const CAPPED = 255;

// How much each way of meeting a query word is worth, best first.
const QUALITY = { word: 1, stem: 0.9, prefix: 0.8, fuzzy: 0.7 } as const;
// A folded match ("sanemt" for "saņemt") ranks just below the exact spelling.
const FOLDED_PENALTY = 0.97;
/** A query word found as two words of the content ("workload" as "work load"): somewhat below a word of its own. */
const SPLIT_QUALITY = 0.85;
/** Each part of a word split in two has at least this many letters. */
const MIN_PART = 3;

/** Longer queries are cut here: a pasted essay must not freeze the page. */
export const MAX_QUERY_LENGTH = 200;
/**
 * The cost cap of a query: distinct meaningful words beyond this many are dropped. Not a cut by
 * position after a dozen words: a long question keeps the words that say what it is about.
 */
export const MAX_QUERY_TERMS = 32;
const MIN_PREFIX = 2;
const MIN_FUZZY = 4;
/** Hits below this share of the best score are noise, not answers. */
const CUTOFF = 0.25;

// Question and function words, matched folded. Beside other words they find no entry of their own,
// match only their own inflections, weigh half as much and are not highlighted, so "kā kļūt par
// vadītāju" is about "kļūt vadītāju" and "I'd like to…" is not about likes, while "kādas" still
// leans towards "Kāda …?". A query of nothing else still searches with them.
export const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  lv: stopwords(
    'kā kad kur kāpēc kādēļ kas ko kam kuru kurš kura kuri kuras kāds kāda kādi kādas cik vai lai ja jo ka un bet arī ' +
      'par no uz ar pie pēc līdz bez pa priekš starp pret caur ' +
      'es tu mēs jūs man tev mums jums tevi mūs mans mana mani manas savs sava savu savā ' +
      'viņš viņa viņi viņas viņam viņai viņu viņiem tas tā tie tās to tam tai tiem šis šī šo šie šīs ' +
      'ir nav bija būs būt esmu esi esam var varu vari varam varat varētu vajag vajadzētu gribu gribētu vēlos vēlētos ' +
      'tik ļoti vēl jau tikai te tur tad kaut jā nē',
  ),
  en: stopwords(
    'a an the is are was were be been being am do does did done i me my mine we us our you your he she him his her ' +
      'it its they them their this that these those to of in on at by for with from about into as and or but if so ' +
      'than then there here what which who whom whose when where why how can could would should will shall may might must ' +
      'want wants wanted like need needs please d s t m ll ve re don doesn didn isn aren wasn any some just also very',
  ),
};

/** What a stopword beside other query words is worth against one of them. */
const STOPWORD_WEIGHT = 0.5;

function stopwords(list: string): Set<string> {
  return new Set(list.split(' ').map(fold));
}

const KIND_RANK: Record<MatchKind, number> = { word: 0, stem: 1, prefix: 2, fuzzy: 3 };

/** How `candidates` came from the folded query word `q` to `word` of the vocabulary, the best way it could. */
function kindOf(q: string, word: string, lang: Lang): MatchKind {
  if (word === q) return 'word';
  if (stem(word, lang) === stem(q, lang)) return 'stem';
  return word.startsWith(q) ? 'prefix' : 'fuzzy';
}

export interface SearchIndex {
  search(query: string, limit?: number): Match[];
}

/** Entry numbers, ascending: two bytes each while a language has no more than 65,536 entries. */
type Docs = Uint16Array | Int32Array;

/** Where a folded word occurs: entries in ascending order, with its weight in each (`RANKING`). */
interface Posting {
  docs: Docs;
  weights: Float32Array;
  /** The word's spellings in the content; entries per spelling only when there are several. */
  spellings: string | Map<string, Docs>;
}

/** A posting while the index is built. */
interface Building {
  docs: number[];
  /** The word's counts per field in each entry, packed (`UNIT`). */
  counts: number[];
  spellings: Spelling[];
}
/** One way a word is written in the content; its own entries are listed only once the word has a second one. */
interface Spelling {
  exact: string;
  posting: Building;
  docs?: number[];
}

const MAX_PREFIX_WORDS = 40;

/**
 * Calls `visit` with every string one slip from `word` that can still be a vocabulary word: each
 * letter left out, two neighbours swapped (`swap` true), another letter in a letter's place (these
 * three only if `edits`), and a letter added anywhere. A variant keeps the letters before the
 * slip (`head`), so it goes no further along the word than some word starts with `head`, and the
 * letters put in or added are those that follow `head` in some word (`after`): the cost depends
 * on the word, never on how many letters, in how many scripts, the whole content has. Letters are
 * code points, so 𝒜 is one. Some strings come more than once; lookups do not mind.
 */
function oneSlip(word: string, edits: boolean, after: (head: string) => string[] | undefined, visit: (edit: string, swap: boolean) => void): void {
  const letters = [...word];
  let head = '';
  for (let i = 0; i <= letters.length; i++, head += letters[i - 1]) {
    const next = after(head);
    if (!next) return; // no word starts with `head`
    const tail = letters.slice(i).join('');
    for (const c of next) visit(head + c + tail, false);
    if (!edits || i === letters.length) continue;
    const rest = letters.slice(i + 1).join('');
    visit(head + rest, false);
    if (rest) visit(head + letters[i + 1] + letters[i] + letters.slice(i + 2).join(''), true);
    for (const c of next) if (c !== letters[i]) visit(head + c + rest, false);
  }
}

/** The query's words, each folded word once: a word said twice is not twice as important. */
function distinct(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.folded) && seen.add(t.folded));
}

/** Index of `value` in the ascending `docs`, or -1. */
function find(docs: Docs, value: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] === value) return mid;
    if (docs[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * What makes each word's weight in an entry from its packed counts (`UNIT`), given every entry's
 * field lengths: per field, one occurrence is worth the field's weight over its length against
 * that field's average length; the weighted sum saturates (`k1`).
 */
function weigher(lengths: number[][], count: number): (counts: number[], docs: number[]) => Float32Array {
  const worth = FIELDS.map((field, f) => {
    const b = RANKING.b[field];
    const average = lengths[f].reduce((sum, n) => sum + n, 0) / count || 1;
    const perEntry = new Float32Array(count);
    for (let doc = 0; doc < count; doc++) perEntry[doc] = RANKING.weight[field] / (1 - b + (b * lengths[f][doc]) / average);
    return perEntry;
  });
  const { k1 } = RANKING;
  return (counts, docs) => {
    const weights = new Float32Array(counts.length);
    for (let i = 0; i < counts.length; i++) {
      const packed = counts[i];
      const doc = docs[i];
      const answer = Math.floor(packed / UNIT[3]);
      const rest = packed - answer * UNIT[3];
      const tf = (rest & 255) * worth[0][doc] + ((rest >>> 8) & 255) * worth[1][doc] + (rest >>> 16) * worth[2][doc] + answer * worth[3][doc];
      weights[i] = (tf * (k1 + 1)) / (k1 + tf);
    }
    return weights;
  };
}

/**
 * Builds the search index for one language. Fuse.js runs over the vocabulary of
 * distinct folded words (which grows far slower than the collection), and entries
 * are scored through an inverted index of typed arrays; all folding happens here,
 * once per distinct word, so a query costs about the same at 10 or 10,000 entries.
 */
export function createSearchIndex(entries: Iterable<Searchable>, lang: Lang): SearchIndex {
  return runNow(indexJob(entries, lang));
}

/** How many entries, or distinct words, are worked through between two chances to pause. */
const STEP = 64;

/**
 * Builds the index as a job that pauses every few dozen entries: the widget runs it in slices
 * (`runInSlices`), so a large help centre is indexed without a long task on the page. Entries
 * are read once, in order, and not kept: `entries` may make each one as it is asked for.
 */
export function* indexJob(entries: Iterable<Searchable>, lang: Lang): Job<SearchIndex> {
  const building = new Map<string, Building>();
  // Each distinct spelling is folded once; after that one lookup finds its word's posting.
  const spelt = new WordTable<Spelling>();
  /** A spelling met for the first time: folded, and filed under its word. */
  const spell = (exact: string): Spelling => {
    const word = fold(exact);
    let posting = building.get(word);
    if (!posting) building.set(word, (posting = { docs: [], counts: [], spellings: [] }));
    const spelling: Spelling = { exact, posting };
    const [first] = posting.spellings;
    if (first) {
      // A second spelling: until now every entry of the word had the first one.
      first.docs ??= posting.docs.slice();
      spelling.docs = [];
    }
    posting.spellings.push(spelling);
    return spelling;
  };
  const ids: string[] = [];

  // Each field's length in words, per entry: what its counts are divided by.
  const lengths: number[][] = FIELDS.map(() => []);
  for (const entry of entries) {
    const index = ids.push(entry.id) - 1;
    if (index % STEP === STEP - 1) yield;
    const text: Record<Field, string> = { question: entry.question, keywords: entry.keywords.join(' · '), category: entry.category, answer: entry.answer };
    FIELDS.forEach((field, f) => {
      const unit = UNIT[f];
      const uncapped = field === 'answer';
      lengths[f].push(
        spelt.read(text[field].normalize('NFC').toLowerCase(), spell, ({ posting, docs }) => {
          const last = posting.docs.length - 1;
          if (posting.docs[last] !== index) {
            posting.docs.push(index);
            posting.counts.push(unit);
          } else if (uncapped || Math.floor(posting.counts[last] / unit) % 256 < CAPPED) posting.counts[last] += unit;
          if (docs && docs[docs.length - 1] !== index) docs.push(index);
        }),
      );
    });
  }

  const count = ids.length;
  const docsOf = (list: number[]): Docs => (count <= 0x10000 ? new Uint16Array(list) : new Int32Array(list));
  // Let go once the weights are made: the index keeps only what a search needs.
  let weighAll: ((counts: number[], docs: number[]) => Float32Array) | undefined = weigher(lengths, count);
  const postings = new Map<string, Posting>();
  const stems = new Map<string, string[]>();
  let done = 0;
  for (const [word, { docs, counts, spellings }] of building) {
    if (++done % (STEP * 8) === 0) yield;
    postings.set(word, {
      docs: docsOf(docs),
      weights: weighAll!(counts, docs),
      spellings: spellings.length === 1 ? spellings[0].exact : new Map(spellings.map((s) => [s.exact, docsOf(s.docs!)])),
    });
    const s = stem(word, lang);
    const group = stems.get(s);
    if (group) group.push(word);
    else stems.set(s, [word]);
  }
  building.clear();
  weighAll = undefined;

  const vocabulary = [...postings.keys()].sort();
  const maxIdf = Math.log(1 + count);
  const idf = (posting: Posting) => Math.log(1 + count / posting.docs.length);

  /**
   * The letters that follow `head` in some vocabulary word, or undefined when no word starts with
   * it: one binary search per distinct next letter, jumping past every word that has it.
   */
  function lettersAfter(head: string): string[] | undefined {
    let at = firstFrom(head);
    if (!vocabulary[at]?.startsWith(head)) return undefined;
    const out: string[] = [];
    while (at < vocabulary.length && vocabulary[at].startsWith(head)) {
      const c = String.fromCodePoint(vocabulary[at].codePointAt(head.length) ?? 0);
      if (vocabulary[at].length === head.length) at++;
      else {
        out.push(c);
        at = firstFrom(head + c + '\u{10FFFF}');
      }
    }
    return out;
  }

  /**
   * Vocabulary words one slip away from `q` (a word of three letters or more: four, less the one
   * missing; or fewer once folded, "tech" being "tec"): two neighbouring letters
   * swapped, or one letter missing, extra or wrong, anywhere in the word, the first letters too
   * ("laga" → "alga", "sldoze" → "slodze", "lga" → "alga"). Each candidate is a Map lookup, one
   * per letter that can follow the letters before the slip (`oneSlip`), never a scan of the
   * vocabulary; a slip in the stem also meets the stem's other forms ("sldozes" → "slodze").
   */
  function slips(q: string): Map<string, number> {
    // Swapped neighbours are the commonest slip of fast typing: where a swap explains the word
    // ("tehc" → "tech"), a word one wrong letter away ("teac(h)") is a worse guess, not a rival.
    const swapped = new Map<string, number>();
    const other = new Map<string, number>();
    const offer = (found: Map<string, number>, word: string, value: number) => {
      if ((found.get(word) ?? 0) < value) found.set(word, value);
    };
    const quality = QUALITY.fuzzy * (1 - 1 / Math.max(q.length, MIN_FUZZY));
    const root = stem(q, lang);
    // The word's own slips first; the stem's ("sldozes" → "slodz-") only when those find nothing.
    for (const from of root === q ? [q] : [q, root]) {
      if (swapped.size || other.size) break;
      oneSlip(from, from.length >= MIN_FUZZY, lettersAfter, (edit, swap) => {
        // A slip can make a digraph ("tehc" → "tech"), which the vocabulary holds folded ("tec").
        const word = foldDigraphs(edit);
        if (postings.has(word)) offer(swap ? swapped : other, word, quality);
        for (const inflected of stems.get(word) ?? []) offer(swap ? swapped : other, inflected, quality * QUALITY.stem);
      });
    }
    return swapped.size ? swapped : other;
  }

  // Typos of two letters or more keep the first letter: Fuse only searches the words that start
  // like the query word, a small share of the vocabulary, and each letter's index is built when first needed.
  const fuzzyByLetter = new Map<string, Fuse<string>>();
  const fuzzy = (q: string) => {
    let fuse = fuzzyByLetter.get(q[0]);
    if (!fuse) {
      // Typos only: a distance of about one letter in five.
      fuse = new Fuse(withPrefix(q[0], Infinity), { includeScore: true, threshold: 0.3, distance: 20 });
      fuzzyByLetter.set(q[0], fuse);
    }
    return fuse.search(q, { limit: 8 });
  };

  /** Where `prefix` would stand in the sorted vocabulary: the first word not before it. */
  function firstFrom(prefix: string): number {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Vocabulary words starting with `prefix`, by binary search over the sorted list. */
  function withPrefix(prefix: string, max = MAX_PREFIX_WORDS): string[] {
    const lo = firstFrom(prefix);
    const out: string[] = [];
    for (let i = lo; i < vocabulary.length && vocabulary[i].startsWith(prefix) && out.length < max; i++) out.push(vocabulary[i]);
    return out;
  }

  /** The word itself and the words of its stem, with how well each stands for it. */
  function inflections(q: string): Map<string, number> {
    const found = new Map<string, number>();
    for (const word of stems.get(stem(q, lang)) ?? []) found.set(word, QUALITY.stem);
    if (postings.has(q)) found.set(q, QUALITY.word);
    return found;
  }

  /** Every vocabulary word that could stand for the query word, with how well it does. */
  function candidates(token: Token): Map<string, number> {
    const found = new Map<string, number>();
    const offer = (word: string, quality: number) => {
      if ((found.get(word) ?? 0) < quality) found.set(word, quality);
    };
    const q = token.folded;
    if (postings.has(q)) offer(q, QUALITY.word);
    for (const word of stems.get(stem(q, lang)) ?? []) offer(word, QUALITY.stem);
    if (q.length >= MIN_PREFIX) {
      for (const word of withPrefix(q)) offer(word, QUALITY.prefix * Math.sqrt(q.length / word.length));
    }
    // Fuzzy matching only for a word that nothing else explains: a typo, not a word being typed.
    // One slip first, anywhere in the word; Fuse for more than one, after the first letter.
    if (q.length >= MIN_FUZZY - 1 && !found.size) for (const [word, quality] of slips(q)) offer(word, quality);
    if (q.length >= MIN_FUZZY && !found.size) {
      for (const hit of fuzzy(q)) {
        // Fuse also finds the pattern inside longer words ("alga" in "algas"): a typo
        // keeps about the length.
        if (Math.abs(hit.item.length - q.length) <= 2) offer(hit.item, QUALITY.fuzzy * (1 - (hit.score ?? 1)));
      }
    }
    return found;
  }

  /**
   * A query word the vocabulary lacks, even by stem, as two vocabulary words ("workload" as
   * "work" + "load"): each split point is two Map lookups, never a scan of the vocabulary.
   */
  function splits(q: string): [Map<string, number>, Map<string, number>][] {
    if (q.length < 2 * MIN_PART || postings.has(q) || stems.has(stem(q, lang))) return [];
    const out: [Map<string, number>, Map<string, number>][] = [];
    for (let i = MIN_PART; i <= q.length - MIN_PART; i++) {
      const head = inflections(q.slice(0, i));
      if (!head.size) continue;
      const tail = inflections(q.slice(i));
      if (tail.size) out.push([head, tail]);
    }
    return out;
  }

  // Scratch space reused by every query, one slot per entry: a keystroke allocates next to nothing.
  const total = new Float64Array(count);
  const best = new Float64Array(count);
  const touched = new Int32Array(count); // entries any query word met, the first `met` of them
  const hit = new Int32Array(count); // entries this query word met
  // The two parts of a split query word, made only when a query first needs them.
  let halves: { value: Float64Array; docs: Int32Array }[] | undefined;

  /** Writes, per entry, the best value of any of `words` into `part`; returns how many entries. */
  function fill(words: Map<string, number>, part: { value: Float64Array; docs: Int32Array }): number {
    let n = 0;
    for (const [word, quality] of words) {
      const posting = postings.get(word)!;
      const weightIdf = FOLDED_PENALTY * quality * idf(posting);
      const { docs, weights } = posting;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        const value = weightIdf * weights[i];
        if (part.value[doc] === 0) part.docs[n++] = doc;
        if (part.value[doc] < value) part.value[doc] = value;
      }
    }
    return n;
  }

  function search(query: string, limit = 10): Match[] {
    const raw = tokenize(query.slice(0, MAX_QUERY_LENGTH));
    const all = distinct(raw);
    const meaningful = all.filter((t) => !STOPWORDS[lang].has(t.folded));
    const tokens = (meaningful.length ? meaningful : all).slice(0, MAX_QUERY_TERMS);
    if (!tokens.length || !count) return [];
    // Beside other words, a stopword only reorders the entries those words found.
    const minor = meaningful.length ? all.filter((t) => STOPWORDS[lang].has(t.folded)).slice(0, MAX_QUERY_TERMS) : [];

    // Two adjacent words the content writes as one ("work load" as "workload"): the joined word
    // stands for both of them.
    const joined = new Map<string, Map<string, number>>();
    for (let i = 1; i < raw.length && i <= MAX_QUERY_TERMS * 2; i++) {
      const found = inflections(raw[i - 1].folded + raw[i].folded);
      for (const t of [raw[i - 1], raw[i]]) {
        const own = joined.get(t.folded) ?? new Map<string, number>();
        for (const [word, quality] of found) if ((own.get(word) ?? 0) < quality) own.set(word, quality);
        if (own.size) joined.set(t.folded, own);
      }
    }

    let met = 0;
    let top = 0;
    const perToken: Map<string, number>[] = [];
    const compound: Set<string>[] = [];
    const split: [Map<string, number>, Map<string, number>][][] = []; // each query word's two-part readings
    for (const token of tokens) {
      const words = candidates(token);
      const parts = new Set<string>();
      for (const [word, quality] of joined.get(token.folded) ?? []) {
        if ((words.get(word) ?? 0) < quality) words.set(word, quality);
        parts.add(word);
      }
      perToken.push(words);
      compound.push(parts);
      split.push(splits(token.folded));
      let hits = 0;
      // A word the content writes as two: an entry needs both, scored as the two searched together.
      for (const [head, tail] of split[split.length - 1]) {
        halves ??= [0, 1].map(() => ({ value: new Float64Array(count), docs: new Int32Array(count) }));
        const [first, second] = halves;
        const n = fill(head, first);
        const m = fill(tail, second);
        for (let k = 0; k < n; k++) {
          const doc = first.docs[k];
          const b = second.value[doc];
          if (b > 0) {
            const value = (SPLIT_QUALITY * (first.value[doc] + b)) / 2;
            if (best[doc] === 0) hit[hits++] = doc;
            if (best[doc] < value) best[doc] = value;
          }
          first.value[doc] = 0;
        }
        for (let k = 0; k < m; k++) second.value[second.docs[k]] = 0;
        for (const words of [head, tail]) for (const word of words.keys()) parts.add(word);
      }
      for (const [word, quality] of words) {
        const posting = postings.get(word)!;
        const weightIdf = quality * idf(posting);
        const { docs, weights, spellings } = posting;
        // The exact spelling ("saņemt" for "saņemt") ranks just above a folded match. Where the
        // word is written several ways, the entries with this spelling are walked alongside.
        const exactDocs = word !== token.folded ? undefined : typeof spellings === 'string' ? spellings === token.exact : spellings.get(token.exact);
        const some = typeof exactDocs === 'object' ? exactDocs : undefined;
        const factor = exactDocs === true ? 1 : FOLDED_PENALTY;
        for (let i = 0, e = 0; i < docs.length; i++) {
          const doc = docs[i];
          if (some) while (e < some.length && some[e] < doc) e++;
          const value = weightIdf * weights[i] * (some?.[e] === doc ? 1 : factor);
          if (best[doc] === 0) hit[hits++] = doc;
          if (best[doc] < value) best[doc] = value;
        }
      }
      for (let h = 0; h < hits; h++) {
        const doc = hit[h];
        if (total[doc] === 0) touched[met++] = doc;
        total[doc] += best[doc];
        best[doc] = 0;
        if (top < total[doc]) top = total[doc]; // totals only grow: the best so far is the best at the end
      }
    }

    for (const token of minor) {
      let hits = 0;
      for (const [word, quality] of inflections(token.folded)) {
        const posting = postings.get(word)!;
        const { docs, weights } = posting;
        const weightIdf = STOPWORD_WEIGHT * quality * idf(posting);
        // "un" or "the" is in most entries: look up the few found ones rather than walk them all.
        const lookUp = met * 16 < docs.length;
        for (let n = lookUp ? met : docs.length, k = 0; k < n; k++) {
          const doc = lookUp ? touched[k] : docs[k];
          const i = lookUp ? find(docs, doc) : k;
          if (i < 0 || total[doc] === 0) continue;
          const value = weightIdf * weights[i];
          if (best[doc] === 0) hit[hits++] = doc;
          if (best[doc] < value) best[doc] = value;
        }
      }
      for (let h = 0; h < hits; h++) {
        const doc = hit[h];
        total[doc] += best[doc];
        best[doc] = 0;
        if (top < total[doc]) top = total[doc];
      }
    }

    // The most a word can add to an entry is (k1 + 1) times its idf: the score is a share of that.
    const ceiling = (tokens.length + STOPWORD_WEIGHT * minor.length) * (RANKING.k1 + 1) * maxIdf;
    // The best `limit` by score, then id, kept in order as they come: work in proportion to the
    // hits asked for, not a sort of every entry a short prefix touches.
    const wanted = limit >= 1 ? Math.min(Math.floor(limit), met) : 0;
    const keptDocs: number[] = [];
    const keptScores: number[] = [];
    const ahead = (score: number, doc: number, at: number) => score > keptScores[at] || (score === keptScores[at] && ids[doc] < ids[keptDocs[at]]);
    for (let t = 0; t < met; t++) {
      const doc = touched[t];
      const sum = total[doc];
      total[doc] = 0; // ready for the next query
      if (!wanted || !(sum >= top * CUTOFF)) continue;
      const score = Math.min(1, sum / ceiling);
      let at = keptDocs.length;
      if (at === wanted) {
        if (!ahead(score, doc, at - 1)) continue;
        at--; // the last one drops out
      }
      for (; at > 0 && ahead(score, doc, at - 1); at--) {
        keptDocs[at] = keptDocs[at - 1];
        keptScores[at] = keptScores[at - 1];
      }
      keptDocs[at] = doc;
      keptScores[at] = score;
    }

    // How each query word came to each of its words, worked out once per pair, not once per hit.
    const kindMemo = tokens.map(() => new Map<string, MatchKind>());
    const kindFor = (t: number, word: string): MatchKind => {
      let kind = kindMemo[t].get(word);
      if (!kind) {
        kind = kindOf(tokens[t].folded, word, lang);
        // A compound met whole or in its two parts counts as a stem match.
        if (compound[t].has(word) && kind !== 'word') kind = 'stem';
        kindMemo[t].set(word, kind);
      }
      return kind;
    };
    const searched = tokens.map((t) => t.folded);
    // The words to highlight, for the hits shown only: every form of a query word the entry holds.
    return keptDocs.map((doc, i) => {
      const terms = new Set<string>();
      const kinds = new Map<string, MatchKind>();
      perToken.forEach((words, t) => {
        const holds = (part: Map<string, number>) => [...part.keys()].some((word) => find(postings.get(word)!.docs, doc) >= 0);
        const halves = split[t].filter(([head, tail]) => holds(head) && holds(tail)).flatMap(([head, tail]) => [...head.keys(), ...tail.keys()]);
        for (const word of [...words.keys(), ...halves]) {
          if (find(postings.get(word)!.docs, doc) < 0) continue;
          terms.add(word);
          const q = tokens[t].folded;
          const kind = kindFor(t, word);
          const had = kinds.get(q);
          if (!had || KIND_RANK[kind] < KIND_RANK[had]) kinds.set(q, kind);
        }
      });
      return { id: ids[doc], score: keptScores[i], terms, kinds, searched };
    });
  }

  return { search };
}
