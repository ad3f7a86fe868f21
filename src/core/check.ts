import type { Lang } from '../types';
import { VISIBLE } from './content';
import { checkGlossary, checkGlossaryFile } from './glossary';
import { JsonScanError, lineFinder, type JsonPath } from './jsonmap';
import { LANGS } from './locale';
import { checkContent, duplicateMessage, locate, placeOf, type ContentSource, type Located, type OwnerFinding, type Rule } from './ownercheck';
import { placeholders, PLURAL, PLURAL_FORMS } from './overrides';
import { invisibleInside, justification, nearEnglish, pluralCountProblem, spacing, UI_NOTES } from './textrules';

/**
 * The translators' guard: checks locales/{lv,en}/{ui,faq}.json against each other and reports
 * every mistake with the file, the key or entry, and the line and column of the value it is about
 * (found by the JSON scanner, src/core/jsonmap.ts, never by searching the text for a name).
 * faq.json goes through the owner checker's rules (src/core/ownercheck.ts), so `npm run i18n:check`
 * and `faq-widget check` say the same things the same way; ui.json's rules are here. Framework-free
 * so the CLI, the tests and the translator page all run the same rules.
 */

export interface Finding {
  level: 'error' | 'warning';
  file: string;
  /** ui key, or `entries.<id>.<field>` / `categories.<id>` in faq.json; empty for the whole file. */
  key: string;
  line?: number;
  column?: number;
  message: string;
  /** The rule that found it: stable names (`i18n:check --help`), for CI filters and for notes that explain a warning. */
  rule?: Rule;
  /** A warning a `note` explains (the note names the rule): the note. Shown, but not counted as a warning. */
  justified?: string;
}

export type LocaleFiles = Partial<Record<`${Lang}/${'ui' | 'faq'}.json`, string>>;

export { PLURAL_FORMS };

export interface LocaleOptions {
  /** The text of the folder's glossary.json, when it has one: its forbidden variants are reported (src/core/glossary.ts). */
  glossary?: string;
}

type PathOf = (lang: Lang, kind: 'ui' | 'faq') => string;
const other = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Keys of ui.json that are not interface text: the editor's schema, the translators' notes. */
const NOT_TEXT = new Set(['$schema', UI_NOTES, 'note']);

/** A scanned ui.json. */
interface UiFile extends Located {
  file: string;
  data: Record<string, unknown>;
}

/**
 * Runs every rule over the locale files; `files` maps e.g. 'lv/ui.json' to its text, and
 * findings name them under `folder`.
 */
export function checkLocales(files: LocaleFiles, folder = 'locales', options: LocaleOptions = {}): Finding[] {
  const path: PathOf = (lang, kind) => `${folder}/${lang}/${kind}.json`;
  const findings: Finding[] = [];
  const ui: Partial<Record<Lang, UiFile>> = {};
  const faq: ContentSource[] = [];
  for (const lang of LANGS) {
    for (const kind of ['ui', 'faq'] as const) {
      const text = files[`${lang}/${kind}.json`];
      const file = path(lang, kind);
      if (text === undefined) {
        findings.push({ level: 'error', rule: 'file', file, key: '', message: 'file is missing' });
        continue;
      }
      // faq.json's syntax errors are the owner checker's, with the same words.
      if (kind === 'faq') {
        faq.push({ file, lang, text });
        continue;
      }
      const scanned = scanUi(text, file, path(other(lang), 'ui'), findings);
      if (scanned) ui[lang] = scanned;
    }
  }
  checkUi(ui, findings);
  const base = Object.fromEntries(Object.entries(ui).map(([lang, f]) => [lang, f.data]));
  for (const f of checkContent(faq, { complete: true, ui: base })) findings.push(fromOwner(f));
  if (options.glossary !== undefined) {
    const glossaryFile = `${folder}/glossary.json`;
    const checked = checkGlossaryFile(options.glossary, glossaryFile);
    findings.push(...checked.findings);
    if (checked.glossary) {
      const sources = LANGS.flatMap((lang) =>
        (['ui', 'faq'] as const).flatMap((kind) => {
          const text = files[`${lang}/${kind}.json`];
          return text === undefined ? [] : [{ file: path(lang, kind), lang, kind, text }];
        }),
      );
      findings.push(...checkGlossary(checked.glossary, sources, glossaryFile));
    }
  }
  return findings;
}

