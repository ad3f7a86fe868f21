/**
 * A spreadsheet exported as CSV → entries and category names, for `faq-widget build`.
 *
 * One row per entry and language. The first line names the columns, in any order:
 *   lang, id, category, question, answer           required in every row
 *   category_title                                 the category's name in that row's language
 *                                                  (once per category and language is enough)
 *   keywords, related                              optional; words or ids separated by ";" (or by ","
 *                                                  when the cell has no ";")
 * Cells with commas, quotes or line breaks are in double quotes (every spreadsheet does this when
 * it exports); an answer is written in the widget's markup, a line break in the cell is a line
 * break in the answer. A file whose first line has ";" and no "," is read with ";" between cells,
 * as spreadsheets set to Latvian export it.
 * Pure: the caller reads the file.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { LANGS } from '../core/locale';
import type { Lang } from '../types';
import { ID, ID_RULE, idFrom, type SourceCategory, type SourceEntry } from './assemble';
import type { Note } from './markdown';

export const REQUIRED = ['lang', 'id', 'category', 'question', 'answer'] as const;
export const OPTIONAL = ['category_title', 'keywords', 'related'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** The cell separator: "," unless the header line uses ";" (or tabs) and no ",". */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(',')) return ',';
  return header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
}

const words = (cell: string) =>
  cell
    .split(cell.includes(';') ? ';' : ',')
    .map((w) => w.normalize('NFC').trim())
    .filter(Boolean);

interface Row {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Reads the CSV text; `file` is how findings name it. */
export function readCsv(text: string, file: string): { entries: SourceEntry[]; categories: SourceCategory[]; notes: Note[] } {
  const notes: Note[] = [];
  const entries: SourceEntry[] = [];
  const categories: SourceCategory[] = [];
  const say = (level: Note['level'], line: number, message: string) => notes.push({ level, file, line, message });

  let rows: Row[];
  try {
    rows = parse(text, { bom: true, delimiter: delimiterOf(text), info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Row[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines;
    say('error', line ?? 1, `${e.message.replace(/^[^:]*: /, '')}; a cell with a "," a '"' or a line break must be in double quotes, and a '"' inside it doubled ("")`);
    return { entries, categories, notes };
  }
  if (!rows.length) {
    say('error', 1, `the file is empty; the first line names the columns: ${REQUIRED.join(',')}`);
    return { entries, categories, notes };
  }

  const header = rows[0].record.map((name) => name.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length) {
    say('error', 1, `the first line must name the columns ${REQUIRED.join(', ')} (and may name ${OPTIONAL.join(', ')}); it lacks ${missing.map((m) => `"${m}"`).join(', ')}`);
    return { entries, categories, notes };
  }
  header.forEach((name, i) => {
    if (!(REQUIRED as readonly string[]).includes(name) && !(OPTIONAL as readonly string[]).includes(name)) {
      say('warning', 1, `column ${i + 1} "${rows[0].record[i]}" is not one the build reads and was ignored; the columns are ${[...REQUIRED, ...OPTIONAL].join(', ')}`);
    }
  });
  const index = new Map(header.map((name, i) => [name, i] as const));
  const names = new Map<string, SourceCategory>();

  for (const row of rows.slice(1)) {
    // csv-parse counts to the record's last line; a cell with line breaks starts further up.
    const line = row.info.lines - (row.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const cell = (name: Column) => (row.record[index.get(name) ?? -1] ?? '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
    if (row.record.every((c) => !c.trim())) continue;
    if (row.record.length > header.length && row.record.slice(header.length).some((c) => c.trim())) {
      say('error', line, `this row has ${row.record.length} cells, the first line names ${header.length}; put a cell that contains "," in double quotes`);
      continue;
    }
    const empty = REQUIRED.filter((name) => !cell(name));
    if (empty.length) {
      say('error', line, `the row has no ${empty.map((e) => `"${e}"`).join(', ')}; every row needs ${REQUIRED.join(', ')}`);
      continue;
    }
    const lang = cell('lang').toLowerCase() as Lang;
    if (!LANGS.includes(lang)) {
      say('error', line, `lang "${cell('lang')}" is not one of ${LANGS.join(', ')}`);
      continue;
    }
    const [id, category] = [cell('id'), cell('category')];
    const bad = [id, category].find((x) => !ID.test(x));
    if (bad !== undefined) {
      say('error', line, `"${bad}" cannot be an id: ${ID_RULE}; e.g. "${idFrom(bad) || 'entry'}"`);
      continue;
    }
    const related = words(cell('related'));
    const badRelated = related.find((r) => !ID.test(r));
    if (badRelated !== undefined) {
      say('error', line, `related id "${badRelated}" is not allowed: ${ID_RULE}`);
      continue;
    }
    const title = cell('category_title');
    if (title) {
      const known = names.get(`${lang}/${category}`);
      if (!known) {
        const named = { lang, id: category, name: title, file, line };
        names.set(`${lang}/${category}`, named);
        categories.push(named);
      } else if (known.name !== title) {
        say('warning', line, `category "${category}" is named "${title}" here and "${known.name}" on line ${known.line}; the first name is used`);
      }
    }
    entries.push({ lang, id, category, question: cell('question'), answer: cell('answer'), keywords: words(cell('keywords')), related, file, line });
  }
  return { entries, categories, notes };
}
