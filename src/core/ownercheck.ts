import type { Lang } from '../types';
import { readContent, VISIBLE, type Problem } from './content';
import { JsonScanError, lineFinder, nodeAt, offsetInString, scanJson, type DuplicateKey, type JsonMap, type JsonPath } from './jsonmap';
import { LANGS } from './locale';
import { parseMarkup, unsupportedMarkupAt, type Block, type Inline } from './markup';
import { checkOverrides } from './overrides';
import { categoryName, duplicateKeywords, englishKeywords, invisibleInside, justification, lengthRatio, nearEnglish, pluralCountProblem, spacing, vocabulary } from './textrules';

/**
 * The rules `faq-widget check` runs over an owner's content files (the `data-content` format):
 * every rule `npm run i18n:check` runs on faq.json, plus what only an owner's own files get wrong
 * (duplicate ids, links that will not work, ids a link cannot carry, invisible text). Each
 * finding's place is the value it is about, found by the JSON scanner, not a text search.
 * Framework-free, so the command, `faq-widget build` and a page can all run it.
 */

export type Rule =
  | 'json'
  | 'duplicate-id'
  | 'duplicate-key'
  | 'content'
  | 'schema'
  | 'nfc'
  | 'invisible'
  | 'markup'
  | 'link'
  | 'url-state'
  | 'translation'
  | 'encoding'
  | 'template'
  | 'missing-language'
  | 'http'
  | 'file'
  // Rules of the text itself and of the two languages together, shared with i18n:check (textrules.ts).
  | 'spacing'
  | 'duplicate-keyword'
  | 'identical'
  | 'length-ratio'
  | 'near-english'
  | 'english-keyword'
  | 'ui'
  // ui.json's own (i18n:check only) and the glossary's.
  | 'missing'
  | 'empty'
  | 'type'
  | 'plural'
  | 'plural-count'
  | 'placeholder'
  | 'glossary'
  // The English a Latvian text was translated from has changed since (locales/lv/.sources.json).
  | 'stale';

/** Every rule name, for `--help` and for notes that name one. */
export const RULES: Rule[] = [
  'json', 'duplicate-id', 'duplicate-key', 'content', 'schema', 'nfc', 'invisible', 'markup', 'link', 'url-state', 'translation',
  'encoding', 'template', 'missing-language', 'http', 'file', 'spacing', 'duplicate-keyword', 'identical', 'length-ratio',
  'near-english', 'english-keyword', 'ui', 'missing', 'empty', 'type', 'plural', 'plural-count', 'placeholder', 'glossary', 'stale',
];

export interface OwnerFinding {
  level: 'error' | 'warning';
  /** Which rule found it, for CI filters: stable names, listed in `faq-widget check --help`. */
  rule: Rule;
  /** The file as the owner named it, or the absolute URL fetched. */
  file: string;
  line?: number;
  column?: number;
  /** Where in the JSON, e.g. `entries.pay.answer`; empty for the file as a whole. */
  path: string;
  message: string;
  /**
   * A warning the content explains in a `note` that names its rule (`"note": "length-ratio: …"`):
   * the note's text. It is shown, but does not count as a warning (nor fails `--strict`).
   */
  justified?: string;
}

export interface ContentSource {
  file: string;
  /** The language the widget loads it for, when known (a `{{lng}}` template or a file name says). */
  lang?: Lang;
  /** The text as the browser decodes it: UTF-8, a byte-order mark already dropped. */
  text: string;
}

/** A JSON Schema error at a path (what Ajv reports, put plainly). */
export interface SchemaIssue {
  path: JsonPath;
  message: string;
}

export interface CheckOptions {
  /** Validates parsed data against the content schema; the command passes Ajv with locales/faq.schema.json. */
  schema?: (data: unknown) => SchemaIssue[];
  /**
   * Both languages must hold every entry (the built-in content, which translators keep whole): an
   * entry in one language only is an error. An owner's site may translate entry by entry: a warning.
   */
  complete?: boolean;
  /** Each language's interface text (ui.json): a content file's `ui` block is checked against it. */
  ui?: Partial<Record<Lang, Record<string, unknown>>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const other = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');
/** `entries.pay.answer`, `entries.pay.related[1]`; a key that is not a plain word as `entries["Bad Id"]`. */
export const pathText = (path: JsonPath) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[\w$-]+$/.test(p) ? (i ? `.${p}` : p) : `[${JSON.stringify(p)}]`)).join('');
const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);
const codePoints = (text: string) =>
  [...new Set([...text].filter((c) => !/\s/.test(c)))]
    .slice(0, 3)
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');

