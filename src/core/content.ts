import type { Lang } from '../types';
import { parseJob } from './json';
import { LANGS } from './locale';
import { parseMarkup } from './markup';
import { pause, runInSlices, runNow, type Job } from './slices';

/** The shape of `locales/<lang>/faq.json`. */
export interface FaqFile {
  categories: Record<string, string>;
  entries: Record<string, FaqFileEntry>;
  /** Interface text of this language that the owner words differently: ui.json keys. */
  ui?: Record<string, string>;
  /** Entries the home view and "no results" suggest when the page suggests none. */
  featured?: string[];
  /** The site's languages, when it has one only: `["lv"]`. */
  languages?: Lang[];
}
export interface FaqFileEntry {
  category: string;
  question: string;
  answer: string;
  keywords?: string[];
  related?: string[];
}

/** An entry ready to show and search. */
export interface Entry {
  id: string;
  lang: Lang;
  category: string;
  question: string;
  /**
   * The answer's markup as written, checked: parsed again where it is shown or indexed, so a
   * large help centre holds each answer once, not also as a tree and as plain text.
   */
  answer: string;
  keywords: string[];
  related: string[];
}

export interface Category {
  id: string;
  name: string;
}

export interface Content {
  lang: Lang;
  categories: Category[];
  entries: Entry[];
  /** The owner's interface text, keys and strings only: checked against ui.json where it is applied (`checkOverrides`). */
  ui?: Record<string, string>;
  /** Ids of existing entries, in the owner's order. */
  featured: string[];
  /** The languages the file declares the site to have; absent when it does not say. */
  languages?: Lang[];
  /** Where it came from, for the console. */
  source?: string;
}

/** A mistake in content: where it is and what is wrong, in words a translator can act on. */
export interface Problem {
  source: string;
  /** Entry id or top-level key; empty for the file as a whole. */
  id: string;
  field: string;
  message: string;
  /** Content was left out (an entry, a category): the visitor may miss it. Otherwise a mistake only the owner can see. */
  skipped?: boolean;
}

const ENTRY_FIELDS = new Set(['category', 'question', 'answer', 'keywords', 'related', 'note']);
const TOP_FIELDS = new Set(['$schema', 'categories', 'entries', 'ui', 'featured', 'languages']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const nfc = (s: string) => s.normalize('NFC').trim();
// Zero-width characters, soft hyphens, bidi controls, BOMs and the like show nothing: text of only
// these and whitespace would be a blank, clickable row, so it counts as empty.
export const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cc}]/u;
const isText = (v: unknown): v is string => typeof v === 'string' && VISIBLE.test(v);

/**
 * Checks parsed `faq.json` data and keeps what is usable: an invalid entry is
 * skipped and reported, never allowed to take the valid ones down with it.
 */
export function readContent(data: unknown, lang: Lang, source: string): { content: Content; problems: Problem[] } {
  return runNow(readJob(data, lang, source));
}

