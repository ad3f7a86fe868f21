import Fuse from 'fuse.js/basic';
import type { Lang } from '../types';
import { tokenize, type Token } from './fold';
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
}

// A word in the question says more about an entry than the same word deep in the answer.
const FIELD_WEIGHTS = { question: 3, keywords: 2.5, category: 1, answer: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const MAX_WEIGHT = FIELD_WEIGHTS.question;

// How much each way of meeting a query word is worth, best first.
const QUALITY = { word: 1, stem: 0.9, prefix: 0.8, fuzzy: 0.7 } as const;
// A folded match ("sanemt" for "saņemt") ranks just below the exact spelling.
const FOLDED_PENALTY = 0.97;

/** Longer queries are cut here: a pasted essay must not freeze the page. */
export const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 12;
const MIN_PREFIX = 2;
const MIN_FUZZY = 4;
/** Hits below this share of the best score are noise, not answers. */
const CUTOFF = 0.25;

// Folded function words: ignored when the query has other words, so "kā kļūt par
// vadītāju" is about "kļūt vadītāju" and "par" is not highlighted in every answer.
const STOPWORDS: Record<Lang, Set<string>> = {
  lv: new Set('ka ir par un vai no uz ar kas ko ja lai pie man tik tas'.split(' ')),
  en: new Set('a an the is are do does i to in of for how what and or can my it'.split(' ')),
};

interface Posting {
  /** Entry index → best field weight of this word in that entry. */
  weights: Map<number, number>;
}

export interface SearchIndex {
  search(query: string, limit?: number): Match[];
}

/**
 * Builds the search index for one language. Fuse.js runs over the vocabulary of
 * distinct folded words (which grows far slower than the collection), and entries
 * are scored through an inverted index; all folding happens here, once.
 */
export function createSearchIndex(entries: readonly Searchable[], lang: Lang): SearchIndex {
  const postings = new Map<string, Posting>();
  const stems = new Map<string, string[]>();
  const exactWords = entries.map(() => new Set<string>());

  entries.forEach((entry, index) => {
    const fields: [Field, string][] = [
      ['question', entry.question],
      ['keywords', entry.keywords.join(' · ')],
      ['category', entry.category],
      ['answer', entry.answer],
    ];
    for (const [field, text] of fields) {
      for (const token of tokenize(text)) {
        exactWords[index].add(token.exact);
        let posting = postings.get(token.folded);
        if (!posting) {
          posting = { weights: new Map() };
          postings.set(token.folded, posting);
          const s = stem(token.folded, lang);
          stems.set(s, [...(stems.get(s) ?? []), token.folded]);
        }
        const weight = FIELD_WEIGHTS[field];
        if ((posting.weights.get(index) ?? 0) < weight) posting.weights.set(index, weight);
      }
    }
  });

  const vocabulary = [...postings.keys()].sort();
  const idf = (word: string) => Math.log(1 + entries.length / postings.get(word)!.weights.size);
  const maxIdf = Math.log(1 + entries.length);
  // Typos only: a distance of about one letter in five.
  const fuzzy = new Fuse(vocabulary, { includeScore: true, threshold: 0.3, distance: 20 });

  /** Vocabulary words starting with `prefix`, by binary search over the sorted list. */
  function withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < vocabulary.length && vocabulary[i].startsWith(prefix) && out.length < 50; i++) {
      out.push(vocabulary[i]);
    }
    return out;
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
    if (q.length >= MIN_FUZZY) {
      for (const hit of fuzzy.search(q, { limit: 8 })) {
        // Fuse also finds the pattern inside longer words ("alga" in "sagaida"): a typo
        // keeps the first letter and about the length.
        if (hit.item[0] === q[0] && Math.abs(hit.item.length - q.length) <= 2) {
          offer(hit.item, QUALITY.fuzzy * (1 - (hit.score ?? 1)));
        }
      }
    }
    return found;
  }

  function search(query: string, limit = 10): Match[] {
    const all = tokenize(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS);
    const meaningful = all.filter((t) => !STOPWORDS[lang].has(t.folded));
    const tokens = meaningful.length ? meaningful : all;
    if (!tokens.length) return [];
    const scores = new Map<number, { score: number; terms: Set<string> }>();

    for (const token of tokens) {
      // Per entry, the best way this query word is met.
      const best = new Map<number, number>();
      for (const [word, quality] of candidates(token)) {
        const wordIdf = idf(word);
        for (const [index, weight] of postings.get(word)!.weights) {
          const exact = exactWords[index].has(token.exact) ? 1 : FOLDED_PENALTY;
          best.set(index, Math.max(best.get(index) ?? 0, quality * exact * weight * wordIdf));
          let entry = scores.get(index);
          if (!entry) scores.set(index, (entry = { score: 0, terms: new Set() }));
          // Every form of the word the entry holds is highlighted, not just the best.
          entry.terms.add(word);
        }
      }
      for (const [index, value] of best) scores.get(index)!.score += value;
    }

    const ceiling = tokens.length * MAX_WEIGHT * maxIdf;
    const ranked = [...scores]
      .map(([index, { score, terms }]) => ({ id: entries[index].id, score: Math.min(1, score / ceiling), terms }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const floor = (ranked[0]?.score ?? 0) * CUTOFF;
    return ranked.filter((m) => m.score >= floor).slice(0, Math.max(0, limit));
  }

  return { search };
}