// A first path segment that reads as a domain ("example.lv", "shop.example.com/page"), not a file.
const DOMAIN = /^[a-z\d-]+(\.[a-z\d-]+)*\.(?!(html?|php|aspx?|pdf|jpe?g|png|gif|svg|webp|txt|json|xml|docx?|xlsx?|csv|zip)$)[a-z]{2,}$/i;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** A scanned JSON text, with what every rule needs to say where. */
export interface Located {
  text: string;
  map: JsonMap;
  where: (offset: number) => { line: number; column: number };
  /** The last place found in each string (by its start), where the next search in it resumes. */
  walks: Map<number, { index: number; offset: number }>;
}

/** A parsed source, with what every rule needs to say where. */
interface Parsed extends Located {
  source: ContentSource;
  data: Record<string, unknown>;
}

/** Scans `text` for locating findings in it; throws `JsonScanError` as `scanJson` does. */
export function locate(text: string): Located {
  return { text, map: scanJson(text), where: lineFinder(text), walks: new Map() };
}

/** Line and column of the value at `path`: of its key with `key`, of character `index` of a string, else of the value. */
export function placeOf(file: Located, path: JsonPath, at: { key?: boolean; index?: number } = {}): { line: number; column: number } {
  const { node, key, found } = nodeAt(file.map.root, path);
  let offset = node.start;
  if (found && at.key && key !== undefined) offset = key;
  else if (found && at.index !== undefined && file.text[node.start] === '"') {
    // Places in one answer come mostly in order: each search resumes where the last one ended.
    const last = file.walks.get(node.start);
    offset = offsetInString(file.text, node.start, at.index, last && last.index <= at.index ? last : undefined);
    file.walks.set(node.start, { index: at.index, offset });
  }
  return file.where(offset);
}

/**
 * Runs every rule over the given content files. Files for both languages are also checked
 * against each other (the same entry and category ids).
 */
export function checkContent(sources: ContentSource[], options: CheckOptions = {}): OwnerFinding[] {
  const findings: OwnerFinding[] = [];
  const parsed: Parsed[] = [];
  for (const source of sources) {
    const where = lineFinder(source.text);
    let map: JsonMap;
    try {
      map = scanJson(source.text);
    } catch (e) {
      if (!(e instanceof JsonScanError)) throw e;
      const fallback = source.lang ? ` The widget cannot read it: ${source.lang === 'lv' ? 'Latvian' : 'English'} visitors get the other language's entries, or none.` : '';
      findings.push({ level: 'error', rule: 'json', file: source.file, ...where(e.offset), path: '', message: `not valid JSON: ${e.message}.${fallback}` });
      continue;
    }
    if (!isObject(map.value)) {
      findings.push({ level: 'error', rule: 'json', file: source.file, ...where(map.root.start), path: '', message: 'expected an object: {"categories": {…}, "entries": {…}}' });
      continue;
    }
    const file: Parsed = { source, text: source.text, map, data: map.value, where, walks: new Map() };
    parsed.push(file);
    checkFile(file, findings, options);
  }
  const byLang = (lang: Lang) => parsed.filter((p) => p.source.lang === lang);
  const [lv, en] = [byLang('lv'), byLang('en')];
  // Two different files for the two languages: the same ids in both. (One file for both is warned about by the template check.)
  if (lv.length === 1 && en.length === 1 && lv[0].source.file !== en[0].source.file) checkPair({ lv: lv[0], en: en[0] }, findings, options);
  return findings;
}

/** Adds a finding at `path` in `file`: at its key with `key`, at character `index` of a string, else at its value. */
function report(findings: OwnerFinding[], file: Parsed, level: OwnerFinding['level'], rule: Rule, path: JsonPath, message: string, at: { key?: boolean; index?: number } = {}) {
  // A warning a note explains is still shown, marked with the note.
  const justified = level === 'warning' ? justification('faq', file.data, path, rule) : undefined;
  findings.push({ level, rule, file: file.source.file, ...placeOf(file, path, at), path: pathText(path), message, ...(justified !== undefined && { justified }) });
}

