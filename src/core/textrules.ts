import type { Lang } from '../types';
import { fold, words } from './fold';
import { parseMarkup } from './markup';
import { PLURAL } from './overrides';

/**
 * Rules about text itself, one implementation each, shared by the translators' guard
 * (`npm run i18n:check`: ui.json and faq.json) and the owner checker (`faq-widget check`).
 * Each returns places as indexes into the decoded string; the caller turns them into
 * file:line:column through the JSON map (src/core/jsonmap.ts). Framework-free and linear.
 */

/** A place in one string and what is wrong there. */
export interface TextProblem {
  index: number;
  message: string;
}

// Characters that show nothing yet split a word for search (src/core/fold.ts reads words as runs of
// letters and digits) and travel with copy and paste: zero-width space, (non-)joiners, soft hyphen,
// direction marks and embeddings, word joiner, invisible operators, a byte-order mark.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const NAMES: Record<string, string> = {
  '\u00AD': 'SOFT HYPHEN',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'BYTE ORDER MARK',
};
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const LETTER = /[\p{L}\p{N}]/u;

const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const mark = (c: string) => `⟨${code(c)}⟩`;

/** "U+200B ZERO WIDTH SPACE". */
export const charName = (c: string) => `${code(c)}${NAMES[c] ? ` ${NAMES[c]}` : ''}`;

// Up to 30 letters, digits or invisible characters before and after a place: the word it is in
// (a word is shorter; the cap keeps a megabyte of "a\u200b" linear).
const BEFORE = /[\p{L}\p{N}\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]{0,30}$/u;
const AFTER = /^[\p{L}\p{N}\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]{0,30}/u;

/** The word around `index`, with its invisible characters shown as ⟨U+…⟩, and without them. */
function wordAround(text: string, index: number): { shown: string; clean: string } {
  const before = BEFORE.exec(text.slice(Math.max(0, index - 30), index))![0];
  const after = AFTER.exec(text.slice(index + 1, index + 31))![0];
  const word = before + text[index] + after;
  return { shown: word.replace(INVISIBLE, mark), clean: word.replace(INVISIBLE, '') };
}

/**
 * Invisible characters inside text that has visible letters (text of invisible characters only is
 * reported as a blank by the owner checker). A zero-width joiner inside an emoji sequence (👩‍💻) is meant.
 * `searched`: the text is what search reads (questions, answers, keywords), so say what a visitor misses.
 */
export function invisibleInside(text: string, searched: boolean): TextProblem[] {
  const out: TextProblem[] = [];
  let more = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    const c = m[0];
    const i = m.index;
    if (c === '\u200D' && PICTOGRAPH.test(text.slice(Math.max(0, i - 2), i))) continue;
    if (out.length === MAX_PER_TEXT && ++more) continue;
    const { shown, clean } = wordAround(text, i);
    const effect =
      searched && clean
        ? `search reads "${shown}" as ${LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '') ? 'two words' : 'another word'}, so a visitor searching "${clean}" does not find it`
        : 'it shows nothing, but screen readers, copy and paste and search carry it';
    out.push({ index: i, message: `an invisible character (${charName(c)}) in "${shown}": ${effect}. Delete it (retype the word).` });
  }
  return more ? [...out, andMore(out, more, 'invisible characters')] : out;
}

/** Places said one by one in a text before the rest are counted in one finding: a pasted megabyte stays readable. */
export const MAX_PER_TEXT = 10;
const andMore = (out: TextProblem[], more: number, what: string): TextProblem => ({
  index: out[out.length - 1].index,
  message: `and ${more} more ${what} in this text after this one; fix these first, then check again.`,
});

// Where a non-breaking space is typography, not a paste from a word processor: after a digit or a
// one-letter word, or before a digit, a dash, a unit or currency sign ("14 $", "5 %", "Nr. 5", "a b").
const NBSP = /[\u00A0\u2007\u202F]/g;
const NBSP_MEANT_BEFORE = /[\d–—$€£%‰°]/;

