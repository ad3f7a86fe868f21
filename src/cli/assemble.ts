/**
 * Entries read from Markdown files or CSV rows → one faq.json per language, with what is wrong
 * said at the source (file and line), not in the generated JSON the owner never edits.
 */
import type { FaqFile, FaqFileEntry } from '../core/content';
import { LANGS } from '../core/locale';
import type { Lang } from '../types';
import type { Note } from './markdown';

/** An entry as read from its source, before it is checked against the others. */
export interface SourceEntry {
  lang: Lang;
  id: string;
  category: string;
  question: string;
  answer: string;
  keywords: string[];
  related: string[];
  /** Where it was written: the Markdown file (line 1) or the CSV row. */
  file: string;
  line: number;
  /** Line of its `related` list, for pointing at a dangling id. */
  relatedLine?: number;
  /** Front matter `order`: entries with one come first, in its order; the rest in file order. */
  order?: number;
}

/** A category's name in one language, and where it was given. */
export interface SourceCategory {
  lang: Lang;
  id: string;
  name: string;
  file: string;
  line: number;
}

/** The ids the widget accepts (faq.schema.json): links and URL state carry them as they are. */
export const ID = /^[a-z0-9][a-z0-9-]*$/;
export const ID_RULE = 'ids are lowercase letters, digits and "-" (e.g. "opening-hours")';

/** A suggestion for an id that breaks the rule: "Opening Hours" → "opening-hours". */
export function idFrom(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const where = (x: { file: string; line: number }) => `${x.file}:${x.line}`;
const NAMES: Record<Lang, string> = { lv: 'Latvian (lv)', en: 'English (en)' };

/**
 * The content file of each language that has entries, and every mistake: duplicate ids (both
 * places), unknown categories, dangling `related` ids (errors); entries or categories that one
 * language has and the other lacks (warnings: the widget shows what there is).
 */
export function assemble(
  categories: SourceCategory[],
  entries: SourceEntry[],
  /** Where the owner names a category, e.g. 'add "work: Name" to content/lv/_categories.md'. */
  nameHint: (lang: Lang, category: string) => string,
  /** `lang/id` of entries left out for an error already said: naming them is not a second mistake. */
  broken: ReadonlySet<string> = new Set(),
): { files: Partial<Record<Lang, FaqFile>>; notes: Note[] } {
  const notes: Note[] = [];
  const say = (level: Note['level'], at: { file: string; line?: number }, message: string) => notes.push({ level, file: at.file, line: at.line, message });
  const files: Partial<Record<Lang, FaqFile>> = {};
  const kept: Partial<Record<Lang, Map<string, SourceEntry>>> = {};

  for (const lang of LANGS) {
    const mine = entries
      .map((entry, i) => ({ entry, i }))
      .filter(({ entry }) => entry.lang === lang)
      .sort((a, b) => (a.entry.order ?? Infinity) - (b.entry.order ?? Infinity) || a.i - b.i)
      .map(({ entry }) => entry);
    if (!mine.length) continue;
    const names = new Map<string, SourceCategory>();
    for (const category of categories) if (category.lang === lang && !names.has(category.id)) names.set(category.id, category);

    const byId = new Map<string, SourceEntry>();
    for (const entry of mine) {
      const first = byId.get(entry.id);
      if (first) say('error', entry, `entry id "${entry.id}" is already used by ${where(first)}; each entry of a language needs its own id`);
      else byId.set(entry.id, entry);
    }
    kept[lang] = byId;

    const used = new Set<string>();
    const out: FaqFile = { categories: {}, entries: {} };
    for (const entry of byId.values()) {
      if (!names.has(entry.category) && !used.has(entry.category)) {
        say('error', entry, `category "${entry.category}" has no ${NAMES[lang]} name; ${nameHint(lang, entry.category)}`);
      }
      used.add(entry.category);
      for (const id of entry.related) {
        if (id === entry.id) say('warning', { file: entry.file, line: entry.relatedLine ?? entry.line }, `"related" names the entry itself ("${id}"); left out`);
        else if (!byId.has(id) && !broken.has(`${lang}/${id}`)) say('error', { file: entry.file, line: entry.relatedLine ?? entry.line }, `related entry "${id}" does not exist in ${NAMES[lang]}; write the id of another entry (its file name without .md)`);
      }
      const related = entry.related.filter((id) => id !== entry.id);
      const item: FaqFileEntry = { category: entry.category, question: entry.question, answer: entry.answer };
      if (entry.keywords.length) item.keywords = entry.keywords;
      if (related.length) item.related = [...new Set(related)];
      out.entries[entry.id] = item;
    }
    // Declared order; a category no entry uses would be an empty heading.
    for (const [id, category] of names) {
      if (used.has(id)) out.categories[id] = category.name;
      else say('warning', category, `category "${id}" has no ${NAMES[lang]} entries and was left out`);
    }
    files[lang] = out;
  }

  const [lv, en] = [kept.lv, kept.en];
  if (lv && en) {
    for (const [have, lack, lang] of [[lv, en, 'en'], [en, lv, 'lv']] as const) {
      for (const entry of have.values()) {
        if (!lack.has(entry.id) && !broken.has(`${lang}/${entry.id}`)) say('warning', entry, `entry "${entry.id}" has no ${NAMES[lang]} version`);
      }
    }
  }
  return { files, notes };
}

/** The text of a content file: pretty-printed, keys in a fixed order, a final newline. */
export function serialize(file: FaqFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}
