import { checkLocales, formatFinding, type Finding, type LocaleFiles } from './check';
import { placeholders, PLURAL_FORMS } from './overrides';
import {
  diffWords,
  formatDiff,
  formatSidecar,
  keywordList,
  recordSources,
  sourceHash,
  translationUnits,
  type Sidecar,
  type Unit,
} from './sources';

/**
 * The translation agency's round trip, apart from the file formats: which texts to send (new or
 * stale, or all) with the context a translator needs, and how translated texts come back — each
 * checked before anything is written, then merged into the Latvian files in their own order and
 * layout. The XLIFF and PO files themselves are made and read by the ecosystem's converters in
 * src/cli/agency-formats.ts.
 */

export type ItemStatus = 'new' | 'stale' | 'current';

export interface ExportItem {
  key: string;
  status: ItemStatus;
  /** The English text (keywords one per line). */
  source: string;
  /** The Latvian text there is now (stale and current texts). */
  target?: string;
  /** The English the current Latvian was made from (stale texts). */
  previousSource?: string;
  /** Lines of context: the writer's note, where the text appears, plural rules, what changed. */
  notes: string[];
  plural?: { base: string; form: string };
}

/** A translated text read back from an agency's file, with the line of its unit there. */
export interface ImportedText {
  key: string;
  /** The English the file says it translates (recorded in the sidecar as the text's source). */
  source: string;
  target: string;
  line: number;
}

/** Numbers each Latvian plural form is used for (CLDR, as i18next picks them). */
export const LATVIAN_PLURAL_USE: Record<string, string> = {
  zero: '0, 10–20, 30, 40, …, 110–120, … (the genitive plural: "0 rezultātu", "11 rezultātu")',
  one: '1, 21, 31, …, 101, … but not 11 ("1 rezultāts", "21 rezultāts")',
  other: '2–9, 22–29, 32–39, … ("2 rezultāti", "22 rezultāti")',
};

// Descriptions that make a text something only screen readers say (see ui.schema.json).
const SCREEN_READER = /^(Accessible name|Announced|Read to screen-reader)/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const parse = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
};

/** What ui.schema.json says of each key: `properties.<key>.description`. */
export function uiDescriptions(schema: unknown): Record<string, string> {
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const out: Record<string, string> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (!isObject(property) || typeof property.description !== 'string') continue;
    // The schema says who meets a text ("x-audience"); said the way `whereOf` reads it.
    const screenReader = property['x-audience'] === 'screen-reader' && !SCREEN_READER.test(property.description);
    out[key] = screenReader ? `Read to screen-reader users only. ${property.description}` : property.description;
  }
  return out;
}

/**
 * The writer's note for a text, from either language's file: an entry's `note` (a text, or one
 * per field), a category's `note`, or, for interface text, `_notes.<key>` (a form or its plural base).
 */
function noteOf(unit: Unit, data: { en: Record<string, unknown>; lv: Record<string, unknown> }): string[] {
  const notes: string[] = [];
  for (const lang of ['en', 'lv'] as const) {
    const file = data[lang][unit.kind];
    let note: unknown;
    if (unit.kind === 'faq' && unit.path[0] === 'entries' && isObject(file) && isObject(file.entries)) {
      const entry = file.entries[unit.path[1]];
      note = isObject(entry) ? entry.note : undefined;
      if (isObject(note)) note = note[unit.path[2]];
    } else if (unit.kind === 'faq' && unit.path[0] === 'categories' && isObject(file) && isObject(file.categories)) {
      const category = file.categories[unit.path[1]];
      note = isObject(category) ? category.note : undefined;
    } else if (unit.kind === 'ui' && isObject(file) && isObject(file._notes)) {
      // ui.json keeps its notes in "_notes", by key, plural form or plural base.
      note = file._notes[String(unit.path[0])] ?? file._notes[unit.plural?.base ?? String(unit.path[0])];
    }
    if (typeof note === 'string' && note.trim() && !notes.includes(note)) notes.push(note);
  }
  return notes;
}

