import type { Finding, LocaleFiles } from './check';
import { lineFinder, nodeAt, scanJson, type JsonPath } from './jsonmap';
import { PLURAL, PLURAL_FORMS } from './overrides';

/**
 * Which English text each Latvian text was translated from. The tooling keeps a sidecar,
 * `locales/lv/.sources.json`, that maps every translatable key to the English text it was made
 * from (and a short hash of it); a Latvian text whose English has changed since is stale, and the
 * English diff tells the translator what to change. Framework-free and synchronous, so the CLI,
 * the tests and the translator page in the browser all use the same functions.
 *
 * Keys: `ui.<key>` (each plural form on its own: `ui.resultCount_zero`),
 * `faq.categories.<id>`, `faq.entries.<id>.question`, `.answer` and `.keywords`.
 */

/** The sidecar file: key → the English source the Latvian text was made from. */
export interface Sidecar {
  /** The format, for a later change to be noticed rather than misread. */
  version: 1;
  sources: Record<string, SourceRecord>;
}

export interface SourceRecord {
  /** `sourceHash` of `en`: compared first, and short enough to read in a diff of the sidecar. */
  hash: string;
  /** The English text itself, so the change can be shown without git. */
  en: string;
}

/** One text a translator translates: the English source and where the Latvian one lives. */
export interface Unit {
  key: string;
  kind: 'ui' | 'faq';
  /** Path of the Latvian value in its file, e.g. ['entries', 'pay', 'answer']. */
  path: JsonPath;
  /** The English source (keywords one per line). */
  en: string;
  /** The Latvian text, when there is one (keywords one per line). */
  lv?: string;
  /** For a plural form: the key without its suffix, the Latvian form, and the English key it follows. */
  plural?: { base: string; form: string };
  /** Where in the English file the source is, for the translator's context. */
  enPath: JsonPath;
}

export interface StaleText {
  key: string;
  lang: 'lv';
  /** The English the Latvian was made from, and the English now. */
  recordedSource: string;
  currentSource: string;
  /** The Latvian text now. */
  text: string;
  /** The Latvian value in its file (e.g. `locales/lv/faq.json`), 1-based; absent if the file cannot be read. */
  file: string;
  line?: number;
  column?: number;
}

export type DiffSegment = { type: 'equal' | 'added' | 'removed'; text: string };

export const SIDECAR_FILE = 'lv/.sources.json';
const KEYWORD_SEPARATOR = '\n';

/**
 * FNV-1a 64 of the UTF-8 of the NFC text, 16 hex digits. Change detection, not security:
 * synchronous and tiny, as the browser's Web Crypto is not, and it needs no `node:crypto`.
 */
export function sourceHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text.normalize('NFC'))) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && v.every((k) => typeof k === 'string') ? v.join(KEYWORD_SEPARATOR) : undefined;

/** A keywords text (one per line, as units carry them) as the list faq.json keeps. */
export const keywordList = (text: string): string[] =>
  text
    .split(KEYWORD_SEPARATOR)
    .map((k) => k.trim())
    .filter(Boolean);

/**
 * Every text to translate, in the English files' order, with its Latvian counterpart where there
 * is one. A Latvian plural form follows the English form of the same name, and `_zero` (which
 * English has not) follows `_other`: English says "0 results" with its `_other` form.
 */
export function translationUnits(en: { ui?: unknown; faq?: unknown }, lv: { ui?: unknown; faq?: unknown }): Unit[] {
  const units: Unit[] = [];
  const enUi = isObject(en.ui) ? en.ui : {};
  const lvUi = isObject(lv.ui) ? lv.ui : {};
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(enUi)) {
    if (key === '$schema' || typeof value !== 'string') continue;
    const form = PLURAL.exec(key)?.[1];
    if (!form) {
      units.push({ key: `ui.${key}`, kind: 'ui', path: [key], enPath: [key], en: value, lv: textOf(lvUi[key]) });
      continue;
    }
    const base = key.slice(0, -form.length - 1);
    if (seen.has(base)) continue;
    seen.add(base);
    for (const lvForm of PLURAL_FORMS.lv) {
      const enKey = typeof enUi[`${base}_${lvForm}`] === 'string' ? `${base}_${lvForm}` : `${base}_other`;
      if (typeof enUi[enKey] !== 'string') continue;
      const lvKey = `${base}_${lvForm}`;
      units.push({ key: `ui.${lvKey}`, kind: 'ui', path: [lvKey], enPath: [enKey], en: enUi[enKey] as string, lv: textOf(lvUi[lvKey]), plural: { base, form: lvForm } });
    }
  }
  const enFaq = isObject(en.faq) ? en.faq : {};
  const lvFaq = isObject(lv.faq) ? lv.faq : {};
  const lvCats = isObject(lvFaq.categories) ? lvFaq.categories : {};
  // A category is its name, or { "name", "note" } where it carries a note for translators.
  const nameOf = (category: unknown) => (isObject(category) ? category.name : category);
  for (const [id, category] of Object.entries(isObject(enFaq.categories) ? enFaq.categories : {})) {
    const path = ['categories', id];
    const name = nameOf(category);
    if (typeof name === 'string') units.push({ key: `faq.categories.${id}`, kind: 'faq', path, enPath: path, en: name, lv: textOf(nameOf(lvCats[id])) });
  }
  const lvEntries = isObject(lvFaq.entries) ? lvFaq.entries : {};
  for (const [id, entry] of Object.entries(isObject(enFaq.entries) ? enFaq.entries : {})) {
    if (!isObject(entry)) continue;
    const theirs = isObject(lvEntries[id]) ? lvEntries[id] : {};
    for (const field of ['question', 'answer', 'keywords'] as const) {
      const source = textOf(entry[field]);
      const path = ['entries', id, field];
      if (source !== undefined && source !== '') units.push({ key: `faq.${path.join('.')}`, kind: 'faq', path, enPath: path, en: source, lv: textOf(theirs[field]) });
    }
  }
  return units;
}

