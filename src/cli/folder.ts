/**
 * A folder of Markdown entries → entries and category names, for `faq-widget build`:
 *
 *   content/lv/_categories.md   front matter only: `category-id: Name` per line, in display order
 *   content/lv/salary.md        one entry: front matter, then the answer
 *   content/en/…                the same ids in English
 *
 * An entry's front matter: `category` (required), `id` (default: the file name without ".md"),
 * `question` (or `title`; default: the body's first "# " heading, which is then not part of the
 * answer), `keywords` and `related` (YAML lists, or one line separated by "," or ";"), `order`
 * (a number: entries with one come first). Files starting with "_" other than _categories.md,
 * files that are not ".md" and sub-folders are not entries.
 * Pure: the caller reads the files; this never touches the disk.
 */
import { posix } from 'node:path';
import type { Root } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { LANGS } from '../core/locale';
import type { Lang } from '../types';
import { ID, ID_RULE, idFrom, type SourceCategory, type SourceEntry } from './assemble';
import { frontMatterOf, plainText, readMarkdown, toMarkup, type Note } from './markdown';

/** A file of the folder: its path relative to the folder ("lv/salary.md") and its text. */
export interface FolderFile {
  path: string;
  text: string;
}

export const CATEGORIES_FILE = '_categories.md';
const FIELDS = ['id', 'category', 'question', 'title', 'keywords', 'related', 'order'];

interface FrontMatter {
  data: Record<string, unknown>;
  /** The line in the file of a top-level key (of the front matter's start if it has none); '' → 1, the file as a whole. */
  lineOf: (key: string) => number;
}

/** The front matter of a tree as plain data, or undefined after saying what is wrong with it. */
export function readFrontMatter(tree: Root, file: string, notes: Note[]): FrontMatter | undefined {
  const node = frontMatterOf(tree);
  // The YAML starts on the line after the opening "---".
  const first = (node?.position?.start.line ?? 0) + 1;
  if (!node) return { data: {}, lineOf: () => 1 };
  const counter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    notes.push({
      level: 'error',
      file,
      line: first + (at ? at.line - 1 : 0),
      column: at?.col,
      message: `the front matter is not valid YAML (${error.message.replace(/ at line \d+, column \d+:[^]*$/, '')}); write one "key: value" per line`,
    });
    return undefined;
  }
  const data: unknown = doc.toJS();
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    notes.push({ level: 'error', file, line: first, message: 'the front matter must be "key: value" lines' });
    return undefined;
  }
  const lines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), first + counter.linePos(pair.key.range[0]).line - 1);
    }
  }
  return { data: (data ?? {}) as Record<string, unknown>, lineOf: (key) => (key ? (lines.get(key) ?? first) : 1) };
}

/** A list field: a YAML list of words, or one string of words separated by "," or ";". */
function list(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(/[;,]/) : Array.isArray(value) ? value : undefined;
  if (!items?.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
  return items.map((x) => String(x).normalize('NFC').trim()).filter(Boolean);
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).normalize('NFC').trim() : undefined);

/** Category names from a language's _categories.md. */
function readCategories(file: FolderFile, lang: Lang, display: string, notes: Note[]): SourceCategory[] {
  const tree = readMarkdown(file.text);
  const head = readFrontMatter(tree, display, notes);
  if (!head) return [];
  if (!frontMatterOf(tree)) {
    notes.push({ level: 'error', file: display, line: 1, message: 'category names go in front matter: a "---" line, then "category-id: Name" per category, then "---"' });
  }
  const out: SourceCategory[] = [];
  for (const [id, value] of Object.entries(head.data)) {
    const name = text(value);
    const line = head.lineOf(id);
    if (!ID.test(id)) notes.push({ level: 'error', file: display, line, message: `category id "${id}" is not allowed: ${ID_RULE}; e.g. "${idFrom(id) || 'general'}"` });
    else if (!name) notes.push({ level: 'error', file: display, line, message: `category "${id}" needs a name: "${id}: Name shown above its questions"` });
    else out.push({ lang, id, name, file: display, line });
  }
  return out;
}

interface Pending {
  entry: SourceEntry;
  tree: Root;
  /** The body nodes that make the answer. */
  body: Root['children'];
}

