/**
 * The translator page's context for each text: the interface keys with their description, who
 * meets them (seen, or only said by a screen reader), notes and rendered samples; the categories
 * with their notes; and the glossary. Elements only, as in sideBySide.ts.
 */
import type { i18n } from 'i18next';
import type { Finding } from '../core/check';
import { samples, type GlossaryTerm, type Sample, type UiKey } from '../core/uiContext';
import type { Lang } from '../types';
import { el, findingList, markForbidden, noteBox, unreadableCell, type Column } from './sideBySide';

/** What a ui.json column needs: its language's texts, or the name of the file that could not be read. */
export interface UiColumn {
  lang: Lang;
  label: string;
  texts: Record<string, unknown>;
  unreadable?: string;
}

/** The findings about one key, its forms and its note. */
export const aboutKey = (f: Finding, base: string) =>
  f.file.endsWith('ui.json') && f.key !== '' && [base, `_notes.${base}`].includes(f.key.replace(/_(zero|one|two|few|many|other)$/, ''));

function audienceBadge(key: UiKey): HTMLElement {
  return key.audience === 'screen-reader'
    ? el('span', { className: 'audience sr', title: 'Never on screen: read aloud by screen readers (an accessible name or an announcement)' }, 'screen reader only')
    : el('span', { className: 'audience visible', title: 'Shown on screen' }, 'visible');
}

/** Which text i18next took for a sample, and what is wrong when it is not this language's own. */
function usedNote(s: Sample, base: string, lang: Lang): string {
  if (s.usedLng !== lang) return `${s.usedKey}, from ${s.usedLng}: this language lacks it`;
  if (s.wanted) return `${s.usedKey.slice(base.length)}: ${s.wanted.slice(base.length)} is missing`;
  return s.usedKey.slice(base.length) || 'sample';
}

/** A key's text in one language: each plural form under its name, then what i18next makes of it. */
function uiCell(key: UiKey, column: UiColumn, i18n: i18n, values: Record<string, string>, glossary: GlossaryTerm[]): HTMLElement {
  const { lang, texts } = column;
  if (column.unreadable) return unreadableCell(column.unreadable, lang);
  const forms = key.forms[lang];
  const own = forms.length ? forms.map((f) => [`_${f}`, texts[`${key.base}_${f}`]] as const) : [['', texts[key.base]] as const];
  const td = el('td', { lang });
  for (const [form, text] of own) {
    const line = el('div', { className: 'text' }, ...(form ? [el('code', { className: 'form' }, form), ' '] : []), typeof text === 'string' ? text : '—');
    markForbidden(line, glossary, lang);
    td.append(line);
  }
  if (!forms.length && typeof texts[key.base] !== 'string') td.classList.add('missing');
  const shown = samples(i18n, key, lang, values);
  const needsSample = forms.length || key.forms[lang === 'lv' ? 'en' : 'lv'].length || shown.some((s) => s.text !== texts[key.base]);
  if (needsSample) {
    const list = el('ul', { className: 'samples' });
    for (const s of shown) {
      const foreign = s.usedLng !== lang || !!s.wanted;
      list.append(
        el(
          'li',
          { className: foreign ? 'foreign' : '' },
          ...(s.count !== undefined ? [el('span', { className: 'count' }, String(s.count)), ' '] : []),
          el('q', {}, s.text),
          ' ',
          el('span', { className: 'used' }, usedNote(s, key.base, lang)),
        ),
      );
    }
    td.append(el('div', { className: 'samples-head' }, key.audience === 'screen-reader' ? 'Said as:' : 'Shows as:'), list);
  }
  return td;
}

/**
 * A row per key the widget asks for (plural forms together), with its description, audience,
 * notes, each language's text with samples, and the findings about it: each finding once.
 */
