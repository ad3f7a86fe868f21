/**
 * XLIFF 2.0 and gettext PO for the agency round trip, made and read by the ecosystem's converters
 * (`xliff`, `gettext-parser`); what goes in them and what comes back is src/core/agency.ts.
 *
 * XLIFF: one <file> per locale file ("ui", "faq"), one <unit> per text with the key as its id,
 * each Latvian plural form its own unit; context as <note>s; <target> empty for the translator
 * (the current Latvian of an up-to-date text exported with --all).
 *
 * PO: msgctxt is the key (a plural's key without its form, e.g. "ui.resultCount"), msgid the
 * English, context as extracted comments ("#."), stale texts flagged fuzzy with the current
 * Latvian as msgstr (a fuzzy entry is not imported, as gettext tools treat it); with --all, the
 * up-to-date texts come with their Latvian to review. Plurals: the
 * header is GNU gettext's Latvian one, which PO editors expect,
 *   nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);
 * so msgstr[0] is the form for 1, 21, 31… (i18next's _one), msgstr[1] the form for 2, 3…
 * (_other) and msgstr[2] the form for 0 (_zero). i18next (CLDR) also uses _zero for 10–20, 30…,
 * where the GNU rule would pick msgstr[1]: the words a translator writes for 0 are the ones
 * Latvian needs for 10–20 too ("0 / 11 rezultātu"), so the widget is right either way. A file
 * whose editor rewrote the header to the CLDR order (zero, one, other: Weblate's, Crowdin's) is
 * read in that order; any other header is refused rather than guessed.
 */
import { po, type GetTextTranslation } from 'gettext-parser';
import js2xliff from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import type { ExportItem, ImportedText } from '../core/agency';

export type Format = 'xliff' | 'po';

/** A file that cannot be read: the message names the line where the converter says. */
export class FormatError extends Error {}

const GNU_PLURALS = 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);';
/** Plural-Forms headers read, without spaces and brackets, and the Latvian form of each msgstr index. */
const PLURAL_HEADERS: [string, string[]][] = [
  [GNU_PLURALS, ['one', 'other', 'zero']],
  ['nplurals=3; plural=(n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19) ? 0 : ((n % 10 == 1 && n % 100 != 11) ? 1 : 2);', ['zero', 'one', 'other']],
  ['nplurals=3; plural=(n%10==0 || (n%100>=11 && n%100<=19) ? 0 : n%10==1 && n%100!=11 ? 1 : 2);', ['zero', 'one', 'other']],
];
const bare = (header: string) => header.replace(/[\s()]/g, '').replace(/;$/, '');
const GNU_ORDER = PLURAL_HEADERS[0][1];