/** Where a text appears, for the translator who cannot see the widget. */
function whereOf(unit: Unit, descriptions: Record<string, string>): string[] {
  if (unit.kind === 'ui') {
    const description = descriptions[String(unit.path[0])] ?? descriptions[String(unit.enPath[0])];
    if (!description) return ['Interface text'];
    return [`${SCREEN_READER.test(description) ? 'Screen-reader only (never shown)' : 'Visible'}: ${description.replace(/ \(Latvian only\.\)$/, '')}`];
  }
  const [part, id, field] = unit.path.map(String);
  if (part === 'categories') return [`Name of the topic "${id}", shown above its questions`];
  if (field === 'question') return [`Question of the help article "${id}", as a visitor would ask it`];
  if (field === 'answer') {
    return [`Answer of the help article "${id}". Keep the markup: "### " sub-headings, "- " lists, **bold**, *italic*, [links](…); keep #faq/<id> link targets as they are`];
  }
  return [`Search keywords of the help article "${id}": one per line, words Latvian visitors might type that the question and answer do not contain; they need not match the English ones`];
}

/**
 * The texts to send for translation: new ones (no Latvian, or an empty one) and stale ones (the
 * English changed since, per the sidecar); every text when `all` is set. Each carries its context.
 */
export function exportItems(files: LocaleFiles, sidecar: Sidecar, descriptions: Record<string, string>, all = false): ExportItem[] {
  const en = { ui: parse(files['en/ui.json']), faq: parse(files['en/faq.json']) };
  const lv = { ui: parse(files['lv/ui.json']), faq: parse(files['lv/faq.json']) };
  const data = { en: en as Record<string, unknown>, lv: lv as Record<string, unknown> };
  const items: ExportItem[] = [];
  for (const unit of translationUnits(en, lv)) {
    const record = sidecar.sources[unit.key];
    const translated = unit.lv !== undefined && unit.lv.trim() !== '';
    const status: ItemStatus = !translated ? 'new' : record && record.hash !== sourceHash(unit.en) ? 'stale' : 'current';
    if (status === 'current' && !all) continue;
    const notes = noteOf(unit, data).map((n) => `Note: ${n}`);
    notes.push(`Key: ${unit.key}`, ...whereOf(unit, descriptions));
    if (unit.plural) {
      notes.push(`Plural form _${unit.plural.form}: Latvian uses it for ${LATVIAN_PLURAL_USE[unit.plural.form]}. Keep {{count}} in every form.`);
    }
    const names = placeholders(unit.en);
    if (names.length) notes.push(`Keep the placeholders ${[...new Set(names)].map((p) => `{{${p}}}`).join(' ')} as they are`);
    if (status === 'stale') {
      notes.push(`The English changed since the current Latvian was made: ${formatDiff(diffWords(record!.en, unit.en))}`, `Current Latvian: ${unit.lv}`);
    }
    items.push({ key: unit.key, status, source: unit.en, ...(translated ? { target: unit.lv } : {}), ...(status === 'stale' ? { previousSource: record!.en } : {}), notes, ...(unit.plural ? { plural: unit.plural } : {}) });
  }
  return items;
}

export interface ImportResult {
  /** Messages as `file:line [key]: what to do`; when there are any, nothing is to be written. */
  errors: string[];
  /** Things worth knowing that do not stop the import (e.g. a text translated from an older English). */
  notices: string[];
  /** The Latvian files and the sidecar to write: only those that changed. */
  write: { 'lv/ui.json'?: string; 'lv/faq.json'?: string; sidecar?: Sidecar };
  imported: string[];
}

// Characters that show as nothing but stop a search or a comparison: zero-width spaces and joiners, soft hyphens.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}]/u;
const formatJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const list = (names: string[]) => names.map((p) => `{{${p}}}`).join(' ') || 'none';

/**
 * Checks translated texts and merges them into the Latvian files. Every text is checked first —
 * known key, the English placeholders, every plural form, no invisible characters, and then the
 * whole of `checkLocales` on the merged files — and any error rejects the whole import (the
 * result's `write` is then empty). `from` names the imported file in messages.
 */
