import type { Lang } from '../types';
import { LANGS } from './locale';
import { parseMarkup, type Markup } from './markup';

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
  answer: Markup;
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
const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cc}]/u;
const isText = (v: unknown): v is string => typeof v === 'string' && VISIBLE.test(v);

/**
 * Checks parsed `faq.json` data and keeps what is usable: an invalid entry is
 * skipped and reported, never allowed to take the valid ones down with it.
 */
export function readContent(data: unknown, lang: Lang, source: string): { content: Content; problems: Problem[] } {
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
  for (const [id, raw] of Object.entries(data.entries)) {
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

    const markup = parseMarkup(answer as string);
    for (const message of markup.problems) report(id, 'answer', message);
    const relatedIds = isStringArray(related) ? related : [];
    for (const other of relatedIds) if (!ids.has(other)) report(id, 'related', `related entry "${other}" does not exist`);

    content.entries.push({
      id,
      lang,
      category: category as string,
      question: nfc(question as string),
      answer: markup,
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
 * Fetches owner-supplied content for one language. Rejects with a plain-words
 * error on a network failure, timeout, HTTP error or invalid JSON.
 */
export async function fetchContent(
  template: string,
  lang: Lang,
  { fetch: fetchFn = globalThis.fetch, timeoutMs = 8000, signal }: { fetch?: typeof fetch; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<{ url: string; data: unknown }> {
  const url = template.replace(/\{\{\s*lng\s*\}\}/g, lang);
  const controller = new AbortController();
  const abort = () => controller.abort();
  // destroy() aborts through `signal`: no request or timer outlives the widget.
  signal?.addEventListener('abort', abort);
  const timer = setTimeout(abort, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { signal: controller.signal });
    } catch {
      throw new Error(controller.signal.aborted ? `${url}: no answer within ${timeoutMs / 1000} s` : `${url}: could not be reached`);
    }
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
    const text = await response.text();
    try {
      return { url, data: JSON.parse(text) };
    } catch (e) {
      throw new Error(`${url}: not valid JSON (${(e as Error).message})`);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

export interface LoadedContent {
  contents: Partial<Record<Lang, Content>>;
  problems: Problem[];
  /** Files that could not be used at all, in plain words. */
  failures: string[];
}

/** Loads the owner's content in both languages; what loads is used even if the rest fails. */
export async function loadRemoteContent(
  template: string,
  options: Parameters<typeof fetchContent>[2] = {},
): Promise<LoadedContent> {
  const result: LoadedContent = { contents: {}, problems: [], failures: [] };
  const settled = await Promise.allSettled(LANGS.map((lang) => fetchContent(template, lang, options)));
  settled.forEach((outcome, i) => {
    if (outcome.status === 'rejected') {
      result.failures.push((outcome.reason as Error).message);
      return;
    }
    const { content, problems } = readContent(outcome.value.data, LANGS[i], outcome.value.url);
    result.problems.push(...problems);
    if (content.entries.length) result.contents[LANGS[i]] = content;
    else result.failures.push(`${outcome.value.url}: no usable entries`);
  });
  return result;
}
