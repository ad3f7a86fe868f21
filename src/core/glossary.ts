import type { Lang } from '../types';
import type { Finding } from './check';
import { JsonScanError, lineFinder, type JsonPath } from './jsonmap';
import { LANGS } from './locale';
import { duplicateMessage, locate, pathText, placeOf, type Located } from './ownercheck';
import { justification } from './textrules';

/**
 * The glossary (`locales/glossary.json`, schema `locales/glossary.schema.json`): one preferred
 * term per language for each concept, and variants translators must not use. `checkGlossary`
 * finds the forbidden variants in the locale files, each at its line and column with the term to
 * write; `checkGlossaryFile` checks the glossary itself. Pure and framework-free: the CLI, the
 * tests and a page run the same code.
 */

export interface GlossaryTerm {
  /** Lowercase letters, digits and hyphens. */
  id: string;
  en: string;
  lv: string;
  /** Variants that must not be used, per language: matched case-insensitively, accents aside, at word starts. */
  forbidden?: Partial<Record<Lang, string[]>>;
  /** Why, for translators. */
  note?: string;
}

export interface Glossary {
  terms: GlossaryTerm[];
}

/** A locale file to check: `ui` (every value is text) or `faq` (category names, questions and answers). */
export interface GlossarySource {
  file: string;
  lang: Lang;
  kind: 'ui' | 'faq';
  text: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const LETTER = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

/**
 * `text` lowercased with accents removed, and for each character of the result the index of the
 * character it came from: "Eskalētos" → "eskaletos", so a match's place is the original's.
 */
export function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = text[i].normalize('NFD').replace(MARKS, '').toLowerCase();
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
  }
  return { folded, from };
}

export const foldText = (text: string) => foldWithMap(text).folded;

/** Where `variant` (folded) starts a word of the folded text: indexes into the original. */
export function occurrences(folded: { folded: string; from: number[] }, variant: string): number[] {
  const out: number[] = [];
  if (!variant) return out;
  for (let at = folded.folded.indexOf(variant); at >= 0; at = folded.folded.indexOf(variant, at + 1)) {
    if (at > 0 && LETTER.test(folded.folded[at - 1])) continue;
    out.push(folded.from[at]);
  }
  return out;
}

/**
 * The strings of a locale file the glossary applies to, with their paths: what visitors read.
 * Keywords are left out: they hold what visitors type, forbidden variants included on purpose
 * (a visitor searches "aģents" or "eskalācija" and must still find the entry).
 */
function textsOf(kind: GlossarySource['kind'], data: Record<string, unknown>): [JsonPath, string][] {
  const out: [JsonPath, string][] = [];
  if (kind === 'ui') {
    for (const [key, value] of Object.entries(data)) if (key !== '$schema' && typeof value === 'string') out.push([[key], value]);
    return out;
  }
  if (isObject(data.categories)) {
    for (const [id, value] of Object.entries(data.categories)) {
      // A category with a note is { "name", "note" }: the name is what visitors read.
      if (typeof value === 'string') out.push([['categories', id], value]);
      else if (isObject(value) && typeof value.name === 'string') out.push([['categories', id, 'name'], value.name]);
    }
  }
  if (isObject(data.entries)) {
    for (const [id, entry] of Object.entries(data.entries)) {
      if (!isObject(entry)) continue;
      for (const field of ['question', 'answer'] as const) if (typeof entry[field] === 'string') out.push([['entries', id, field], entry[field] as string]);
    }
  }
  return out;
}

const keyText = (kind: GlossarySource['kind'], path: JsonPath) => (kind === 'ui' ? String(path[0]) : pathText(path));

/**
 * Each forbidden variant of each term in each file of its language, as a warning at the variant's
 * first character, with the preferred term. Files that are not JSON are skipped (their own check
 * says why).
 */