/** The parsed files, or undefined for one that is missing or broken (the checker reports it). */
function parsed(files: LocaleFiles) {
  const read = (name: keyof LocaleFiles) => {
    try {
      return JSON.parse(files[name] ?? '') as unknown;
    } catch {
      return undefined;
    }
  };
  return { en: { ui: read('en/ui.json'), faq: read('en/faq.json') }, lv: { ui: read('lv/ui.json'), faq: read('lv/faq.json') } };
}

/** Where each Latvian value is, for findings: file:line:column of the value's first character. */
function locator(files: LocaleFiles, folder: string) {
  const maps = new Map<'ui' | 'faq', { map: ReturnType<typeof scanJson>; where: ReturnType<typeof lineFinder> } | null>();
  return (unit: Unit): { file: string; line?: number; column?: number } => {
    const file = `${folder}/lv/${unit.kind}.json`;
    if (!maps.has(unit.kind)) {
      const text = files[`lv/${unit.kind}.json`] ?? '';
      try {
        maps.set(unit.kind, { map: scanJson(text), where: lineFinder(text) });
      } catch {
        maps.set(unit.kind, null);
      }
    }
    const m = maps.get(unit.kind);
    const at = m && nodeAt(m.map.root, unit.path);
    return at?.found ? { file, ...m!.where(at.node.start) } : { file };
  };
}

/** A Latvian text counts as translated when it has a visible character. */
const translated = (unit: Unit): unit is Unit & { lv: string } => unit.lv !== undefined && unit.lv.trim() !== '';

/**
 * The Latvian texts whose English source has changed since they were translated (per the
 * sidecar), each with both English texts and the place of the Latvian value.
 */
export function staleTexts(files: LocaleFiles, sidecar: Sidecar, folder = 'locales'): StaleText[] {
  const { en, lv } = parsed(files);
  const where = locator(files, folder);
  const out: StaleText[] = [];
  for (const unit of translationUnits(en, lv)) {
    const record = sidecar.sources[unit.key];
    if (!translated(unit) || !record || record.hash === sourceHash(unit.en)) continue;
    out.push({ key: unit.key, lang: 'lv', recordedSource: record.en, currentSource: unit.en, text: unit.lv, ...where(unit) });
  }
  return out;
}

/** Keys of Latvian texts the sidecar has no source for (translated before it existed, or by hand). */
export function unrecordedTexts(files: LocaleFiles, sidecar: Sidecar): string[] {
  const { en, lv } = parsed(files);
  return translationUnits(en, lv)
    .filter((u) => translated(u) && !sidecar.sources[u.key])
    .map((u) => u.key);
}

/**
 * Records the current English as the source of the Latvian texts named by `keys` (a key, or a
 * plural's key without its form, e.g. `ui.resultCount`), or of every translated text when `keys`
 * is empty. Records of texts that no longer exist are dropped. Returns the new sidecar and the
 * keys that name no text.
 */
export function acceptSources(files: LocaleFiles, sidecar: Sidecar, keys: string[] = []): { sidecar: Sidecar; unknown: string[] } {
  const { en, lv } = parsed(files);
  const units = translationUnits(en, lv);
  const named = (u: Unit) => keys.includes(u.key) || (u.plural && keys.includes(`ui.${u.plural.base}`));
  const unknown = keys.filter((k) => !units.some((u) => u.key === k || (u.plural && `ui.${u.plural.base}` === k)));
  const sources: Record<string, SourceRecord> = {};
  // In the English files' order, so the sidecar reads as they do and diffs of it stay small.
  for (const unit of units) {
    const accept = translated(unit) && (keys.length === 0 || named(unit));
    const record = accept ? { hash: sourceHash(unit.en), en: unit.en } : sidecar.sources[unit.key];
    if (record) sources[unit.key] = record;
  }
  return { sidecar: { version: 1, sources }, unknown };
}

/** Records the given English sources (e.g. those an imported file was translated from). */
export function recordSources(sidecar: Sidecar, records: Record<string, string>): Sidecar {
  const sources = { ...sidecar.sources };
  for (const [key, en] of Object.entries(records)) sources[key] = { hash: sourceHash(en), en };
  return { version: 1, sources };
}

