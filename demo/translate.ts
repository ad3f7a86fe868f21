/**
 * The translator page: both languages side by side with the checker's findings and the context
 * of every text (descriptions, who meets it, notes, samples, the glossary), rebuilt by Vite
 * whenever a locale file is saved. The entry table is shared with the owner's preview page
 * (`faq-widget preview`).
 */
import { checkLocales, summary, type Finding, type LocaleFiles } from '../src/core/check';
import { createI18next, interfaceTexts } from '../src/core/i18n';
import { readGlossary, uiKeys } from '../src/core/uiContext';
import { categoryTable, glossarySection, uiTable, type UiColumn } from '../src/pages/context';
import { el, entryTable, findingList, type Column, type Faq } from '../src/pages/sideBySide';
import { markStale, type DiffPart } from '../src/pages/stale';
import { diffWords, readSidecar, staleTexts } from '../src/core/sources';
import type { Lang } from '../src/types';
import uiSchema from '../locales/ui.schema.json';

const raw = import.meta.glob<string>('/locales/*/*.json', { query: '?raw', import: 'default', eager: true });
// The glossary is optional: the page works without it, and says how to start one.
const glossaryFile = Object.values(import.meta.glob<string>('/locales/glossary.json', { query: '?raw', import: 'default', eager: true }))[0];
// Which English each Latvian text was translated from (kept by npm run i18n:sources).
const sidecarFile = Object.values(import.meta.glob<string>('/locales/lv/.sources.json', { query: '?raw', import: 'default', eager: true }))[0];
const files: LocaleFiles = {};
for (const [path, text] of Object.entries(raw)) files[path.replace('/locales/', '') as keyof LocaleFiles] = text;
const findings = checkLocales(files);
const LANGS: { lang: Lang; label: string }[] = [
  { lang: 'lv', label: 'Latviešu' },
  { lang: 'en', label: 'English' },
];

/** A file's object, or the name of the file when it is missing or does not hold one (its finding says why). */
function read(name: keyof LocaleFiles): { data: Record<string, unknown>; unreadable?: string } {
  try {
    const data: unknown = JSON.parse(files[name] ?? '');
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown> };
  } catch {
    // said by the checker, with its line and column
  }
  return { data: {}, unreadable: `locales/${name}` };
}

function render() {
  const { terms, problem } = readGlossary(glossaryFile);
  const faqColumns: Column[] = LANGS.map(({ lang, label }) => {
    const { data, unreadable } = read(`${lang}/faq.json`);
    return { lang, label, faq: data as Faq, ...(unreadable && { unreadable }) };
  });
  const uiColumns: UiColumn[] = LANGS.map(({ lang, label }) => {
    const { data, unreadable } = read(`${lang}/ui.json`);
    return { lang, label, texts: data, ...(unreadable && { unreadable }) };
  });
  const entries = entryTable(faqColumns, findings, terms);
  const categories = categoryTable(faqColumns, findings);
  const [lvUi, enUi] = uiColumns.map((c) => c.texts);
  const i18n = createI18next('lv', { lv: interfaceTexts(lvUi), en: interfaceTexts(enUi) });
  // What the samples fill the placeholders with: a word a visitor would search for, a real category.
  const firstCategory = (c: Column) => {
    const value = Object.values(c.faq.categories ?? {})[0];
    return String((value && typeof value === 'object' ? value.name : value) ?? '');
  };
  const values: Record<Lang, Record<string, string>> = {
    lv: { query: 'alga', category: firstCategory(faqColumns[0]) || 'Alga' },
    en: { query: 'salary', category: firstCategory(faqColumns[1]) || 'Salary' },
  };
  const ui = uiTable(uiKeys({ lv: lvUi, en: enUi }, uiSchema), uiColumns, i18n, findings, values, terms);

  // Each finding is listed once: beside its entry, category or key, or else above the tables.
  const inEntries = new Set(findings.filter((f) => !entries.elsewhere.includes(f)));
  const elsewhere = findings.filter((f: Finding) => !inEntries.has(f) && !categories.shown.has(f) && !ui.shown.has(f));

  const status = document.getElementById('summary')!;
  status.textContent = summary(findings, Object.keys(files).length);
  status.classList.toggle('failing', findings.some((f) => f.level === 'error'));

  document.getElementById('app')!.replaceChildren(
    ...(elsewhere.length ? [el('h2', { id: 'file-findings' }, 'File-level findings'), findingList(elsewhere)] : []),
    el('h2', { id: 'entries' }, 'FAQ entries (faq.json)'),
    Object.assign(entries.table, { id: 'entry-table' }),
    el('h2', { id: 'categories' }, 'Categories (faq.json)'),
    categories.table,
    el('h2', { id: 'interface' }, 'Interface text (ui.json)'),
    el('p', { className: 'meta' }, 'Each key with what it is (ui.schema.json), who meets it, and what the widget makes of it through i18next; plurals at 0, 1, 2, 10, 11 and 21.'),
    ui.table,
    el('h2', { id: 'glossary' }, 'Glossary (locales/glossary.json)'),
    el('p', { className: 'meta' }, 'The words to use for each term; the forbidden variants are marked where the texts above use them.'),
    glossarySection(terms, problem),
  );
  markStaleTexts({ ui: ui.table, categories: categories.table, entries: entries.table });
  // On a phone the rows are cards (side-by-side.css): each cell names its column.
  for (const table of document.querySelectorAll<HTMLTableElement>('#app table')) {
    const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    for (const row of table.tBodies[0]?.rows ?? []) [...row.cells].forEach((td, i) => (td.dataset.label = names[i] ?? ''));
  }
}

/**
 * Marks each Latvian text whose English changed since it was translated, in its row's Latvian
 * cell, with the English change word by word (several texts of one entry in one mark).
 */
function markStaleTexts(tables: { ui: HTMLTableElement; categories: HTMLTableElement; entries: HTMLTableElement }) {
  if (sidecarFile === undefined) return; // a folder without the file does not track sources
  let stale;
  try {
    stale = staleTexts(files, readSidecar(sidecarFile, 'locales/lv/.sources.json'));
  } catch {
    return; // a broken sidecar is one finding of npm run i18n:check
  }
  const byCell = new Map<HTMLElement, DiffPart[]>();
  for (const text of stale) {
    const [kind, part, id, field] = text.key.split('.');
    const [table, rowId] = kind === 'ui' ? [tables.ui, part.replace(/_(zero|one|two|few|many|other)$/, '')] : part === 'categories' ? [tables.categories, id] : [tables.entries, id];
    const row = [...table.tBodies[0].rows].find((tr) => tr.cells[0]?.querySelector('code')?.textContent === rowId);
    const cell = row?.querySelector<HTMLElement>('td[lang="lv"]');
    if (!cell) continue;
    const parts = byCell.get(cell) ?? [];
    const label = kind === 'ui' ? part : field ?? 'name';
    parts.push({ type: 'same', text: `${parts.length ? ' · ' : ''}${label}: ` });
    for (const segment of diffWords(text.recordedSource, text.currentSource)) parts.push({ type: segment.type === 'equal' ? 'same' : segment.type, text: segment.text });
    byCell.set(cell, parts);
  }
  for (const [cell, parts] of byCell) markStale(cell, parts);
}

render();