/** The line (from 1) where `needle` first appears in `text`, or 1. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
};

export async function toXliff(items: ExportItem[]): Promise<string> {
  const resources: Record<string, Record<string, { source: string; target: string; note: string[] }>> = {};
  for (const item of items) {
    const file = item.key.slice(0, item.key.indexOf('.'));
    // An up-to-date text (with --all) comes with its Latvian, to be reviewed; a stale one's is in the notes.
    (resources[file] ??= {})[item.key] = { source: item.source, target: item.status === 'current' ? item.target! : '', note: item.notes };
  }
  return `${await js2xliff({ sourceLanguage: 'en', targetLanguage: 'lv', resources })}\n`;
}

export async function fromXliff(text: string, file: string): Promise<ImportedText[]> {
  let js: { targetLanguage?: string; resources?: Record<string, Record<string, { source?: unknown; target?: unknown }>> };
  try {
    js = await xliff2js(text);
  } catch (e) {
    throw new FormatError(`${file}: not XLIFF the converter can read (${(e as Error).message.split('\n')[0]}); is it the file i18n:export wrote, saved as XLIFF 2.0?`);
  }
  if (js.targetLanguage && !/^lv\b/i.test(js.targetLanguage)) {
    throw new FormatError(`${file}:${lineOf(text, 'trgLang')}: the target language is "${js.targetLanguage}"; this import takes Latvian (trgLang="lv")`);
  }
  const texts: ImportedText[] = [];
  for (const units of Object.values(js.resources ?? {})) {
    for (const [key, unit] of Object.entries(units)) {
      const line = lineOf(text, `id="${key}"`);
      if (typeof unit.source !== 'string' || (unit.target !== undefined && typeof unit.target !== 'string')) {
        throw new FormatError(`${file}:${line} [${key}]: inline XLIFF elements are not supported; the texts must be plain (placeholders are written as {{name}})`);
      }
      texts.push({ key, source: unit.source, target: unit.target ?? '', line });
    }
  }
  return texts;
}

export function toPo(items: ExportItem[]): string {
  const translations: Record<string, Record<string, GetTextTranslation>> = { '': { '': { msgid: '', msgstr: [''] } } };
  const add = (context: string, entry: GetTextTranslation) => ((translations[context] ??= {})[entry.msgid] = entry);
  const comments = (item: ExportItem, notes: string[]) => ({ extracted: notes.join('\n'), ...(item.status === 'stale' ? { flag: 'fuzzy' } : {}) });
  const plurals = new Map<string, ExportItem[]>();
  for (const item of items) if (item.plural) plurals.set(item.plural.base, [...(plurals.get(item.plural.base) ?? []), item]);
  for (const item of items) {
    if (!item.plural) add(item.key, { msgctxt: item.key, msgid: item.source, msgstr: [item.target ?? ''], comments: comments(item, item.notes) });
    // A plural is one entry, where its first form is.
    else if (plurals.get(item.plural.base)![0] === item) addPlural(item.plural.base, plurals.get(item.plural.base)!);
  }
  function addPlural(base: string, forms: ExportItem[]) {
    const form = (name: string) => forms.find((f) => f.plural!.form === name);
    const stale = forms.some((f) => f.status === 'stale');
    // The notes of the forms, each said once: the plural rules per form are in the header's order.
    const notes = [...new Set(forms.flatMap((f) => f.notes.filter((n) => !n.startsWith('Key:') && !n.startsWith('Plural form'))))];
    notes.unshift(`Key: ui.${base}`, 'Plural: msgstr[0] is for 1, 21, 31… ("1 rezultāts"); msgstr[1] for 2–9, 22–29… ("2 rezultāti"); msgstr[2] for 0, 10–20, 30… ("0 rezultātu"). Keep {{count}} in every form.');
    const context = `ui.${base}`;
    add(context, {
      msgctxt: context,
      msgid: (form('one') ?? forms[0]).source,
      msgid_plural: (form('other') ?? forms[0]).source,
      msgstr: GNU_ORDER.map((name) => form(name)?.target ?? ''),
      comments: { extracted: notes.join('\n'), ...(stale ? { flag: 'fuzzy' } : {}) },
    });
  }
  const table = {
    charset: 'utf-8',
    headers: { 'Project-Id-Version': 'faq-widget', Language: 'lv', 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Transfer-Encoding': '8bit', 'Plural-Forms': GNU_PLURALS },
    translations,
  };
  return po.compile(table, { foldLength: 0 }).toString('utf8') + '\n';
}

export function fromPo(text: string, file: string): ImportedText[] {
  let table: ReturnType<typeof po.parse>;
  try {
    table = po.parse(text, { validation: true });
  } catch (e) {
    const message = (e as Error).message.replace(/^Error parsing PO data: /, '');
    const line = /at line (\d+)/.exec(message)?.[1];
    throw new FormatError(`${file}${line ? `:${line}` : ''}: not a PO file the converter can read: ${message}`);
  }
  const header = table.headers['Plural-Forms'];
  const order = header === undefined ? GNU_ORDER : PLURAL_HEADERS.find(([h]) => bare(h) === bare(header))?.[1];
  if (!order) {
    throw new FormatError(`${file}:${lineOf(text, 'Plural-Forms')}: unknown Plural-Forms "${header}"; keep the header i18n:export wrote ("${GNU_PLURALS}") so each msgstr[n] is known to be the right Latvian form`);
  }
  const texts: ImportedText[] = [];
  for (const [context, entries] of Object.entries(table.translations)) {
    for (const entry of Object.values(entries)) {
      if (!entry.msgid && !context) continue; // the header
      const line = lineOf(text, `msgctxt ${JSON.stringify(context)}`);
      if (!context) throw new FormatError(`${file}:${lineOf(text, `msgid ${JSON.stringify(entry.msgid)}`)}: an entry without msgctxt; the context names the text (e.g. "ui.title"): keep it as exported`);
      // Still fuzzy: the translator has not confirmed it (gettext tools leave such texts out too).
      if (/\bfuzzy\b/.test(entry.comments?.flag ?? '')) continue;
      if (entry.msgid_plural === undefined) {
        texts.push({ key: context, source: entry.msgid, target: entry.msgstr[0] ?? '', line });
        continue;
      }
      // Each Latvian form's source is the English form it follows (see translationUnits): _zero and _other follow msgid_plural.
      if (entry.msgstr.every((s) => !s.trim())) continue;
      order.forEach((form, i) => texts.push({ key: `${context}_${form}`, source: form === 'one' ? entry.msgid : entry.msgid_plural!, target: entry.msgstr[i] ?? '', line }));
    }
  }
  return texts;
}