/** `readContent` as a job that pauses between entries, for large collections read in slices. */
export function* readJob(data: unknown, lang: Lang, source: string): Job<{ content: Content; problems: Problem[] }> {
  const problems: Problem[] = [];
  const report = (id: string, field: string, message: string, skipped?: boolean) => problems.push({ source, id, field, message, ...(skipped && { skipped }) });
  const content: Content = { lang, categories: [], entries: [], featured: [], source };

  if (!isObject(data)) {
    report('', '', 'expected an object with "categories" and "entries"', true);
    return { content, problems };
  }
  for (const key of Object.keys(data)) if (!TOP_FIELDS.has(key)) report(key, '', `unknown top-level field "${key}"`);

  const categories = isObject(data.categories) ? data.categories : {};
  if (!isObject(data.categories)) report('categories', '', 'expected an object of category names');
  for (const [id, name] of Object.entries(categories)) {
    if (isText(name)) content.categories.push({ id, name: nfc(name) });
    else report(id, 'categories', 'category name must be a non-empty string', true);
  }
  const categoryIds = new Set(content.categories.map((c) => c.id));

  if (!isObject(data.entries)) {
    report('entries', '', 'expected an object of entries keyed by id', true);
    return { content, problems };
  }
  const ids = new Set(Object.keys(data.entries));
  let read = 0;
  for (const [id, raw] of Object.entries(data.entries)) {
    if (++read % 32 === 0) yield;
    if (!isObject(raw)) {
      report(id, '', 'entry must be an object', true);
      continue;
    }
    for (const key of Object.keys(raw)) if (!ENTRY_FIELDS.has(key)) report(id, key, `unknown field "${key}"`);
    const { category, question, answer, keywords = [], related = [] } = raw;
    let usable = true;
    for (const [field, value] of [['question', question], ['answer', answer]] as const) {
      if (!isText(value)) {
        report(id, field, `${field} must be a non-empty string`, true);
        usable = false;
      }
    }
    if (typeof category !== 'string' || !categoryIds.has(category)) {
      report(id, 'category', `category "${String(category)}" is not one of: ${[...categoryIds].join(', ')}`, true);
      usable = false;
    }
    if (!isStringArray(keywords)) report(id, 'keywords', 'keywords must be a list of strings');
    if (!isStringArray(related)) report(id, 'related', 'related must be a list of entry ids');
    if (!usable) continue;

    for (const message of parseMarkup(answer as string).problems) report(id, 'answer', message);
    const relatedIds = isStringArray(related) ? related : [];
    for (const other of relatedIds) if (!ids.has(other)) report(id, 'related', `related entry "${other}" does not exist`);

    content.entries.push({
      id,
      lang,
      category: category as string,
      question: nfc(question as string),
      answer: answer as string,
      keywords: isStringArray(keywords) ? keywords.map(nfc) : [],
      related: relatedIds.filter((other) => ids.has(other) && other !== id),
    });
  }
  readExtras(data, content, report);
  return { content, problems };
}

/**
 * The file's optional top-level parts: the owner's interface text, featured entries and
 * declared languages. A mistake there loses no entry: what is wrong is left out and told.
 */
function readExtras(data: Record<string, unknown>, content: Content, report: (id: string, field: string, message: string) => void) {
  const { ui, featured, languages } = data;
  if (isObject(ui)) {
    content.ui = {};
    for (const [key, value] of Object.entries(ui)) {
      if (typeof value === 'string') content.ui[key] = nfc(value);
      else report('ui', key, 'interface text must be a string');
    }
  } else if (ui !== undefined) report('ui', '', 'expected an object of interface texts keyed as in ui.json');
  const ids = new Set(content.entries.map((e) => e.id));
  if (isStringArray(featured)) {
    for (const id of featured) {
      if (ids.has(id)) content.featured.includes(id) || content.featured.push(id);
      else report('featured', '', `featured entry "${id}" does not exist`);
    }
  } else if (featured !== undefined) report('featured', '', 'featured must be a list of entry ids');
  if (languages === undefined) return;
  const known = isStringArray(languages) && languages.length && languages.every((l) => LANGS.includes(l as Lang));
  if (!known) report('languages', '', 'languages must be a list of "lv", "en"');
  else if (!languages.includes(content.lang)) report('languages', '', `languages ${JSON.stringify(languages)} leaves out this file's own language "${content.lang}"`);
  else content.languages = [...new Set(languages as Lang[])];
}

/** Says a problem the way the console should: file, entry, field, message. */
export function describeProblem(p: Problem): string {
  const where = [p.id && `"${p.id}"`, p.field].filter(Boolean).join(' ');
  return `${p.source}${where ? ` ${where}` : ''}: ${p.message}`;
}

/**
 * The address of one language's file: `{{lng}}` (spaces inside the braces allowed) filled in and
 * resolved against `base` (the page's), so every message names the address actually requested.
 */
export function contentUrl(template: string, lang: Lang, base = globalThis.document?.baseURI): string {
  const filled = template.replace(/\{\{\s*lng\s*\}\}/g, lang);
  try {
    return base ? new URL(filled, base).href : filled;
  } catch {
    return filled; // fetch() says what is wrong with it
  }
}

/** A file the server says is not there (404, 410): on a site in one language, the other one. */
export interface MissingError extends Error {
  missing?: boolean;
}

/**
 * Fetches owner-supplied content for one language. Rejects with a plain-words error naming the
 * absolute URL on a network failure, HTTP error, invalid JSON, or a timeout: `timeoutMs` covers
 * the request and the body read together.
 */