export const emptySidecar = (): Sidecar => ({ version: 1, sources: {} });

/** Reads the sidecar's text; a message that names the file says what is wrong with a bad one. */
export function readSidecar(text: string | undefined, file: string): Sidecar {
  if (text === undefined) return emptySidecar();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); restore it from git or delete it and run npm run i18n:sources -- --accept`);
  }
  if (!isObject(data) || data.version !== 1 || !isObject(data.sources)) {
    throw new Error(`${file}: expected {"version": 1, "sources": {…}}; restore it from git or delete it and run npm run i18n:sources -- --accept`);
  }
  for (const [key, record] of Object.entries(data.sources)) {
    if (!isObject(record) || typeof record.hash !== 'string' || typeof record.en !== 'string') {
      throw new Error(`${file}: the record of "${key}" needs "hash" and "en" texts; run npm run i18n:sources -- --accept ${key}`);
    }
  }
  return data as unknown as Sidecar;
}

/** The sidecar as the tooling writes it: 2-space JSON and a final newline, as the locale files. */
export const formatSidecar = (sidecar: Sidecar): string => `${JSON.stringify(sidecar, null, 2)}\n`;

/** Tokens of a text for diffing: words and the spaces between them, so joining them gives the text back. */
const tokens = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

/**
 * Above this many tokens changed in the middle (after the common start and end are cut), the
 * diff gives up finding the shortest edit and shows the middle as removed and added: Myers costs
 * O((N+M)·D), and a diff that long reads no better than the two texts.
 */
export const DIFF_LIMIT = 2000;

/**
 * A word-level diff of two texts (Myers' O((N+M)·D) algorithm over words and spaces): segments
 * that are equal, removed from `before` or added in `after`, in order. Joining the equal and
 * removed segments gives `before` back; the equal and added ones give `after`.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) endA--, endB--;
  const out: DiffSegment[] = [];
  const push = (type: DiffSegment['type'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.type === type) last.text += text;
    else out.push({ type, text });
  };
  push('equal', a.slice(0, start).join(''));
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  if (middle) for (const [type, token] of middle) push(type, token);
  else {
    push('removed', a.slice(start, endA).join(''));
    push('added', b.slice(start, endB).join(''));
  }
  push('equal', a.slice(endA).join(''));
  return out;
}

/** The shortest edit script from `a` to `b`, or undefined past DIFF_LIMIT edits. */
function myers(a: string[], b: string[]): [DiffSegment['type'], string][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, DIFF_LIMIT);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset, d);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number, depth: number): [DiffSegment['type'], string][] {
  const steps: [DiffSegment['type'], string][] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) steps.push(['equal', a[--x]]), y--;
    if (down) steps.push(['added', b[--y]]);
    else steps.push(['removed', a[--x]]);
  }
  while (x > 0 && y > 0) steps.push(['equal', a[--x]]), y--;
  return steps.reverse();
}

/**
 * A diff in plain text, as `git diff --word-diff` prints it: `[-removed-]{+added+}`, with long
 * unchanged stretches cut to a few words either side.
 */
export function formatDiff(segments: DiffSegment[], context = 6): string {
  return segments
    .map(({ type, text }, i) => {
      if (type === 'removed') return `[-${text}-]`;
      if (type === 'added') return `{+${text}+}`;
      // Tokens alternate words and spaces: `keep` tokens are about `context` words.
      const words = tokens(text);
      const keep = context * 2;
      const first = i === 0;
      const last = i === segments.length - 1;
      if (words.length <= (first || last ? keep : keep * 2)) return text;
      const head = first ? '' : words.slice(0, keep).join('');
      const tail = last ? '' : words.slice(-keep).join('');
      return `${head}…${tail}`;
    })
    .join('')
    .replace(/\n/g, '⏎');
}

/**
 * Findings for `npm run i18n:check`: a warning per stale Latvian text, at its value, with the
 * English diff; and one warning when texts have no recorded source at all.
 */
export function sourceFindings(files: LocaleFiles, sidecar: Sidecar, folder = 'locales'): Finding[] {
  const findings: Finding[] = staleTexts(files, sidecar, folder).map((s) => ({
    level: 'warning',
    file: s.file,
    key: s.key,
    line: s.line,
    column: s.column,
    message: `the English changed since this was translated: ${formatDiff(diffWords(s.recordedSource, s.currentSource))}; update the Latvian, then run npm run i18n:sources -- --accept ${s.key}`,
  }));
  const unrecorded = unrecordedTexts(files, sidecar);
  if (unrecorded.length) {
    const shown = unrecorded.slice(0, 3).join(', ') + (unrecorded.length > 3 ? ` and ${unrecorded.length - 3} more` : '');
    findings.push({
      level: 'warning',
      file: `${folder}/${SIDECAR_FILE}`,
      key: '',
      message: `not yet recorded which English ${unrecorded.length === 1 ? 'text' : 'texts'} ${shown} ${unrecorded.length === 1 ? 'was' : 'were'} translated from: check ${unrecorded.length === 1 ? 'it is' : 'they are'} up to date, then run npm run i18n:sources -- --accept`,
    });
  }
  return findings;
}