/** Non-breaking spaces where a normal one is meant, spaces at the start or end, and double spaces. */
export function spacing(text: string): TextProblem[] {
  const out: TextProblem[] = [];
  if (!text.trim()) return out;
  if (/^\s/.test(text)) out.push({ index: 0, message: 'the text starts with a space: it shows as an indent or an uneven gap. Remove it.' });
  const trailing = /\s+$/.exec(text);
  if (trailing) out.push({ index: trailing.index, message: 'the text ends with a space or a line break: it is invisible, but a copy of it keeps it. Remove it.' });
  let more = 0;
  for (const m of text.matchAll(NBSP)) {
    const [before, after] = [text[m.index - 1] ?? '', text[m.index + 1] ?? ''];
    const oneLetter = LETTER.test(before) && !LETTER.test(text[m.index - 2] ?? '');
    if (/\d/.test(before) || oneLetter || NBSP_MEANT_BEFORE.test(after) || !after.trim() || !before.trim()) continue;
    if (out.length >= MAX_PER_TEXT && ++more) continue;
    out.push({
      index: m.index,
      message: `a non-breaking space (${code(m[0])}) between "${wordAround(text, m.index - 1).clean}" and "${wordAround(text, m.index + 1).clean}" keeps the two on one line where a normal space would let the line break (pasted from a word processor?). Type a normal space.`,
    });
  }
  // Two spaces between words on one line; spaces that indent a line of an answer are not doubled ones.
  for (const m of text.matchAll(/(?<=[^\s])[ \u00A0]{2,}(?=[^\s])/g)) {
    if (out.length >= MAX_PER_TEXT && ++more) continue;
    out.push({ index: m.index, message: `${m[0].length} spaces in a row: one is enough (the second shows as a wider gap in some places, and copies of the text keep it). Remove the extra ones.` });
  }
  return more ? [...out, andMore(out, more, 'spacing mistakes')] : out;
}

/** The numbers from 0 to 111 that a language's plural form serves, as i18next picks forms (Intl.PluralRules). */
export function pluralNumbers(lang: Lang, form: string): number[] {
  const rules = new Intl.PluralRules(lang);
  return Array.from({ length: 112 }, (_, n) => n).filter((n) => rules.select(n) === form);
}

/**
 * A plural form without `{{count}}` when the language shows it for more than one number: Latvian
 * `_one` serves 1, 21, 31…, so "Viens rezultāts" would be said of 21 results too. English `_one`
 * serves 1 alone, and may spell it out ("One question").
 */
export function pluralCountProblem(lang: Lang, form: string, text: string, othersHaveCount: boolean): string | undefined {
  if (!othersHaveCount || /\{\{\s*count\s*\}\}/.test(text)) return undefined;
  const numbers = pluralNumbers(lang, form);
  if (numbers.length < 2) return undefined;
  const shown = numbers.slice(0, 5).join(', ');
  return `the _${form} form has no {{count}}, but ${lang === 'lv' ? 'Latvian' : 'English'} uses _${form} for ${shown}, …: "${text}" would be shown for ${numbers[1]} and ${numbers[2]} too. Write {{count}} where the number goes, as the other forms do.`;
}

/** Characters the longer of two answers needs before their lengths are compared. */
export const MIN_COMPARED = 80;

/** Letters of plain text: the answer as shown (markup removed), spaces collapsed. */
const shownText = (markup: string) => parseMarkup(markup).text.replace(/\s+/g, ' ').trim();

/**
 * A Latvian answer much longer or shorter than its English counterpart: outside 0.5–2× by
 * characters (as shown, markup removed) or by words. Latvian runs about as long as English by
 * characters and a little shorter by words (no articles), so a ratio beyond 2 means a part is
 * missing from one of them or was added. Answers under 80 characters are not compared.
 */
export function lengthRatio(lv: string, en: string): string | undefined {
  const [a, b] = [shownText(lv), shownText(en)];
  const measures = [
    ['characters', a.length, b.length],
    ['words', words(a).length, words(b).length],
  ] as const;
  // A ratio of two short answers ("Yes." and "Jā, protams.") says nothing.
  if (Math.max(a.length, b.length) < MIN_COMPARED) return undefined;
  for (const [unit, mine, theirs] of measures) {
    if (!mine || !theirs) continue;
    const ratio = mine / theirs;
    if (ratio >= 0.5 && ratio <= 2) continue;
    const times = ratio >= 1 ? `${ratio.toFixed(1)} times as long as` : `${(1 / ratio).toFixed(1)} times shorter than`;
    return `the Latvian answer is ${times} the English one by ${unit} (${mine} vs ${theirs}; expected within 0.5–2×): is a part missing from one of them, or added? Make them say the same, or say why in a "note" ("length-ratio: …").`;
  }
  return undefined;
}

// English function words that no Latvian word spells ("to", "no", "par", "it", "a" are Latvian too,
// so they are not here). English prose is 40–50 % such words, Latvian prose none, and English terms
// a Latvian text names ("team leader", "work from home") hold few of them.
const ENGLISH = new Set(
  'the and of in you your is are was were be been being for with what how this that these those which who whom whose why when where will would can could should have has had do does did not an or on at from by as into than then there their they them we our my its it\'s if but about all any more most some just also only very'.split(' '),
);

