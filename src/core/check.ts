import type { Lang } from '../types';
import { readContent } from './content';
import { scanJson } from './jsonmap';
import { duplicateMessage } from './ownercheck';
import { LANGS } from './locale';
import { unsupportedMarkup } from './markup';
import { checkOverrides, placeholders, PLURAL, PLURAL_FORMS } from './overrides';

/**
 * The translators' guard: checks locales/{lv,en}/{ui,faq}.json against each other and
 * reports every mistake with the file, the key or entry, and a line where it can.
 * Framework-free so the CLI (`npm run i18n:check`), the tests and the demo's
 * translator page all run the same rules.
 */

export interface Finding {
  level: 'error' | 'warning';
  file: string;
  /** ui key, or `entries.<id>.<field>` / `categories.<id>` in faq.json; empty for the whole file. */
  key: string;
  line?: number;
  column?: number;
  message: string;
}

export type LocaleFiles = Partial<Record<`${Lang}/${'ui' | 'faq'}.json`, string>>;

export { PLURAL_FORMS };

type PathOf = (lang: Lang, kind: 'ui' | 'faq') => string;
const other = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');

/** Line and column (1-based) of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The line where `"key"` first appears after `after` (e.g. inside "entries"), for pointing at it. */
function lineOf(text: string, key: string, after = 0): number | undefined {
  const at = text.indexOf(JSON.stringify(key), after);
  return at < 0 ? undefined : position(text, at).line;
}