export async function fetchContent(
  template: string,
  lang: Lang,
  { fetch: fetchFn = globalThis.fetch, timeoutMs = 8000, signal, base }: FetchOptions = {},
): Promise<{ url: string; data: unknown; duplicates: string[] }> {
  const url = contentUrl(template, lang, base);
  const controller = new AbortController();
  let timedOut = false;
  let stop!: () => void;
  // The deadline does not rely on the abort signal being honoured (a page's fetch wrapper may drop
  // `init`, a body may trickle for ever): the request and the body read both race it.
  const deadline = new Promise<never>((_, reject) => {
    stop = () => {
      controller.abort();
      reject();
    };
  });
  deadline.catch(() => undefined); // may settle before anything awaits it: not an unhandled rejection
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, timeoutMs);
  // destroy() aborts through `signal`: no request or timer outlives the widget.
  signal?.addEventListener('abort', stop);
  const failed = (what: string) => new Error(`${url}: ${timedOut ? `no answer within ${timeoutMs / 1000} s` : what}`);
  try {
    let response: Response;
    try {
      response = await Promise.race([fetchFn(url, { signal: controller.signal }), deadline]);
    } catch {
      throw failed('could not be reached');
    }
    if (!response.ok) {
      throw Object.assign(new Error(`${url}: the server answered ${response.status}`), { missing: response.status === 404 || response.status === 410 });
    }
    let text: string;
    try {
      text = await Promise.race([response.text(), deadline]);
    } catch {
      throw failed('the answer broke off');
    }
    try {
      // Parsed in slices: a file of megabytes must not make one long task on the page.
      const duplicates: string[] = [];
      return { url, data: await runInSlices(parseJob(text, duplicates)), duplicates };
    } catch (e) {
      throw new Error(`${url}: not valid JSON (${(e as Error).message})`);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

export interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** What a relative template is resolved against; the page's address by default. */
  base?: string;
}

export interface LoadedContent {
  contents: Partial<Record<Lang, Content>>;
  problems: Problem[];
  /** Files that could not be used at all, in plain words. */
  failures: string[];
  /** Languages whose file the server says is not there (in plain words): not in `failures`. */
  missing?: Partial<Record<Lang, string>>;
}

/** Reads already-parsed content files: what is usable is kept, the rest is reported. */
export function readFiles(files: Partial<Record<Lang, unknown>>, source: (lang: Lang) => string): LoadedContent {
  const result: LoadedContent = { contents: {}, problems: [], failures: [] };
  for (const lang of LANGS) {
    if (files[lang] === undefined) continue;
    const { content, problems } = readContent(files[lang], lang, source(lang));
    for (const problem of problems) result.problems.push(problem);
    if (content.entries.length) result.contents[lang] = content;
    else result.failures.push(`${source(lang)}: no usable entries`);
  }
  return result;
}

/**
 * Loads the owner's content in `langs` (default: both); what loads is used even if the rest fails.
 * Never rejects for a file's sake, and uses nothing an old Promise polyfill may lack (allSettled).
 */
export async function loadRemoteContent(
  template: string,
  { langs = LANGS, ...options }: FetchOptions & { langs?: readonly Lang[] } = {},
): Promise<LoadedContent> {
  const result: LoadedContent = { contents: {}, problems: [], failures: [] };
  const outcomes = await Promise.all(
    langs.map((lang) =>
      fetchContent(template, lang, options).then(
        (file) => ({ lang, ...file }),
        (error: MissingError) => ({ lang, failure: error.message, missing: error.missing }),
      ),
    ),
  );
  for (const outcome of outcomes) {
    if ('failure' in outcome) {
      if (outcome.missing) (result.missing ??= {})[outcome.lang] = outcome.failure;
      else result.failures.push(outcome.failure);
      continue;
    }
    // Read in slices: a large collection must not make one long task on the page. The first
    // starts in a task of its own, not in the one that has just parsed a file of megabytes.
    await pause();
    const { content, problems } = await runInSlices(readJob(outcome.data, outcome.lang, outcome.url));
    // JSON.parse keeps the last of two equal keys, without a word: the owner hears of it here.
    for (const id of new Set(outcome.duplicates)) problems.push({ source: outcome.url, id, field: '', message: `entry "${id}" appears more than once; the last one is used` });
    // concat, not push(...problems): a CMS export can have more problems than a call takes arguments.
    result.problems = result.problems.concat(problems);
    if (content.entries.length) result.contents[outcome.lang] = content;
    else result.failures.push(`${outcome.url}: no usable entries`);
  }
  return result;
}
