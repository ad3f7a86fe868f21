import type { Lang } from '../types';
import { parseJob } from './json';
import { LANGS } from './locale';
import { parseMarkup } from './markup';
import { pause, runInSlices, runNow, type Job } from './slices';

/** The shape of `locales/<lang>/faq.json`. */
export interface FaqFile {
  categories: Record<string, string>;
  entries: Record<string, FaqFileEntry>;
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
}

/** A mistake in content: where it is and what is wrong, in words a translator can act on. */
export interface Problem {
  source: string;
  /** Entry id or top-level key; empty for the file as a whole. */
  id: string;
  field: string;
  message: string;
}

const ENTRY_FIELDS = new Set(['category', 'question', 'answer', 'keywords', 'related']);
const TOP_FIELDS = new Set(['$schema', 'categories', 'entries']);

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
  const report = (id: string, field: string, message: string) => problems.push({ source, id, field, message });
  const content: Content = { lang, categories: [], entries: [] };

  if (!isObject(data)) {
    report('', '', 'expected an object with "categories" and "entries"');
    return { content, problems };
  }
  for (const key of Object.keys(data)) if (!TOP_FIELDS.has(key)) report(key, '', `unknown top-level field "${key}"`);

  const categories = isObject(data.categories) ? data.categories : {};
  if (!isObject(data.categories)) report('categories', '', 'expected an object of category names');
  for (const [id, name] of Object.entries(categories)) {
    if (isText(name)) content.categories.push({ id, name: nfc(name) });
    else report(id, 'categories', 'category name must be a non-empty string');
  }
  const categoryIds = new Set(content.categories.map((c) => c.id));

  if (!isObject(data.entries)) {
    report('entries', '', 'expected an object of entries keyed by id');
    return { content, problems };
  }
  const ids = new Set(Object.keys(data.entries));
  let read = 0;
  for (const [id, raw] of Object.entries(data.entries)) {
    if (++read % 32 === 0) yield;
    if (!isObject(raw)) {
      report(id, '', 'entry must be an object');
      continue;
    }
    for (const key of Object.keys(raw)) if (!ENTRY_FIELDS.has(key)) report(id, key, `unknown field "${key}"`);
    const { category, question, answer, keywords = [], related = [] } = raw;
    let usable = true;
    for (const [field, value] of [['question', question], ['answer', answer]] as const) {
      if (!isText(value)) {
        report(id, field, `${field} must be a non-empty string`);
        usable = false;
      }
    }
    if (typeof category !== 'string' || !categoryIds.has(category)) {
      report(id, 'category', `category "${String(category)}" is not one of: ${[...categoryIds].join(', ')}`);
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
  return { content, problems };
}

/** Says a problem the way the console should: file, entry, field, message. */
export function describeProblem(p: Problem): string {
  const where = [p.id && `"${p.id}"`, p.field].filter(Boolean).join(' ');
  return `${p.source}${where ? ` ${where}` : ''}: ${p.message}`;
}

/**
 * Fetches owner-supplied content for one language. Rejects with a plain-words error naming the
 * URL on a network failure, HTTP error, invalid JSON, or a timeout: `timeoutMs` covers the request
 * and the body read together.
 */
export async function fetchContent(
  template: string,
  lang: Lang,
  { fetch: fetchFn = globalThis.fetch, timeoutMs = 8000, signal }: FetchOptions = {},
): Promise<{ url: string; data: unknown }> {
  const url = template.replace(/\{\{\s*lng\s*\}\}/g, lang);
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
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
    let text: string;
    try {
      text = await Promise.race([response.text(), deadline]);
    } catch {
      throw failed('the answer broke off');
    }
    try {
      // Parsed in slices: a file of megabytes must not make one long task on the page.
      return { url, data: await runInSlices(parseJob(text)) };
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
}

export interface LoadedContent {
  contents: Partial<Record<Lang, Content>>;
  problems: Problem[];
  /** Files that could not be used at all, in plain words. */
  failures: string[];
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
        (error: Error) => ({ lang, failure: error.message }),
      ),
    ),
  );
  for (const outcome of outcomes) {
    if ('failure' in outcome) {
      result.failures.push(outcome.failure);
      continue;
    }
    // Read in slices: a large collection must not make one long task on the page. The first
    // starts in a task of its own, not in the one that has just parsed a file of megabytes.
    await pause();
    const { content, problems } = await runInSlices(readJob(outcome.data, outcome.lang, outcome.url));
    // concat, not push(...problems): a CMS export can have more problems than a call takes arguments.
    result.problems = result.problems.concat(problems);
    if (content.entries.length) result.contents[outcome.lang] = content;
    else result.failures.push(`${outcome.url}: no usable entries`);
  }
  return result;
}