/**
 * Latvian text that reads as English (not translated, or half of it): at least 2 of its words, and
 * at least 20 % of them, from a list of English function words no Latvian word spells. Texts of
 * fewer than 4 words are left to the "identical to English" rule.
 */
export function nearEnglish(text: string): string | undefined {
  const all = words(shownText(text));
  if (all.length < 4) return undefined;
  const found = all.filter((w) => ENGLISH.has(w));
  if (found.length < 2 || found.length / all.length < 0.2) return undefined;
  const examples = [...new Set(found)].slice(0, 4).map((w) => `"${w}"`).join(', ');
  return `the Latvian text reads as English: ${found.length} of its ${all.length} words (${Math.round((100 * found.length) / all.length)} %) are English words such as ${examples}. Translate it, or say why in a "note" ("near-english: …").`;
}

/** A keyword as search compares it: each word folded, spaces collapsed. */
export const foldKeyword = (keyword: string) => words(keyword).map(fold).join(' ');

/** Indexes of keywords that repeat an earlier one once folded ("alga", "Alga", "algā"), with the earlier one. */
export function duplicateKeywords(keywords: string[]): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const out: { index: number; first: number }[] = [];
  keywords.forEach((k, i) => {
    const f = foldKeyword(k);
    if (!f) return;
    const first = seen.get(f);
    if (first === undefined) seen.set(f, i);
    else out.push({ index: i, first });
  });
  return out;
}

/** The folded words of texts: a language's vocabulary. */
export function vocabulary(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const w of words(t)) out.add(fold(w));
  return out;
}

/**
 * Latvian keywords copied from the English file rather than translated: each keyword whose every
 * word is in the English file's vocabulary and none in the Latvian texts' (questions, answers and
 * category names). English terms beside Latvian ones are deliberate (visitors type "remote" or
 * "helpdesk"), so the rule speaks only when they are more than half of an entry's keywords.
 */
export function englishKeywords(keywords: string[], en: Set<string>, lv: Set<string>): { indexes: number[]; message: string } | undefined {
  const indexes = keywords.flatMap((k, i) => {
    const ws = words(k).map(fold);
    return ws.length && ws.every((w) => en.has(w) && !lv.has(w)) ? [i] : [];
  });
  if (!indexes.length || indexes.length * 2 <= keywords.length) return undefined;
  const list = indexes.map((i) => `"${keywords[i]}"`).join(', ');
  return {
    indexes,
    message: `${indexes.length} of the ${keywords.length} Latvian keywords are English words (${list}), not Latvian: Latvian visitors search in Latvian. Add the words they would type; English terms beside Latvian ones are fine.`,
  };
}

/**
 * Whether a note explains a finding of `rule`: it names the rule as a word ("length-ratio: the
 * Latvian answer lists more examples on purpose").
 */
export function noteJustifies(note: unknown, rule: string): note is string {
  return typeof note === 'string' && new RegExp(`(^|[^\\w-])${rule}($|[^\\w-])`, 'i').test(note);
}

/** Where ui.json keeps translators' notes: `"_notes": {"<key>": "…"}` (ui.json stays a flat key → text map for i18next). */
export const UI_NOTES = '_notes';

/**
 * The note that justifies a warning of `rule` at `path`, if one does: in faq.json the `note` of
 * the entry (or of the `{ "name", "note" }` category) the finding is in; in ui.json the note of the
 * key in `"_notes"` (a plural's under its base or any of its forms).
 */
export function justification(kind: 'ui' | 'faq', data: Record<string, unknown>, path: (string | number)[], rule: string): string | undefined {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  let note: unknown;
  if (kind === 'faq') {
    const [part, id] = path;
    const holder = (part === 'entries' || part === 'categories') && id !== undefined && isObject(data[part]) ? (data[part] as Record<string, unknown>)[String(id)] : undefined;
    note = isObject(holder) ? holder.note : undefined;
  } else {
    const key = String(path[0] ?? '');
    const notes = data[UI_NOTES];
    note = isObject(notes) ? (notes[key] ?? notes[key.replace(PLURAL, '')]) : undefined;
  }
  return noteJustifies(note, rule) ? note : undefined;
}

/** A category's name: the text, or the `name` of a `{ "name", "note" }` category. */
export const categoryName = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).name : value;