/** An owner checker's finding in the guard's shape. */
export function fromOwner({ level, rule, file, path, line, column, message, justified }: OwnerFinding): Finding {
  return { level, rule, file, key: path, line, column, message, ...(justified !== undefined && { justified }) };
}

/** Scans a ui.json: one finding at the breaking character when it is not JSON, not a cascade of "missing". */
function scanUi(text: string, file: string, counterpart: string, findings: Finding[]): UiFile | undefined {
  let located: Located;
  try {
    located = locate(text);
  } catch (e) {
    if (!(e instanceof JsonScanError)) throw e;
    const where = lineFinder(text)(e.offset);
    findings.push({ level: 'error', rule: 'json', file, key: '', ...where, message: `not valid JSON: ${e.message}. Nothing else in this file is checked, nor compared with ${counterpart}, until it is fixed.` });
    return undefined;
  }
  if (!isObject(located.map.value)) {
    findings.push({ level: 'error', rule: 'json', file, key: '', ...located.where(located.map.root.start), message: 'expected a JSON object: {"key": "text", …}' });
    return undefined;
  }
  return { ...located, file, data: located.map.value };
}

const keyOf = (base: string, form: string) => (form ? `${base}_${form}` : base);
/** The placeholders a key uses in any of its plural forms, sorted. */
const placeholdersOf = (data: Record<string, unknown>, base: string, forms: string[]) =>
  [...new Set(forms.flatMap((f) => placeholders(String(data[keyOf(base, f)] ?? ''))))].sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const list = (names: string[]) => names.map((p) => `{{${p}}}`).join(' ') || 'none';

/** Each text key by its base: `resultCount` → ['zero', 'one', 'other'], `title` → ['']. */
function basesOf(data: Record<string, unknown>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const key of Object.keys(data)) {
    if (NOT_TEXT.has(key)) continue;
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    map.set(base, [...(map.get(base) ?? []), form ?? '']);
  }
  return map;
}