/** JSON.parse with the line and column of a syntax error, and of keys written twice. */
function parse(text: string, file: string, findings: Finding[]): unknown {
  try {
    const data: unknown = JSON.parse(text);
    // JSON.parse keeps the later of two equal keys without a word: the earlier text is lost.
    for (const d of scanJson(text).duplicates) {
      const [first, second] = [position(text, d.first), position(text, d.second)];
      const key = [...d.path, d.key].join('.');
      findings.push({ level: 'error', file, key, ...second, message: duplicateMessage(d, first.line, second.line).message });
    }
    return data;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? position(text, Number(at[1])) : position(text, text.length);
    findings.push({ level: 'error', file, key: '', ...where, message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*/, '')}` });
    return undefined;
  }
}

const keyOf = (base: string, form: string) => (form ? `${base}_${form}` : base);
/** The placeholders a key uses in any of its plural forms, sorted. */
const placeholdersOf = (data: Record<string, unknown>, base: string, forms: string[]) =>
  [...new Set(forms.flatMap((f) => placeholders(String(data[keyOf(base, f)] ?? ''))))].sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Where translators leave remarks that the widget never shows: ui.json's `"_notes": { key: note }`
 * (ui.json stays a flat key → text map for i18next otherwise) and the `"note"` of a faq.json entry
 * or category. The text rules below do not apply to them.
 */
export const UI_NOTES = '_notes';
const NOT_TEXT = new Set(['$schema', UI_NOTES, 'note']);

/** Every string in a value, with its key path, for NFC and emptiness checks; notes left out. */
function strings(value: unknown, key: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${key}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) strings(v, key ? `${key}.${k}` : k, out);
  }
  return out;
}

/** ui.json's notes: an object of strings, each about a key the file has. */
function checkUiNotes(data: Record<string, unknown>, text: string, file: string, findings: Finding[]) {
  const notes = data[UI_NOTES];
  if (notes === undefined) return;
  const line = lineOf(text, UI_NOTES);
  if (!notes || typeof notes !== 'object' || Array.isArray(notes)) {
    findings.push({ level: 'error', file, key: UI_NOTES, line, message: '"_notes" must be an object: { "<key>": "note for translators" }' });
    return;
  }
  // A plural's note is written once, under its base ("resultCount"), or under one of its forms.
  const bases = new Set(Object.keys(data).flatMap((k) => [k, k.replace(PLURAL, '')]));
  for (const [key, note] of Object.entries(notes)) {
    const at = lineOf(text, key, text.indexOf(`"${UI_NOTES}"`));
    if (typeof note !== 'string') findings.push({ level: 'error', file, key: `${UI_NOTES}.${key}`, line: at, message: 'a note must be a string' });
    if (!bases.has(key)) findings.push({ level: 'warning', file, key: `${UI_NOTES}.${key}`, line: at, message: `note about "${key}", which is not a key of this file: renamed or misspelt?` });
  }
}

function checkText(data: unknown, text: string, file: string, findings: Finding[], empties: boolean) {
  for (const [key, value] of strings(data, '')) {
    const line = lineOf(text, key.split('.').pop()!.replace(/\[\d+\]$/, ''));
    if (value !== value.normalize('NFC')) {
      findings.push({ level: 'error', file, key, line, message: 'text is not Unicode NFC (a letter and its accent are stored apart); retype it or normalise the file' });
    }
    // faq.json's empty questions and answers are reported by readContent, with their entry.
    if (empties && !value.trim()) findings.push({ level: 'error', file, key, line, message: 'empty text' });
  }
}

function checkUi(path: PathOf, files: LocaleFiles, parsed: Partial<Record<Lang, Record<string, unknown>>>, findings: Finding[]) {
  const bases = (lang: Lang) => {
    const map = new Map<string, string[]>();
    for (const key of Object.keys(parsed[lang] ?? {})) {
      if (key === '$schema' || key === UI_NOTES) continue;
      const form = PLURAL.exec(key)?.[1];
      const base = form ? key.slice(0, -form.length - 1) : key;
      map.set(base, [...(map.get(base) ?? []), form ?? '']);
    }
    return map;
  };
  const keys = { lv: bases('lv'), en: bases('en') };
  for (const lang of LANGS) {
    const data = parsed[lang];
    if (!data) continue;
    const file = path(lang, 'ui');
    const text = files[`${lang}/ui.json`]!;
    checkUiNotes(data, text, file, findings);
    for (const [key, value] of Object.entries(data)) {
      if (key !== '$schema' && key !== UI_NOTES && typeof value !== 'string') findings.push({ level: 'error', file, key, line: lineOf(text, key), message: 'value must be a string' });
    }
    const theirs = parsed[other(lang)];
    for (const [base, forms] of keys[lang]) {
      const line = lineOf(text, keyOf(base, forms[0]));
      const theirForms = theirs && keys[other(lang)].get(base);
      if (theirs && !theirForms) {
        findings.push({ level: 'error', file, key: base, line, message: `"${base}" is missing from ${path(other(lang), 'ui')}` });
      }
      const plural = forms.some(Boolean) || theirForms?.some(Boolean);
      if (plural) {
        const missing = PLURAL_FORMS[lang].filter((f) => !forms.includes(f));
        if (missing.length) {
          findings.push({ level: 'error', file, key: base, line, message: `plural "${base}" lacks the ${lang === 'lv' ? 'Latvian' : 'English'} form${missing.length > 1 ? 's' : ''} ${missing.map((f) => `_${f}`).join(', ')}` });
        }
        // Each form names the values both languages name ({{count}} aside: "One question" may
        // spell it out); a value in one language only is reported once, below, not per form.
        const both = theirForms && placeholdersOf(theirs, base, theirForms);
        const named = placeholdersOf(data, base, forms).filter((p) => p !== 'count' && (!both || both.includes(p)));
        for (const f of forms) {
          const k = keyOf(base, f);
          const lacks = named.filter((p) => !placeholders(String(data[k] ?? '')).includes(p));
          if (lacks.length) {
            findings.push({ level: 'error', file, key: k, line: lineOf(text, k), message: `plural form _${f} lacks ${lacks.map((p) => `{{${p}}}`).join(' ')}, which the other forms have` });
          }
        }
      }
      // Placeholders must match across languages, or a translation drops or invents a value.
      if (lang === 'lv' && theirForms) {
        const mine = placeholdersOf(data, base, forms);
        const en = placeholdersOf(theirs, base, theirForms);
        if (!same(mine, en)) {
          findings.push({ level: 'error', file, key: base, line, message: `placeholders differ: lv has ${mine.map((p) => `{{${p}}}`).join(' ') || 'none'}, en has ${en.map((p) => `{{${p}}}`).join(' ') || 'none'}` });
        }
        for (const f of forms) {
          const k = keyOf(base, f);
          if (typeof data[k] === 'string' && data[k] === theirs[k] && !/^\W*$/.test(String(data[k]))) {
            findings.push({ level: 'warning', file, key: k, line: lineOf(text, k), message: 'the Latvian text is identical to the English one: untranslated?' });
          }
        }
      }
    }
  }
}

/** Top-level parts of a content file besides its entries, which readContent reports under their own name. */
const TOP_PARTS = ['ui', 'featured', 'languages'];

/**
 * A content file's `ui` block against the interface text of its language (`base`, ui.json):
 * unknown keys, placeholders and plural forms, each at the line of its key.
 */
export function checkContentUi(data: Record<string, unknown>, text: string, file: string, lang: Lang, base: Record<string, unknown>, findings: Finding[]): void {
  const ui = data.ui;
  if (!ui || typeof ui !== 'object' || Array.isArray(ui)) return; // readContent says what is wrong with it
  const given = Object.fromEntries(Object.entries(ui).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const strings = Object.fromEntries(Object.entries(base).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const after = text.indexOf('"ui"');
  for (const { key, message } of checkOverrides(given, strings, lang).problems) {
    // A plural is named by its base: its line is that of its first form.
    const at = text.indexOf(`"${key}`, after);
    findings.push({ level: 'error', file, key: `ui.${key}`, line: at < 0 ? undefined : position(text, at).line, message: `${message}; the widget ignores it` });
  }
}

