import type { i18n } from 'i18next';
import type { Lang } from '../types';
import { UI_NOTES } from './textrules';
import { LANGS } from './locale';
import { foldText, foldWithMap, occurrences, wordEnd, type GlossaryTerm as Term } from './glossary';
import { PLURAL } from './overrides';

/**
 * What a translator needs to know about each interface key besides its text: what it is and where
 * it shows (ui.schema.json), whether anyone sees it or only screen readers say it, the notes left
 * in ui.json's `_notes`, and what it looks like once i18next has filled it in. Framework-free: the
 * translator page draws it, the tests read it in node.
 */

/** Where a key's text reaches the visitor (ui.schema.json's `x-audience`). */
export type Audience = 'visible' | 'screen-reader';

export interface UiKey {
  /** The key as the widget asks for it: "resultCount" for resultCount_zero/_one/_other. */
  base: string;
  /** The plural forms each language has (empty for a key that is not a plural). */
  forms: Record<Lang, string[]>;
  description: string;
  audience: Audience;
  /** Notes for translators from each language's ui.json `_notes`, under the base or a form. */
  notes: Partial<Record<Lang, string[]>>;
}

/** The counts every plural is shown at: Latvian picks _zero for 0, 10 and 11, _one for 1 and 21. */
export const SAMPLE_COUNTS = [0, 1, 2, 10, 11, 21] as const;

type Schema = { properties?: Record<string, { description?: string; 'x-audience'?: string }> };
type UiFile = Record<string, unknown>;

const baseOf = (key: string) => key.replace(PLURAL, '');
const formOf = (key: string) => PLURAL.exec(key)?.[1];

/** The notes a ui.json file leaves on a key: one on its base, and one on each of its forms. */
function notesOf(file: UiFile, base: string): string[] {
  const notes = file[UI_NOTES];
  if (!notes || typeof notes !== 'object') return [];
  return Object.entries(notes as Record<string, unknown>)
    .filter(([key, note]) => baseOf(key) === base && typeof note === 'string' && note.trim())
    .map(([key, note]) => (key === base ? String(note) : `${key.slice(base.length + 1)}: ${String(note)}`));
}

/** One row per key the widget asks for, in the order of the first file that has it (Latvian first). */
export function uiKeys(files: Partial<Record<Lang, UiFile>>, schema: Schema): UiKey[] {
  const keys = new Map<string, UiKey>();
  for (const lang of LANGS) {
    for (const key of Object.keys(files[lang] ?? {})) {
      if (key === '$schema' || key === UI_NOTES) continue;
      const base = baseOf(key);
      let row = keys.get(base);
      if (!row) {
        // A plural's description is on its forms; _other is the one every language has.
        const about = schema.properties?.[`${base}_other`] ?? schema.properties?.[key] ?? {};
        row = {
          base,
          forms: { lv: [], en: [] },
          description: about.description ?? 'Not in ui.schema.json: a key the widget does not know?',
          audience: about['x-audience'] === 'screen-reader' ? 'screen-reader' : 'visible',
          notes: {},
        };
        keys.set(base, row);
      }
      const form = formOf(key);
      if (form) row.forms[lang].push(form);
    }
  }
  for (const row of keys.values()) {
    for (const lang of LANGS) {
      const notes = notesOf(files[lang] ?? {}, row.base);
      if (notes.length) row.notes[lang] = notes;
    }
  }
  return [...keys.values()];
}

export interface Sample {
  /** The count it was rendered at, for a plural. */
  count?: number;
  text: string;
  /** The key i18next used, e.g. "resultCount_zero": what it really picked, not what CLDR says. */
  usedKey: string;
  /** The language the text came from: the other one when this language lacks the key. */
  usedLng: string;
  /**
   * The form the language's plural rule asks for at this count, when the file lacks it and
   * i18next took another form instead (Latvian without _zero says "10 rezultāti").
   */
  wanted?: string;
}

/**
 * What the widget shows for a key in `lang`, through `i18n` (createI18next, the widget's set-up):
 * at every SAMPLE_COUNTS for a plural, once for a key with {{placeholders}}, `values` filling them.
 */
export function samples(i18n: i18n, key: UiKey, lang: Lang, values: Record<string, string>): Sample[] {
  const plural = key.forms.lv.length > 0 || key.forms.en.length > 0;
  const rule = new Intl.PluralRules(lang);
  const render = (count?: number): Sample => {
    const details = i18n.t(key.base, { ...values, ...(count !== undefined && { count }), lng: lang, returnDetails: true });
    const sample: Sample = { ...(count !== undefined && { count }), text: String(details.res), usedKey: details.exactUsedKey, usedLng: details.usedLng };
    const wanted = count === undefined ? undefined : `${key.base}_${rule.select(count)}`;
    if (wanted && !i18n.exists(wanted, { lng: lang, fallbackLng: false })) sample.wanted = wanted;
    return sample;
  };
  return plural ? SAMPLE_COUNTS.map(render) : [render()];
}

/** A glossary term as the page shows it: its forbidden variants always a list per language. */
export interface GlossaryTerm extends Term {
  forbidden: Partial<Record<Lang, string[]>>;
}

/**
 * locales/glossary.json's terms, as far as they can be shown; what is wrong with the file is
 * said in `problem` (the checker, src/core/glossary.ts, reports it in full), never thrown.
 */
export function readGlossary(text: string | undefined): { terms: GlossaryTerm[]; problem?: string } {
  if (text === undefined) return { terms: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { terms: [], problem: `locales/glossary.json is not valid JSON (${(e as Error).message}): npm run i18n:check says where` };
  }
  const list = (data as { terms?: unknown })?.terms;
  if (!Array.isArray(list)) return { terms: [], problem: 'locales/glossary.json has no "terms" list' };
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
  const terms = list
    .filter((t): t is Record<string, unknown> => !!t && typeof t === 'object' && typeof t.id === 'string')
    .map((t) => {
      const forbidden = (t.forbidden ?? {}) as Record<string, unknown>;
      return {
        id: t.id as string,
        en: typeof t.en === 'string' ? t.en : '',
        lv: typeof t.lv === 'string' ? t.lv : '',
        forbidden: { lv: strings(forbidden.lv), en: strings(forbidden.en) },
        ...(typeof t.note === 'string' && { note: t.note }),
      };
    });
  return { terms };
}

export interface Range {
  start: number;
  end: number;
  /** The glossary term whose forbidden variant this is. */
  term: string;
}

/**
 * Where `text` uses a forbidden variant of a term in `lang` (glossary.json's rule: case and
 * accents ignored, at the start of a word, so "eskalēt" also finds "eskalētos"): each range runs
 * to the end of the word the variant starts, in `text`'s own offsets.
 */
export function forbiddenRanges(text: string, terms: GlossaryTerm[], lang: Lang): Range[] {
  // The checker's own matching (src/core/glossary.ts), so the page marks what i18n:check reports.
  const folded = foldWithMap(text);
  const ranges: Range[] = [];
  for (const term of terms) {
    for (const variant of term.forbidden[lang] ?? []) {
      const needle = foldText(variant);
      for (const start of occurrences(folded, needle)) ranges.push({ start, end: wordEnd(text, start + needle.length), term: term.id });
    }
  }
  // Sorted, overlaps merged: "eskalācija" and "eskalēt" may both start at one word.
  ranges.sort((a, b) => a.start - b.start);
  return ranges.reduce<Range[]>((out, r) => {
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
    return out;
  }, []);
}
