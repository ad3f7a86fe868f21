/**
 * What `npm run i18n:check` reports about the content itself, beside its findings: how many
 * entries each language has, how long the answers are, and how many of the seed's facts
 * locales/COVERAGE.md says the content carries.
 */
import { words } from '../core/fold';
import { parseMarkup } from '../core/markup';

/** One fact of COVERAGE.md: `- [x] what the seed says → \`entry-id\`, \`other-id\``. */
export interface CoverageLine {
  /** 1-based line in the file. */
  line: number;
  fact: string;
  covered: boolean;
  ids: string[];
}

const FACT = /^- \[([ xX])\] (.*)$/;
const ID = /`([a-z0-9][a-z0-9-]*)`/g;

/** The fact lines of COVERAGE.md; the ids are those named after the last "→" of a line. */
export function parseCoverage(text: string): CoverageLine[] {
  const out: CoverageLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const match = FACT.exec(raw.trimEnd());
    if (!match) return;
    const arrow = match[2].lastIndexOf('→');
    const fact = (arrow < 0 ? match[2] : match[2].slice(0, arrow)).trim();
    const ids = arrow < 0 ? [] : [...match[2].slice(arrow).matchAll(ID)].map((m) => m[1]);
    out.push({ line: i + 1, fact, covered: match[1] !== ' ', ids });
  });
  return out;
}

/** Words in each answer as the visitor reads it (markup and link addresses left out). */
export function answerWords(entries: Record<string, { answer?: unknown }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [id, entry] of Object.entries(entries)) {
    if (typeof entry?.answer === 'string') counts.set(id, words(parseMarkup(entry.answer).text).length);
  }
  return counts;
}

const median = (sorted: number[]) =>
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;

/** One short line per language, e.g. "lv: 32 entries, words per answer median 83, min 62; seed facts covered 83/83". */
export function contentLine(lang: string, entries: Record<string, { answer?: unknown }>, coverage?: CoverageLine[]): string {
  const counts = [...answerWords(entries).values()].sort((a, b) => a - b);
  const size = Object.keys(entries).length;
  let line = `${lang}: ${size} ${size === 1 ? 'entry' : 'entries'}`;
  if (counts.length) line += `, words per answer median ${median(counts)}, min ${counts[0]}`;
  if (coverage) {
    const ids = new Set(Object.keys(entries));
    const carried = coverage.filter((c) => c.covered && c.ids.length && c.ids.every((id) => ids.has(id))).length;
    line += `; seed facts covered ${carried}/${coverage.length}`;
  }
  return line;
}