/** Notes in faq.json, which the widget skips without a word: a string, on an entry or a { "name", "note" } category. */
function checkFaqNotes(data: Record<string, unknown>, text: string, file: string, findings: Finding[]) {
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const categoriesAt = text.indexOf('"categories"');
  for (const [id, value] of Object.entries(isObject(data.categories) ? data.categories : {})) {
    if (!isObject(value)) continue;
    const line = lineOf(text, id, categoriesAt);
    for (const key of Object.keys(value)) {
      if (key !== 'name' && key !== 'note') findings.push({ level: 'error', file, key: `categories.${id}`, line, message: `unknown field "${key}" in the category: a category is its name, or { "name": …, "note": … }` });
    }
    if (value.note !== undefined && typeof value.note !== 'string') findings.push({ level: 'error', file, key: `categories.${id}`, line, message: 'the note must be a string (a remark for translators)' });
  }
  const entriesAt = text.indexOf('"entries"');
  for (const [id, entry] of Object.entries(isObject(data.entries) ? data.entries : {})) {
    if (isObject(entry) && entry.note !== undefined && typeof entry.note !== 'string') {
      findings.push({ level: 'error', file, key: `entries.${id}.note`, line: lineOf(text, id, entriesAt), message: 'the note must be a string (a remark for translators)' });
    }
  }
}

type Parsed = Partial<Record<Lang, Record<string, unknown>>>;