export function mergeImport(files: LocaleFiles, sidecar: Sidecar, texts: ImportedText[], from: string, folder = 'locales'): ImportResult {
  const errors: string[] = [];
  const notices: string[] = [];
  const at = (line: number | undefined, key: string, message: string) => `${from}${line ? `:${line}` : ''} [${key}]: ${message}`;
  const lvUi = parse(files['lv/ui.json']);
  const lvFaq = parse(files['lv/faq.json']);
  const en = { ui: parse(files['en/ui.json']), faq: parse(files['en/faq.json']) };
  for (const [name, value] of [['lv/ui.json', lvUi], ['lv/faq.json', lvFaq], ['en/ui.json', en.ui], ['en/faq.json', en.faq]] as const) {
    if (!isObject(value)) errors.push(`${folder}/${name}: cannot be read as a JSON object; fix it (npm run i18n:check says where) before importing`);
  }
  if (errors.length) return { errors, notices, write: {}, imported: [] };
  const units = new Map(translationUnits(en, { ui: lvUi, faq: lvFaq }).map((u) => [u.key, u]));

  // Each text on its own: the checks that need the English it translates.
  const seen = new Map<string, number>();
  const accepted: (ImportedText & { unit: Unit })[] = [];
  for (const text of texts) {
    const earlier = seen.get(text.key);
    if (earlier !== undefined) {
      errors.push(at(text.line, text.key, `given twice (also on line ${earlier}); keep one`));
      continue;
    }
    seen.set(text.key, text.line);
    const unit = units.get(text.key);
    if (!unit) {
      errors.push(at(text.line, text.key, 'no English text has this key (was it renamed or removed?); export again and translate the new file'));
      continue;
    }
    const target = text.target.normalize('NFC');
    if (!target.trim()) continue; // not translated yet: left as it is
    if (INVISIBLE.test(target)) {
      const char = INVISIBLE.exec(target)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      errors.push(at(text.line, text.key, `contains an invisible character (U+${char}) that breaks search and comparison; delete it`));
    }
    // A plural form needs every value any English form names ({{count}} included: each Latvian form
    // serves many numbers, so "Viens rezultāts" would be shown for 21 too).
    const want = unit.plural ? [...new Set(PLURAL_FORMS.en.flatMap((f) => placeholders(enPlural(en.ui, unit.plural!.base, f))).concat('count'))].sort() : [...new Set(placeholders(unit.en))].sort();
    const got = [...new Set(placeholders(target))].sort();
    if (want.join() !== got.join()) errors.push(at(text.line, text.key, `has placeholders ${list(got)}; the English has ${list(want)}: keep them exactly, translate only the words around them`));
    if (unit.en !== text.source.normalize('NFC') && unit.en.normalize('NFC') !== text.source.normalize('NFC')) {
      notices.push(at(text.line, text.key, 'was translated from an older English text; it is imported and will show as stale (npm run i18n:sources) until updated'));
    }
    if (unit.path.at(-1) === 'keywords' && !keywordList(target).length) errors.push(at(text.line, text.key, 'has no keywords; write one per line'));
    accepted.push({ ...text, target, unit });
  }
  // A plural comes whole: i18next would otherwise mix new forms with old ones.
  const bases = new Map<string, (ImportedText & { unit: Unit })[]>();
  for (const t of accepted) if (t.unit.plural) bases.set(t.unit.plural.base, [...(bases.get(t.unit.plural.base) ?? []), t]);
  for (const [base, forms] of bases) {
    const missing = PLURAL_FORMS.lv.filter((f) => !forms.some((t) => t.unit.plural!.form === f));
    if (missing.length) errors.push(at(forms[0].line, `ui.${base}`, `gives ${forms.map((t) => `_${t.unit.plural!.form}`).join(', ')} but not ${missing.map((f) => `_${f}`).join(', ')}; translate every Latvian form`));
  }
  if (errors.length) return { errors, notices, write: {}, imported: [] };

  // Merged into copies: values replaced where they are, new ones added at the end of their object.
  const ui = structuredClone(lvUi) as Record<string, unknown>;
  const faq = structuredClone(lvFaq) as Record<string, unknown>;
  const enFaq = en.faq as Record<string, unknown>;
  for (const { unit, target } of accepted) {
    const value = unit.path.at(-1) === 'keywords' ? keywordList(target) : target;
    if (unit.kind === 'ui') ui[String(unit.path[0])] = value;
    else if (unit.path[0] === 'categories') {
      // A category with a note is { "name", "note" }: the name changes, the note stays.
      const categories = (faq.categories ??= {}) as Record<string, unknown>;
      const id = String(unit.path[1]);
      const old = categories[id];
      categories[id] = isObject(old) ? { ...old, name: value } : value;
    }
    else {
      const entries = (faq.entries ??= {}) as Record<string, Record<string, unknown>>;
      const id = String(unit.path[1]);
      entries[id] ??= newEntry((enFaq.entries as Record<string, Record<string, unknown>>)[id]);
      entries[id][String(unit.path[2])] = value;
    }
  }
  const merged: LocaleFiles = { ...files, 'lv/ui.json': formatJson(ui), 'lv/faq.json': formatJson(faq) };

  // Then every rule of the checker over the merged files: an error the import brings is the import's.
  const known = new Set(checkLocales(files, folder).filter((f) => f.level === 'error').map(sameFinding));
  for (const finding of checkLocales(merged, folder)) {
    if (finding.level !== 'error' || known.has(sameFinding(finding))) continue;
    const text = accepted.find((t) => finding.key === t.unit.path.join('.')) ?? accepted.find((t) => concerns(t.unit, finding.key));
    // Said of the imported text that brought it, naming the checker's key when that is another (a new entry's missing answer).
    const about = text && finding.key !== text.unit.path.join('.') ? `${finding.key}: ` : '';
    errors.push(text ? at(text.line, text.key, `${about}${finding.message}`) : `${from}: after merging, ${formatFinding(finding)}`);
  }
  if (errors.length) return { errors, notices, write: {}, imported: [] };

  const write: ImportResult['write'] = {};
  if (merged['lv/ui.json'] !== files['lv/ui.json']) write['lv/ui.json'] = merged['lv/ui.json'];
  if (merged['lv/faq.json'] !== files['lv/faq.json']) write['lv/faq.json'] = merged['lv/faq.json'];
  const sources = recordSources(sidecar, Object.fromEntries(accepted.map((t) => [t.key, t.source.normalize('NFC')])));
  if (formatSidecar(sources) !== formatSidecar(sidecar)) write.sidecar = sources;
  return { errors, notices, write, imported: accepted.map((t) => t.key) };
}

const enPlural = (ui: unknown, base: string, form: string) => (isObject(ui) && typeof ui[`${base}_${form}`] === 'string' ? (ui[`${base}_${form}`] as string) : '');

/** A finding told apart from others by what and where in the JSON, not by line (lines move when texts grow). */
const sameFinding = (f: Finding) => `${f.file}|${f.key}|${f.message}`;

/** Whether a checker finding's key (`resultCount`, `entries.pay`, `entries.pay.answer`…) is about this unit's text, its plural or its entry. */
function concerns(unit: Unit, key: string): boolean {
  const path = unit.path.map(String);
  if (unit.kind === 'ui') return key === path[0] || key === unit.plural?.base;
  const owner = path.slice(0, 2).join('.');
  return key === owner || key.startsWith(`${owner}.`);
}

/**
 * A Latvian entry for an article that had none: fields in the English order, its category and
 * related ids as in English, its texts to come (a field left undefined is not written).
 */
function newEntry(en: Record<string, unknown> | undefined): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(en ?? {})) {
    if (field === 'category' || field === 'related') entry[field] = structuredClone(value);
    else if (field === 'question' || field === 'answer' || field === 'keywords') entry[field] = undefined;
  }
  return entry;
}