/** Reads one entry file's front matter and question; the answer is converted once all ids are known. */
function readEntry(file: FolderFile, lang: Lang, display: string, notes: Note[]): Pending | undefined {
  const tree = readMarkdown(file.text);
  const head = readFrontMatter(tree, display, notes);
  if (!head) return undefined;
  const { data, lineOf } = head;
  const error = (key: string, message: string) => (notes.push({ level: 'error', file: display, line: lineOf(key), message }), undefined);
  for (const key of Object.keys(data)) {
    if (!FIELDS.includes(key)) notes.push({ level: 'warning', file: display, line: lineOf(key), message: `unknown front matter field "${key}" was ignored; the fields are ${FIELDS.join(', ')}` });
  }
  const name = posix.basename(file.path, '.md');
  const id = text(data.id) ?? name;
  if (!ID.test(id)) {
    return data.id === undefined
      ? error('', `the file name "${name}" cannot be an entry id (${ID_RULE}): rename the file, e.g. "${idFrom(name) || 'entry'}.md", or add "id: ${idFrom(name) || 'entry'}"`)
      : error('id', `id "${id}" is not allowed: ${ID_RULE}; e.g. "${idFrom(id) || 'entry'}"`);
  }
  const category = text(data.category);
  if (!category) return error('', 'the front matter needs "category: <id>", one of the ids in _categories.md');

  let body = tree.children.filter((node) => node.type !== 'yaml');
  let question = text(data.question) ?? text(data.title);
  if (!question && body[0]?.type === 'heading' && body[0].depth === 1) {
    question = plainText(body[0]).trim();
    body = body.slice(1);
  }
  if (!question) return error('', 'the entry needs a question: "question: …" in the front matter, or a first line "# …"');
  const keywords = list(data.keywords);
  const related = list(data.related);
  if (!keywords) return error('keywords', '"keywords" must be a list of words, e.g. "keywords: [pay, wage]" or "keywords: pay, wage"');
  if (!related) return error('related', '"related" must be a list of entry ids, e.g. "related: [contract, hours]"');
  const badRelated = related.find((r) => !ID.test(r));
  if (badRelated) return error('related', `related id "${badRelated}" is not allowed: ${ID_RULE}`);
  const order = data.order;
  if (order !== undefined && typeof order !== 'number') return error('order', '"order" must be a number, e.g. "order: 1"');
  return {
    tree,
    body,
    entry: {
      lang,
      id,
      category,
      question,
      answer: '',
      keywords,
      related,
      file: display,
      line: 1,
      ...(data.related !== undefined && { relatedLine: lineOf('related') }),
      ...(typeof order === 'number' && { order }),
    },
  };
}

/**
 * Reads the Markdown folder: `files` as listed by the caller, `folder` as findings name it.
 * Entries come in file name order, so a build is the same on every machine.
 */
export function readFolder(files: FolderFile[], folder: string): { entries: SourceEntry[]; categories: SourceCategory[]; notes: Note[]; broken: Set<string> } {
  const notes: Note[] = [];
  const entries: SourceEntry[] = [];
  /** `lang/id` of the entries left out for an error said above: what names them is not wrong too. */
  const broken = new Set<string>();
  const categories: SourceCategory[] = [];
  const display = (path: string) => posix.join(folder, path);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  for (const lang of LANGS) {
    const mine = sorted.filter((f) => posix.dirname(f.path) === lang && f.path.endsWith('.md'));
    const names = mine.find((f) => posix.basename(f.path) === CATEGORIES_FILE);
    if (names) categories.push(...readCategories(names, lang, display(names.path), notes));
    const pending: Pending[] = [];
    for (const file of mine) {
      if (posix.basename(file.path).startsWith('_')) continue;
      const read = readEntry(file, lang, display(file.path), notes);
      if (read) pending.push(read);
      else broken.add(`${lang}/${posix.basename(file.path, '.md')}`);
    }
    if (pending.length && !names) {
      notes.push({ level: 'error', file: display(`${lang}/${CATEGORIES_FILE}`), message: `missing: it names the categories, e.g.\n---\n${[...new Set(pending.map((p) => p.entry.category))].map((c) => `${c}: Name of ${c}`).join('\n')}\n---` });
    }
    // Links between files need every file's id first: "[x](./pay.md)" opens the entry of pay.md.
    const idOfPath = new Map(pending.map((p) => [posix.join(folder, lang, posix.basename(p.entry.file)), p.entry.id]));
    const ids = new Set(pending.map((p) => p.entry.id));
    for (const { entry, body } of pending) {
      const { answer, notes: found } = toMarkup(body, {
        file: entry.file,
        entryOf: (target) => idOfPath.get(posix.join(posix.dirname(entry.file), target)),
        hasEntry: (id) => ids.has(id),
      });
      notes.push(...found);
      if (!answer.trim()) {
        notes.push({ level: 'error', file: entry.file, line: 1, message: 'the answer is empty: write it under the front matter' });
        broken.add(`${lang}/${entry.id}`);
        continue;
      }
      entries.push({ ...entry, answer });
    }
  }
  return { entries, categories, notes, broken };
}