export function uiTable(keys: UiKey[], columns: UiColumn[], i18n: i18n, findings: Finding[], values: Record<Lang, Record<string, string>>, glossary: GlossaryTerm[] = []): { table: HTMLTableElement; shown: Set<Finding> } {
  const shown = new Set<Finding>();
  const head = el('tr', {}, el('th', { className: 'key' }, 'Key'), ...columns.map((c) => el('th', {}, c.label)), el('th', { className: 'findings' }, 'Findings'));
  const rows = keys.map((key) => {
    const about = findings.filter((f) => aboutKey(f, key.base));
    about.forEach((f) => shown.add(f));
    const notes = (['lv', 'en'] as const).flatMap((lang) => (key.notes[lang] ?? []).map((n) => noteBox(n, `Note (${lang})`)));
    return el(
      'tr',
      { className: `ui-key ${key.audience}` },
      el('td', {}, el('code', {}, key.base), ' ', audienceBadge(key), el('p', { className: 'description' }, key.description), ...notes),
      ...columns.map((c) => uiCell(key, c, i18n, values[c.lang], glossary)),
      el('td', {}, findingList(about)),
    );
  });
  return { table: el('table', { className: 'ui-table' }, el('thead', {}, head), el('tbody', {}, ...rows)), shown };
}

/** The categories, each language's name and its note (a category may be { "name", "note" }). */
export function categoryTable(columns: Column[], findings: Finding[]): { table: HTMLTableElement; shown: Set<Finding> } {
  const ids = [...new Set(columns.flatMap((c) => Object.keys(c.faq.categories ?? {})))];
  const shown = new Set<Finding>();
  const head = el('tr', {}, el('th', { className: 'id' }, 'Category'), ...columns.map((c) => el('th', {}, c.label)), el('th', { className: 'findings' }, 'Findings'));
  const rows = ids.map((id) => {
    const about = findings.filter((f) => f.file.endsWith('faq.json') && f.key === `categories.${id}`);
    about.forEach((f) => shown.add(f));
    const cells = columns.map((c) => {
      if (c.unreadable) return unreadableCell(c.unreadable, c.lang);
      const value = c.faq.categories?.[id];
      if (value === undefined) return el('td', { className: 'missing', lang: c.lang }, 'missing in this language');
      const { name, note } = typeof value === 'object' && value ? value : { name: value, note: undefined };
      return el('td', { lang: c.lang }, String(name ?? '—'), ...(typeof note === 'string' ? [noteBox(note)] : []));
    });
    return el('tr', {}, el('td', {}, el('code', {}, id)), ...cells, el('td', {}, findingList(about)));
  });
  return { table: el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)), shown };
}

/** The glossary: each term's preferred words and the variants the checker rejects. */
export function glossarySection(terms: GlossaryTerm[], problem?: string): HTMLElement {
  if (problem) return el('p', { className: 'finding error' }, problem);
  if (!terms.length) return el('p', { className: 'meta' }, 'No glossary yet: add locales/glossary.json (term → preferred Latvian and English, forbidden variants).');
  const forbidden = (list: string[] | undefined) => (list?.length ? list.map((w) => el('del', {}, w)).flatMap((d, i) => (i ? [', ', d] : [d])) : ['—']);
  const head = el('tr', {}, el('th', { className: 'id' }, 'Term'), el('th', {}, 'Latviešu'), el('th', {}, 'English'), el('th', {}, 'Not in Latvian'), el('th', {}, 'Not in English'));
  const rows = terms.map((t) =>
    el(
      'tr',
      {},
      el('td', {}, el('code', {}, t.id), ...(t.note ? [noteBox(t.note, 'Why')] : [])),
      el('td', { lang: 'lv' }, t.lv),
      el('td', { lang: 'en' }, t.en),
      el('td', { lang: 'lv', className: 'forbidden-list' }, ...forbidden(t.forbidden.lv)),
      el('td', { lang: 'en', className: 'forbidden-list' }, ...forbidden(t.forbidden.en)),
    ),
  );
  return el('table', { className: 'glossary' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