function checkFaq(path: PathOf, files: LocaleFiles, parsed: Parsed, ui: Parsed, findings: Finding[]) {
  /** The line of an entry id inside "entries" (a category may carry the same id). */
  const entryLine = (lang: Lang, id: string) => {
    const text = files[`${lang}/faq.json`]!;
    return lineOf(text, id, text.indexOf('"entries"'));
  };
  const ids: Partial<Record<Lang, Set<string>>> = {};
  for (const lang of LANGS) {
    const data = parsed[lang];
    if (!data) continue;
    const file = path(lang, 'faq');
    const { problems } = readContent(data, lang, file);
    for (const p of problems) {
      const category = p.field === 'categories';
      const top = TOP_PARTS.includes(p.id);
      const key = category ? `categories.${p.id}` : top ? [p.id, p.field].filter(Boolean).join('.') : p.field ? `entries.${p.id}.${p.field}` : p.id;
      const line = category || top ? lineOf(files[`${lang}/faq.json`]!, p.id) : entryLine(lang, p.id);
      findings.push({ level: 'error', file, key, line, message: p.message });
    }
    const entries = (data.entries ?? {}) as Record<string, Record<string, unknown>>;
    ids[lang] = new Set(Object.keys(entries));
    const text = files[`${lang}/faq.json`]!;
    checkFaqNotes(data, text, file, findings);
    for (const [id, entry] of Object.entries(entries)) {
      const answer = entry?.answer;
      if (typeof answer !== 'string') continue;
      // The line of the entry's "answer", where the owner will look: after the entry's key, not after
      // a "related" list that names it.
      const key = text.indexOf(`${JSON.stringify(id)}:`, text.indexOf('"entries"'));
      const line = key < 0 ? entryLine(lang, id) : lineOf(text, 'answer', key);
      for (const message of unsupportedMarkup(answer)) findings.push({ level: 'warning', file, key: `entries.${id}.answer`, line, message });
    }
    if (ui[lang]) checkContentUi(data, text, file, lang, ui[lang]!, findings);
  }
  const [lv, en] = [parsed.lv, parsed.en];
  if (!lv || !en) return;
  for (const lang of LANGS) {
    const file = path(lang, 'faq');
    for (const id of ids[lang]!) {
      if (!ids[other(lang)]!.has(id)) {
        findings.push({ level: 'error', file, key: `entries.${id}`, line: entryLine(lang, id), message: `entry "${id}" is missing from ${path(other(lang), 'faq')}` });
      }
    }
    const cats = Object.keys((parsed[lang]!.categories ?? {}) as object);
    const otherCats = new Set(Object.keys((parsed[other(lang)]!.categories ?? {}) as object));
    for (const c of cats) {
      if (!otherCats.has(c)) findings.push({ level: 'error', file, key: `categories.${c}`, line: lineOf(files[`${lang}/faq.json`]!, c), message: `category "${c}" is missing from ${path(other(lang), 'faq')}` });
    }
  }
  const lvEntries = (lv.entries ?? {}) as Record<string, Record<string, unknown>>;
  const enEntries = (en.entries ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, entry] of Object.entries(lvEntries)) {
    for (const field of ['question', 'answer'] as const) {
      const value = entry?.[field];
      if (typeof value === 'string' && value.trim() && value === enEntries[id]?.[field]) {
        findings.push({ level: 'warning', file: path('lv', 'faq'), key: `entries.${id}.${field}`, line: entryLine('lv', id), message: 'the Latvian text is identical to the English one: untranslated?' });
      }
    }
  }
}

/**
 * Runs every rule over the locale files; `files` maps e.g. 'lv/ui.json' to its text, and
 * findings name them under `folder`.
 */
export function checkLocales(files: LocaleFiles, folder = 'locales'): Finding[] {
  const path: PathOf = (lang, kind) => `${folder}/${lang}/${kind}.json`;
  const findings: Finding[] = [];
  const ui: Partial<Record<Lang, Record<string, unknown>>> = {};
  const faq: Partial<Record<Lang, Record<string, unknown>>> = {};
  for (const lang of LANGS) {
    for (const kind of ['ui', 'faq'] as const) {
      const text = files[`${lang}/${kind}.json`];
      const file = path(lang, kind);
      if (text === undefined) {
        findings.push({ level: 'error', file, key: '', message: 'file is missing' });
        continue;
      }
      const data = parse(text, file, findings);
      if (data === undefined) continue;
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        findings.push({ level: 'error', file, key: '', line: 1, message: 'expected a JSON object' });
        continue;
      }
      checkText(data, text, file, findings, kind === 'ui');
      (kind === 'ui' ? ui : faq)[lang] = data as Record<string, unknown>;
    }
  }
  checkUi(path, files, ui, findings);
  checkFaq(path, files, faq, ui, findings);
  return findings;
}

/** One line per finding, as editors and CI logs link them: file:line:column level [key] message. */
export function formatFinding(f: Finding): string {
  const where = f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}` : f.file;
  return `${where} ${f.level}${f.key ? ` [${f.key}]` : ''}: ${f.message}`;
}

export function summary(findings: Finding[], fileCount: number): string {
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `i18n:check: ${plural(fileCount, 'file')} checked, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${errors ? '' : ' — ok'}`;
}
