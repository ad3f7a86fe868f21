/**
 * Text folding for search: what a visitor without a Latvian keyboard types must
 * meet what the content says. Folding runs once per document word at index time
 * and once per query word, never per comparison.
 */

const MARKS = /\p{M}+/gu;
/** A word is a run of letters and digits (`[\p{L}\p{N}]+`), read by `eachWord`. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

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
    .replace(DIGRAPHS, foldDigraph);
}

const foldDigraph = (_: string, hacek?: string, long?: string, cedilla?: string) => hacek ?? long ?? cedilla ?? '';

/** The digraph step of `fold` alone, for a string already folded otherwise (a typo's variants). */
export const foldDigraphs = (folded: string): string => folded.replace(DIGRAPHS, foldDigraph);

export interface Token {
  /** The word as written (NFC, lowercase): exact spelling ranks above a folded match. */
  exact: string;
  folded: string;
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

// Per character of the Basic Multilingual Plane, whether it is a letter or digit: 0 not asked
// yet, 1 yes, 2 no. Asked of the regex once per character: a 10,000-entry help centre has
// millions of characters, and the regex run over all of them is most of the time indexing takes.
const bmp = new Uint8Array(0x10000);

/**
 * Calls `found(start, end, hash)` for each word of `text`, in order: what `/[\p{L}\p{N}]+/gu`
 * matches, with a hash of its UTF-16 code units (`h * 31 + c`), worked out on the way.
 */
export function eachWord(text: string, found: (start: number, end: number, hash: number) => void): void {
  let start = -1;
  let hash = 0;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    // A surrogate pair is one character (𝒜 is a letter); a lone surrogate is none.
    const pair = code >= 0xd800 && code < 0xdc00 && text.codePointAt(at)! > 0xffff;
    let letter: boolean;
    if (pair) letter = WORD_CHAR.test(text.slice(at, at + 2));
    else {
      if (!bmp[code]) bmp[code] = WORD_CHAR.test(text[at]) ? 1 : 2;
      letter = bmp[code] === 1;
    }
    if (letter) {
      if (start < 0) {
        start = at;
        hash = 0;
      }
      hash = (Math.imul(hash, 31) + code) | 0;
      if (pair) hash = (Math.imul(hash, 31) + text.charCodeAt(at + 1)) | 0;
    } else if (start >= 0) {
      found(start, at, hash);
      start = -1;
    }
    at += pair ? 2 : 1;
  }
  if (start >= 0) found(start, text.length, hash);
}

/** The words of a text, lowercase, in NFC: what the index folds, once per distinct word. */
export function words(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const out: string[] = [];
  eachWord(lower, (start, end) => out.push(lower.slice(start, end)));
  return out;
}

/** Splits text into words with their positions; punctuation and emoji separate words. */
export function tokenize(text: string): Token[] {
  const nfc = text.normalize('NFC');
  const tokens: Token[] = [];
  eachWord(nfc, (start, end) => {
    const word = nfc.slice(start, end);
    tokens.push({ exact: word.toLowerCase(), folded: fold(word), start, end });
  });
  return tokens;
}

/**
 * Where each folded word first occurs in `text` (offsets in its NFC form, as `tokenize` gives),
 * each distinct spelling folded once: what a snippet needs to find its place without a rescan.
 */
export function firstOccurrences(text: string): Map<string, number> {
  const first = new Map<string, number>();
  const folded = new Map<string, string>();
  const nfc = text.normalize('NFC');
  eachWord(nfc, (start, end) => {
    const spelling = nfc.slice(start, end);
    let word = folded.get(spelling);
    if (word === undefined) folded.set(spelling, (word = fold(spelling)));
    if (!first.has(word)) first.set(word, start);
  });
  return first;
}