function checkFile(file: Parsed, findings: OwnerFinding[], options: CheckOptions) {
  const { data, map, source } = file;
  const add = (level: OwnerFinding['level'], rule: Rule, path: JsonPath, message: string, at?: { key?: boolean; index?: number }) =>
    report(findings, file, level, rule, path, message, at);
  const entries = isObject(data.entries) ? (data.entries as Record<string, unknown>) : {};

  // Translators' notes, which the widget skips: a string, on an entry or a { "name", "note" } category.
  for (const [id, category] of Object.entries(isObject(data.categories) ? data.categories : {})) {
    if (!isObject(category)) continue;
    for (const key of Object.keys(category)) {
      if (key !== 'name' && key !== 'note') add('error', 'content', ['categories', id, key], `unknown field "${key}" in the category: a category is its name, or { "name": …, "note": … }`, { key: true });
    }
    if (category.note !== undefined && typeof category.note !== 'string') add('error', 'content', ['categories', id, 'note'], 'the note must be a string (a remark for translators)');
  }
  for (const [id, entry] of Object.entries(entries)) {
    if (isObject(entry) && entry.note !== undefined && typeof entry.note !== 'string') add('error', 'content', ['entries', id, 'note'], 'the note must be a string (a remark for translators)');
  }

  for (const d of map.duplicates) {
    const { rule, message } = duplicateMessage(d, file.where(d.first).line, file.where(d.second).line);
    add('error', rule, [...d.path, d.key], message, { key: true });
  }

  const strings = stringsOf(data);
  const invisible = new Set<string>();
  for (const [path, value] of strings) {
    if (path[0] === '$schema' || path[path.length - 1] === 'note') continue; // translators' notes are never shown
    if (value !== value.normalize('NFC')) {
      // At the letter before the first combining mark: the one stored apart from its accent.
      const index = Math.max(0, value.search(/\p{M}/u) - 1);
      add('error', 'nfc', path, 'text is not Unicode NFC (a letter and its accent are stored apart); retype it or normalise the file', { index });
    }
    if (value && !VISIBLE.test(value)) {
      invisible.add(pathText(path));
      const shown = path[0] === 'entries' && (path[2] === 'question' || path[2] === 'answer' || path[2] === 'category');
      add(shown || path[0] === 'categories' ? 'error' : 'warning', 'invisible', path, `text holds only invisible characters (${codePoints(value)}): it shows as a blank. Write the text, or remove it.`);
      continue;
    }
    for (const problem of textProblems(path, value)) add(problem.level, problem.rule, path, problem.message, { index: problem.index });
  }

  const { problems } = readContent(data, source.lang ?? 'lv', source.file);
  // Where the last refused link of each answer was found: they come in order, so each is sought after it.
  const cursors = new Map<string, number>();
  for (const p of problems) {
    const { path, index } = problemPlace(p, data, entries, cursors);
    // Text of invisible characters only is reported above, with the characters named.
    if (invisible.has(pathText(path)) && /must be a non-empty string$/.test(p.message)) continue;
    add('error', /^link /.test(p.message) ? 'link' : 'content', path, p.message, { index });
  }

  for (const [id, entry] of Object.entries(entries)) {
    if (!canCarry(id)) {
      const why = id ? 'holds half of a character pair (an unpaired surrogate)' : 'is empty';
      add('error', 'url-state', ['entries', id], `entry id ${JSON.stringify(id)} ${why}: no link (#faq/…) or address (#faq=lv/…) can carry it, so the entry cannot be shared or linked to. Use lowercase letters, digits and hyphens.`, { key: true });
    }
    if (!isObject(entry)) continue;
    if (Array.isArray(entry.keywords)) {
      const keywords = entry.keywords as unknown[];
      for (const { index, first } of duplicateKeywords(keywords.map((k) => (typeof k === 'string' ? k : '')))) {
        const [k, f] = [keywords[index], keywords[first]];
        add('warning', 'duplicate-keyword', ['entries', id, 'keywords', index], `keyword ${JSON.stringify(k)} repeats ${JSON.stringify(f)} (keyword ${first + 1})${k === f ? '' : ' as search compares them: case and accents aside'}: it adds nothing to search. Remove it.`);
      }
    }
    if (typeof entry.answer !== 'string') continue;
    const answer = entry.answer;
    const path = ['entries', id, 'answer'];
    const lines = lineStarts(answer);
    for (const u of unsupportedMarkupAt(answer)) {
      add('error', 'markup', path, `${u.message}. It shows as: ${JSON.stringify(clip(u.shows))}`, { index: lines[u.line - 1] + u.column - 1 });
    }
    let from = 0;
    for (const href of linksOf(parseMarkup(answer).blocks)) {
      const at = answer.indexOf(`](${href}`, from);
      if (at >= 0) from = at + 2;
      const index = at < 0 ? 0 : at + 2;
      const problem = linkProblem(href, entries);
      if (problem) add(problem.level, 'link', path, problem.message, { index });
    }
  }

  const base = source.lang && options.ui?.[source.lang];
  if (base && isObject(data.ui)) checkUiBlock(file, data.ui, source.lang!, base, findings);

  if (options.schema) {
    const errors = new Set(findings.filter((f) => f.file === source.file && f.level === 'error').map((f) => f.path));
    for (const issue of options.schema(data)) {
      // Said once: where a rule above already named the mistake, the schema's words add nothing.
      if (errors.has(pathText(issue.path))) continue;
      errors.add(pathText(issue.path));
      add('error', 'schema', issue.path, issue.message, { key: true });
    }
  }
}