export function checkGlossary(glossary: Glossary, sources: GlossarySource[], glossaryFile = 'locales/glossary.json'): Finding[] {
  const findings: Finding[] = [];
  const terms = Array.isArray(glossary?.terms) ? glossary.terms.filter(isObject) : [];
  for (const source of sources) {
    let located: Located;
    try {
      located = locate(source.text);
    } catch (e) {
      if (e instanceof JsonScanError) continue;
      throw e;
    }
    if (!isObject(located.map.value)) continue;
    const variants = terms.flatMap((term) => {
      const list = isObject(term.forbidden) ? term.forbidden[source.lang] : undefined;
      return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && !!v.trim()).map((v) => ({ term, variant: v, folded: foldText(v.trim()) })) : [];
    });
    if (!variants.length) continue;
    const data = located.map.value;
    for (const [path, value] of textsOf(source.kind, data)) {
      const folded = foldWithMap(readText(value));
      for (const { term, variant, folded: wanted } of variants) {
        // "KPIs" may be forbidden alone and still be part of the preferred "metrics (KPIs)".
        const preferred = typeof term[source.lang] === 'string' ? foldText(term[source.lang] as string) : '';
        const within = preferred ? occurrences(folded, preferred).map((i) => [i, i + preferred.length]) : [];
        for (const index of occurrences(folded, wanted)) {
          if (within.some(([start, end]) => index >= start && index < end)) continue;
          const written = value.slice(index, wordEnd(value, index + variant.trim().length));
          const preferred = typeof term[source.lang] === 'string' ? term[source.lang] : term.id;
          const justified = justification(source.kind, data, path, 'glossary');
          findings.push({
            ...(justified !== undefined && { justified }),
            level: 'warning',
            rule: 'glossary',
            file: source.file,
            key: keyText(source.kind, path),
            ...placeOf(located, path, { index }),
            message: `"${written}" is a variant the glossary forbids for "${term.id}" (forbidden: "${variant}"): write "${preferred}"${typeof term.note === 'string' && term.note ? `. ${term.note}` : ''} (${glossaryFile})`,
          });
        }
      }
    }
  }
  // In the order a translator reads the file, whichever term each one is of.
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line! - b.line! || a.column! - b.column!);
}

/**
 * The text as visitors read it, each character in its place: link addresses (`](#faq/inbound-agent)`,
 * an entry id) and `{{placeholders}}` blanked, so that neither is taken for a word of the text.
 */
function readText(value: string): string {
  return value.replace(/\]\([^()\s]*\)/g, (m) => `](${' '.repeat(m.length - 3)})`).replace(/\{\{[^{}]*\}\}/g, (m) => ' '.repeat(m.length));
}

/** The end of the word a match starts: "eskalēt" found in "eskalētos" is shown whole. */
export function wordEnd(text: string, from: number): number {
  let end = Math.min(from, text.length);
  while (end < text.length && LETTER.test(text[end])) end++;
  return end;
}

/**
 * What the glossary file itself gets wrong beyond its schema: JSON syntax, keys written twice, an
 * id used twice, and a forbidden variant that would flag the preferred term itself. Returns the
 * parsed glossary when it can be used (its terms are a list).
 */
export function checkGlossaryFile(text: string, file: string): { glossary?: Glossary; findings: Finding[] } {
  const findings: Finding[] = [];
  let located: Located;
  try {
    located = locate(text);
  } catch (e) {
    if (!(e instanceof JsonScanError)) throw e;
    findings.push({ level: 'error', rule: 'json', file, key: '', ...lineFinder(text)(e.offset), message: `not valid JSON: ${e.message}. The glossary is not applied until it is fixed.` });
    return { findings };
  }
  const add = (path: JsonPath, message: string, at: { key?: boolean; index?: number } = {}) =>
    findings.push({ level: 'error', rule: 'glossary', file, key: keyText('faq', path), ...placeOf(located, path, at), message });
  for (const d of located.map.duplicates) add([...d.path, d.key], duplicateMessage(d, located.where(d.first).line, located.where(d.second).line).message, { key: true });
  const data = located.map.value;
  if (!isObject(data) || !Array.isArray(data.terms)) {
    add([], 'expected {"terms": [{"id", "en", "lv", "forbidden"?, "note"?}, …]} (see locales/glossary.schema.json)');
    return { findings };
  }
  const seen = new Map<string, number>();
  data.terms.forEach((term, i) => {
    if (!isObject(term)) return;
    if (typeof term.id === 'string') {
      const first = seen.get(term.id);
      if (first !== undefined) add(['terms', i, 'id'], `the id "${term.id}" is used twice, by terms ${first + 1} and ${i + 1}: give each concept one entry`);
      else seen.set(term.id, i);
    }
    if (!isObject(term.forbidden)) return;
    for (const lang of LANGS) {
      const list = term.forbidden[lang];
      const preferred = term[lang];
      if (!Array.isArray(list) || typeof preferred !== 'string') continue;
      const folded = foldWithMap(preferred);
      list.forEach((variant, k) => {
        if (typeof variant !== 'string') return;
        if (!variant.trim()) add(['terms', i, 'forbidden', lang, k], 'an empty variant would match everything: remove it');
        // A variant that starts a one-word preferred term ("opera" in "operators") flags it and its inflections; in a longer
        // preferred term ("KPIs" in "metrics (KPIs)") it is not reported, as every match inside the preferred term is not.
        else if (!/\s/.test(preferred.trim()) && occurrences(folded, foldText(variant.trim())).length) {
          add(['terms', i, 'forbidden', lang, k], `the forbidden "${variant}" starts a word of the preferred "${preferred}": every use of the preferred term would be reported. Make the variant longer, or remove it.`);
        }
      });
    }
  });
  // Usable despite these: each says which variant or id to mend, and the rest still applies.
  return { glossary: data as unknown as Glossary, findings };
}