function checkUi(files: Partial<Record<Lang, UiFile>>, findings: Finding[]) {
  const bases = { lv: basesOf(files.lv?.data ?? {}), en: basesOf(files.en?.data ?? {}) };
  for (const lang of LANGS) {
    const ui = files[lang];
    if (!ui) continue;
    const { data } = ui;
    const found: Finding[] = [];
    const add = (level: Finding['level'], rule: Rule, key: string, message: string, at: { key?: boolean; index?: number } = {}, path: JsonPath = [key]) =>
      found.push({ level, rule, file: ui.file, key, ...placeOf(ui, path, at), message });

    for (const d of ui.map.duplicates) {
      const { rule, message } = duplicateMessage(d, ui.where(d.first).line, ui.where(d.second).line);
      add('error', rule, d.key, message, { key: true });
    }
    // Translators' notes ("_notes": { key: note }), which the widget never shows: strings, each
    // about a key the file has (a plural's note under its base or one of its forms).
    const notes = data[UI_NOTES];
    if (notes !== undefined && !isObject(notes)) add('error', 'type', UI_NOTES, '"_notes" must be an object: { "<key>": "note for translators" }');
    else if (notes !== undefined) {
      const known = new Set(Object.keys(data).flatMap((k) => [k, k.replace(PLURAL, '')]));
      for (const [key, note] of Object.entries(notes)) {
        const path = [UI_NOTES, key];
        if (typeof note !== 'string') add('error', 'type', `${UI_NOTES}.${key}`, 'a note must be a string', {}, path);
        if (!known.has(key)) add('warning', 'missing', `${UI_NOTES}.${key}`, `note about "${key}", which is not a key of this file: renamed or misspelt?`, { key: true }, path);
      }
    }
    for (const [key, value] of Object.entries(data)) {
      if (NOT_TEXT.has(key)) continue;
      if (typeof value !== 'string') {
        add('error', 'type', key, 'value must be a string: one whole sentence, e.g. "Help"');
        continue;
      }
      if (value !== value.normalize('NFC')) {
        const index = Math.max(0, value.search(/\p{M}/u) - 1);
        add('error', 'nfc', key, 'text is not Unicode NFC (a letter and its accent are stored apart); retype it or normalise the file', { index });
      }
      if (!VISIBLE.test(value)) {
        add('error', 'empty', key, 'empty text');
        continue;
      }
      for (const p of invisibleInside(value, false)) add('error', 'invisible', key, p.message, { index: p.index });
      for (const p of spacing(value)) add('warning', 'spacing', key, p.message, { index: p.index });
    }

    const theirs = files[other(lang)]?.data;
    for (const [base, forms] of bases[lang]) {
      const first = keyOf(base, forms[0]);
      const theirForms = theirs && bases[other(lang)].get(base);
      if (theirs && !theirForms) add('error', 'missing', base, `"${base}" is missing from ${files[other(lang)]!.file}`, { key: true }, [first]);
      const plural = forms.some(Boolean) || theirForms?.some(Boolean);
      if (plural) {
        const missing = PLURAL_FORMS[lang].filter((f) => !forms.includes(f));
        if (missing.length) {
          add('error', 'plural', base, `plural "${base}" lacks the ${lang === 'lv' ? 'Latvian' : 'English'} form${missing.length > 1 ? 's' : ''} ${missing.map((f) => `_${f}`).join(', ')}`, { key: true }, [first]);
        }
        // Each form names the values both languages name ({{count}} aside: it is the rule below's); a
        // value in one language only is reported once, below, not per form.
        const both = theirForms && placeholdersOf(theirs, base, theirForms);
        const named = placeholdersOf(data, base, forms).filter((p) => p !== 'count' && (!both || both.includes(p)));
        const withCount = forms.filter((f) => placeholders(String(data[keyOf(base, f)] ?? '')).includes('count'));
        for (const f of forms) {
          const k = keyOf(base, f);
          const text = data[k];
          if (typeof text !== 'string') continue;
          const lacks = named.filter((p) => !placeholders(text).includes(p));
          if (lacks.length) add('error', 'placeholder', k, `plural form _${f} lacks ${list(lacks)}, which the other forms have`);
          const count = pluralCountProblem(lang, f, text, withCount.some((w) => w !== f));
          if (count) add('error', 'plural-count', k, count);
        }
      }
      // Placeholders must match across languages, or a translation drops or invents a value.
      if (lang === 'lv' && theirForms) {
        const mine = placeholdersOf(data, base, forms);
        const en = placeholdersOf(theirs, base, theirForms);
        if (!same(mine, en)) add('error', 'placeholder', base, `placeholders differ: lv has ${list(mine)}, en has ${list(en)}`, {}, [first]);
        for (const f of forms) {
          const k = keyOf(base, f);
          const text = data[k];
          if (typeof text !== 'string' || !VISIBLE.test(text)) continue;
          if (text === theirs[k] && !/^\W*$/.test(text)) add('warning', 'identical', k, 'the Latvian text is identical to the English one: untranslated?');
          else {
            const english = nearEnglish(text);
            if (english) add('warning', 'near-english', k, english);
          }
        }
      }
    }
    for (const f of found) {
      const note = f.level === 'warning' && f.rule ? justification('ui', data, [f.key], f.rule) : undefined;
      if (note !== undefined) f.justified = note;
    }
    findings.push(...found);
  }
}

/** One line per finding, as editors and CI logs link them: file:line:column level [key] message [rule]. */
export function formatFinding(f: Finding): string {
  const where = f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}` : f.file;
  const level = f.justified !== undefined ? 'justified' : f.level;
  const note = f.justified !== undefined ? ` (note: ${JSON.stringify(f.justified)})` : '';
  return `${where} ${level}${f.key ? ` [${f.key}]` : ''}: ${f.message}${f.rule ? ` [${f.rule}]` : ''}${note}`;
}

/** Errors, warnings that count (not justified by a note), and justified ones. */
export function tally(findings: Finding[]): { errors: number; warnings: number; justified: number } {
  const errors = findings.filter((f) => f.level === 'error').length;
  const justified = findings.filter((f) => f.level === 'warning' && f.justified !== undefined).length;
  return { errors, warnings: findings.length - errors - justified, justified };
}

export function summary(findings: Finding[], fileCount: number, strict = false): string {
  const { errors, warnings, justified } = tally(findings);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict = errors ? '' : strict && warnings ? ' — failed (--strict)' : ' — ok';
  return `i18n:check: ${plural(fileCount, 'file')} checked, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${justified ? `, ${justified} justified by a note` : ''}${verdict}`;
}