/** The rules of the text itself (textrules.ts) for one string of a content file. */
function textProblems(path: JsonPath, value: string): { level: OwnerFinding['level']; rule: Rule; index: number; message: string }[] {
  // What search reads: a visitor who types the word must find it.
  const searched = path[0] === 'entries' && (path[2] === 'question' || path[2] === 'answer' || path[2] === 'keywords');
  return [
    ...invisibleInside(value, searched).map((p) => ({ level: 'error' as const, rule: 'invisible' as const, ...p })),
    ...spacing(value).map((p) => ({ level: 'warning' as const, rule: 'spacing' as const, ...p })),
  ];
}

/** A content file's `ui` block against the interface text of its language (ui.json): what the widget would ignore, at its key. */
function checkUiBlock(file: Parsed, ui: Record<string, unknown>, lang: Lang, base: Record<string, unknown>, findings: OwnerFinding[]) {
  const given = Object.fromEntries(Object.entries(ui).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const strings = Object.fromEntries(Object.entries(base).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  for (const { key, message } of checkOverrides(given, strings, lang).problems) {
    // A plural is named by its base: its place is that of its first form.
    const at = key in ui ? key : Object.keys(ui).find((k) => k.startsWith(`${key}_`)) ?? key;
    report(findings, file, 'error', 'ui', ['ui', at], `${message}; the widget ignores it`, { key: true });
  }
  // A form the widget accepts but shows wrong: Latvian "Viens rezultāts" would be said for 21 and 31 too.
  for (const [key, text] of Object.entries(given)) {
    const form = PLURAL_FORM.exec(key)?.[1];
    if (!form) continue;
    const withCount = Object.entries(strings).some(([k, v]) => k.startsWith(key.slice(0, -form.length)) && /\{\{\s*count\s*\}\}/.test(v));
    const problem = pluralCountProblem(lang, form, text, withCount);
    if (problem) report(findings, file, 'error', 'plural-count', ['ui', key], problem);
  }
}
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;

/** What a key written twice costs, in the words for an entry id, a category id or any other key (i18n:check says the same). */
export function duplicateMessage(d: DuplicateKey, first: number, second: number): { rule: Rule; message: string } {
  const where = `on lines ${first} and ${second}`;
  const object = pathText(d.path);
  if (object === 'entries') {
    return { rule: 'duplicate-id', message: `entry id "${d.key}" is used twice, ${where}: the widget keeps only the one on line ${second}, and the entry on line ${first} is lost. Give one of them another id.` };
  }
  if (object === 'categories') {
    return { rule: 'duplicate-id', message: `category id "${d.key}" is used twice, ${where}: only the name on line ${second} is kept. Remove one, or give it another id.` };
  }
  return { rule: 'duplicate-key', message: `"${d.key}" is written twice in this object, ${where}: only the value on line ${second} counts. Remove one.` };
}

/** Whether `#faq=lv/<id>` and `#faq/<id>` can hold the id and give it back (urlState.ts, markup.ts). */
function canCarry(id: string): boolean {
  try {
    return !!id && decodeURIComponent(encodeURIComponent(id)) === id;
  } catch {
    return false;
  }
}

/** What is wrong with a link the widget shows as a link, or nothing. */
function linkProblem(href: string, entries: Record<string, unknown>): { level: OwnerFinding['level']; message: string } | undefined {
  if (href.startsWith('#faq/')) {
    let id = '';
    try {
      id = decodeURIComponent(href.slice(5));
    } catch {
      // Reported by readContent as a link that names no entry.
    }
    return id && !(id in entries) ? { level: 'error', message: `link "${href}" opens entry "${id}", which this file does not have; use one of the ids under "entries"` } : undefined;
  }
  if (SCHEME.test(href) || href.startsWith('/') || href.startsWith('#') || href.startsWith('?')) return undefined;
  const first = href.split(/[/?#]/)[0];
  if (/^www\./i.test(href) || DOMAIN.test(first)) {
    return {
      level: 'error',
      message: `link "${href}" has no https://, so browsers read it as a page of the site the widget is on (https://your-site/…/${clip(href, 30)}); write https://${href}`,
    };
  }
  const example = new URL(href, 'https://example.lv/shop/item');
  return {
    level: 'warning',
    message: `link "${href}" is relative to each page's address: on https://example.lv/shop/item it opens ${example.href}, on other pages elsewhere; write /${href.replace(/^(\.\.?\/)+/, '')} or a full https:// address`,
  };
}

/** Where a problem readContent found sits in the file. */
function problemPlace(p: Problem, data: Record<string, unknown>, entries: Record<string, unknown>, cursors: Map<string, number>): { path: JsonPath; index?: number } {
  if (p.field === 'categories') return { path: ['categories', p.id] };
  if (!p.id) return { path: [] };
  // readContent names top-level fields and entries alike by their key alone.
  if (!p.field) return { path: p.id in data && !(p.id in entries) ? [p.id] : ['entries', p.id] };
  const path: JsonPath = ['entries', p.id, p.field];
  const entry = entries[p.id] as Record<string, unknown>;
  const related = /^related entry "(.*)" does not exist$/.exec(p.message);
  if (related && Array.isArray(entry.related)) {
    const key = `${p.id}\u0000related`;
    const at = entry.related.indexOf(related[1], cursors.get(key) ?? 0);
    if (at >= 0) cursors.set(key, at + 1);
    return { path: [...path, at] };
  }
  const link = /^link "(.*)" /.exec(p.message);
  if (link && typeof entry.answer === 'string') {
    const at = entry.answer.indexOf(`](${link[1]}`, cursors.get(p.id) ?? 0);
    if (at >= 0) cursors.set(p.id, at + 2);
    return { path, index: at < 0 ? 0 : at + 2 };
  }
  return { path };
}

/** Every string in a value, with its path; keys of objects are not values. */
function stringsOf(value: unknown, path: JsonPath = [], out: [JsonPath, string][] = []): [JsonPath, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, [...path, i], out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) stringsOf(v, [...path, k], out);
  return out;
}

/** The hrefs of the links the widget shows, in the order they appear. */
function linksOf(blocks: Block[], out: string[] = []): string[] {
  const inline = (nodes: Inline[]) => {
    for (const n of nodes) {
      if (n.type === 'link') out.push(n.href);
      if ('children' in n) inline(n.children);
    }
  };
  for (const b of blocks) {
    if (b.type === 'list') b.items.forEach(inline);
    else if (b.type === 'quote') linksOf(b.blocks, out);
    else inline(b.children);
  }
  return out;
}

/** Offset of each line's first character in a string. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The rules that compare the two languages, as `npm run i18n:check` does. */
function checkPair(files: Record<Lang, Parsed>, findings: OwnerFinding[], options: CheckOptions) {
  const ids = (file: Parsed, field: 'entries' | 'categories') => (isObject(file.data[field]) ? Object.keys(file.data[field] as object) : []);
  for (const lang of LANGS) {
    const [mine, theirs] = [files[lang], files[other(lang)]];
    for (const field of ['entries', 'categories'] as const) {
      const there = new Set(ids(theirs, field));
      for (const id of ids(mine, field)) {
        if (there.has(id)) continue;
        // The widget shows an entry missing in one language in the other one (a site may translate
        // entry by entry), so that is for the owner to judge; a category missing leaves its
        // borrowed entries under no heading.
        if (field === 'entries' && options.complete) {
          report(findings, mine, 'error', 'translation', [field, id], `entry "${id}" is missing from ${theirs.source.file}`, { key: true });
        } else if (field === 'entries') {
          const [mineName, theirName] = lang === 'lv' ? ['Latvian', 'English'] : ['English', 'Latvian'];
          const effect = `: ${theirName} visitors see it in ${mineName}; translate it when you can`;
          report(findings, mine, 'warning', 'translation', [field, id], `entry "${id}" is missing from ${theirs.source.file}${effect}`, { key: true });
        } else report(findings, mine, 'error', 'translation', [field, id], `category "${id}" is missing from ${theirs.source.file}`, { key: true });
      }
    }
  }
  const lvEntries = isObject(files.lv.data.entries) ? files.lv.data.entries : {};
  const enEntries = isObject(files.en.data.entries) ? files.en.data.entries : {};
  const lvCategories = isObject(files.lv.data.categories) ? files.lv.data.categories : {};
  const enCategories = isObject(files.en.data.categories) ? files.en.data.categories : {};
  const texts = (entries: Record<string, unknown>, categories: Record<string, unknown>, fields: string[]) =>
    [...Object.values(categories).map(categoryName), ...Object.values(entries).flatMap((e) => (isObject(e) ? fields.flatMap((f) => (Array.isArray(e[f]) ? e[f] : [e[f]])) : []))].filter(
      (t): t is string => typeof t === 'string',
    );
  // The English file's words, and the Latvian texts' own (keywords aside: they are what is judged).
  const enWords = vocabulary(texts(enEntries, enCategories, ['question', 'answer', 'keywords']));
  const lvWords = vocabulary(texts(lvEntries, lvCategories, ['question', 'answer']));
  const lv = (path: JsonPath, rule: Rule, message: string, at?: { index?: number }) => report(findings, files.lv, 'warning', rule, path, message, at);
  for (const [id, value] of Object.entries(lvCategories)) {
    const name = categoryName(value);
    if (typeof name !== 'string') continue;
    // At the name itself: the text, or the "name" of a { "name", "note" } category.
    const path = typeof value === 'string' ? ['categories', id] : ['categories', id, 'name'];
    if (name.trim() && name === categoryName(enCategories[id])) lv(path, 'identical', 'the Latvian text is identical to the English one: untranslated?');
    else if (nearEnglish(name)) lv(path, 'near-english', nearEnglish(name)!);
  }
  for (const [id, entry] of Object.entries(lvEntries)) {
    if (!isObject(entry)) continue;
    const theirs = isObject(enEntries[id]) ? enEntries[id] : undefined;
    for (const field of ['question', 'answer'] as const) {
      const value = entry[field];
      if (typeof value !== 'string' || !value.trim()) continue;
      if (theirs && value === theirs[field]) lv(['entries', id, field], 'identical', 'the Latvian text is identical to the English one: untranslated?');
      else {
        const english = nearEnglish(value);
        if (english) lv(['entries', id, field], 'near-english', english);
      }
    }
    if (typeof entry.answer === 'string' && typeof theirs?.answer === 'string' && entry.answer !== theirs.answer) {
      const ratio = lengthRatio(entry.answer, theirs.answer);
      if (ratio) lv(['entries', id, 'answer'], 'length-ratio', ratio);
    }
    if (Array.isArray(entry.keywords) && entry.keywords.every((k) => typeof k === 'string')) {
      const english = englishKeywords(entry.keywords as string[], enWords, lvWords);
      if (english) lv(['entries', id, 'keywords', english.indexes[0]], 'english-keyword', english.message);
    }
  }
}
