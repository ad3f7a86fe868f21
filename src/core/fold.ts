/**
 * Text folding for search: what a visitor without a Latvian keyboard types must
 * meet what the content says. Folding runs once per document word at index time
 * and once per query word, never per comparison.
 */

const MARKS = /\p{M}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

// Latvians without Latvian keys write a háček as a following h, a long vowel
// doubled, and a cedilla (ģ ķ ļ ņ) as a following j. Folding both sides the same way
// makes "izdegshana", "izdegsana" and "izdegšana" one word.
const DIGRAPHS = /([scz])h|([aeiu])\2|([gkln])j/g;

/** Lowercase, strip diacritics (through Unicode NFD, not a table) and fold digraphs. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(DIGRAPHS, (_, hacek: string, long: string, cedilla: string) => hacek ?? long ?? cedilla);
}

export interface Token {
  /** The word as written (NFC, lowercase): exact spelling ranks above a folded match. */
  exact: string;
  folded: string;
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

/** The words of a text, lowercase, in NFC: what the index folds, once per distinct word. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/** Splits text into words with their positions; punctuation and emoji separate words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ exact: m[0].toLowerCase(), folded: fold(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}

/**
 * Where each folded word first occurs in `text` (offsets in its NFC form, as `tokenize` gives),
 * each distinct spelling folded once: what a snippet needs to find its place without a rescan.
 */
export function firstOccurrences(text: string): Map<string, number> {
  const first = new Map<string, number>();
  const folded = new Map<string, string>();
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    let word = folded.get(m[0]);
    if (word === undefined) folded.set(m[0], (word = fold(m[0])));
    if (!first.has(word)) first.set(word, m.index ?? 0);
  }
  return first;
}
