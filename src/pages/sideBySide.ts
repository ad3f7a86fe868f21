/**
 * Content side by side with the checker's findings, as elements: what the translator page
 * (demo/translate.html) and the owner's preview page (`faq-widget preview`) both show.
 * Elements only, never HTML strings: the content is shown exactly as the widget would treat it.
 */
import { formatFinding, type Finding } from '../core/check';
import { parseMarkup, type Block, type Inline } from '../core/markup';
import { forbiddenRanges, type GlossaryTerm } from '../core/uiContext';
import type { Lang } from '../types';

export type Faq = { categories?: Record<string, string | { name?: unknown; note?: unknown }>; entries?: Record<string, Record<string, unknown>> };

/** One column of the table: a language's content. */
export interface Column {
  lang: Lang;
  /** The column's heading, e.g. "Latviešu" or the file's name. */
  label: string;
  faq: Faq;
  /**
   * Set when the file could not be read (e.g. not valid JSON): every cell of the column says so,
   * naming it, rather than calling each entry missing; the file's finding says why.
   */
  unreadable?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function inline(nodes: Inline[]): (Node | string)[] {
  return nodes.map((n) => {
    if (n.type === 'text') return n.text;
    if (n.type === 'break') return el('br');
    if (n.type === 'code') return el('code', {}, n.text);
    return n.type === 'link' ? el('a', { href: n.href }, ...inline(n.children)) : el(n.type, {}, ...inline(n.children));
  });
}

function blocks(list: Block[]): HTMLElement[] {
  return list.map((b) => {
    if (b.type === 'paragraph') return el('p', {}, ...inline(b.children));
    if (b.type === 'heading') return el('h4', {}, ...inline(b.children));
    if (b.type === 'quote') return el('blockquote', {}, ...blocks(b.blocks));
    return el(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((item) => el('li', {}, ...inline(item))));
  });
}

function answer(text: unknown): HTMLElement {
  if (typeof text !== 'string') return el('div', { className: 'missing' }, 'no answer');
  return el('div', { className: 'answer' }, ...blocks(parseMarkup(text).blocks));
}

export function findingList(list: Finding[]): HTMLElement {
  if (!list.length) return el('div', { className: 'ok' }, '✓ no findings');
  return el('div', {}, ...list.map((f) => el('p', { className: `finding ${f.level}` }, formatFinding(f))));
}

/** A translator's note (faq.json "note", ui.json "_notes"), set apart from the text the widget shows. */
export function noteBox(text: string, label = 'Note for translators'): HTMLElement {
  return el('p', { className: 'note' }, el('strong', {}, `${label}: `), text);
}

/** The cell of a file that could not be read: says which, instead of "missing" for every entry. */
export function unreadableCell(file: string, lang: string): HTMLTableCellElement {
  return el('td', { className: 'unreadable', lang }, `${file} could not be read: see its finding above.`);
}

/**
 * Marks, inside `root`'s text, the words that use a glossary term's forbidden variant, each with
 * the preferred term as its title. Text nodes only: a variant split by markup is the checker's to find.
 */
export function markForbidden(root: HTMLElement, terms: GlossaryTerm[], lang: Lang): void {
  if (!terms.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const ranges = forbiddenRanges(text, terms, lang);
    if (!ranges.length) continue;
    const parts: (Node | string)[] = [];
    let at = 0;
    for (const r of ranges) {
      const term = terms.find((t) => t.id === r.term)!;
      parts.push(text.slice(at, r.start), el('mark', { className: 'forbidden', title: `Glossary "${term.id}": write "${term[lang]}"` }, text.slice(r.start, r.end)));
      at = r.end;
    }
    parts.push(text.slice(at));
    node.replaceWith(...parts.filter((p) => p !== ''));
  }
}

function cell(entry: Record<string, unknown> | undefined, column: Column, glossary: GlossaryTerm[]): HTMLElement {
  const { lang } = column;
  if (column.unreadable) return unreadableCell(column.unreadable, lang);
  if (!entry) return el('td', { className: 'missing', lang }, 'missing in this language');
  const keywords = Array.isArray(entry.keywords) ? entry.keywords.join(', ') : '';
  const related = Array.isArray(entry.related) ? entry.related.join(', ') : '';
  const td = el(
    'td',
    { lang },
    el('div', { className: 'question' }, String(entry.question ?? '')),
    answer(entry.answer),
    el('div', { className: 'meta' }, `category: ${String(entry.category)} · keywords: ${keywords || '—'} · related: ${related || '—'}`),
  );
  markForbidden(td, glossary, lang);
  if (typeof entry.note === 'string') td.append(noteBox(entry.note));
  return td;
}

/**
 * A row per entry id (in the order the first column has them, then the others'), a column per
 * language and one of the findings about that entry; `elsewhere` holds the findings about no
 * entry (a whole file, a category), for the page to show above the table.
 */
export function entryTable(columns: Column[], findings: Finding[], glossary: GlossaryTerm[] = []): { table: HTMLTableElement; elsewhere: Finding[] } {
  const ids = [...new Set(columns.flatMap((c) => Object.keys(c.faq.entries ?? {})))];
  const about = (id: string) => findings.filter((f) => f.key === `entries.${id}` || f.key.startsWith(`entries.${id}.`));
  const shown = new Set(ids.flatMap(about));
  const head = el('tr', {}, el('th', { className: 'id' }, 'Entry'), ...columns.map((c) => el('th', {}, c.label)), el('th', { className: 'findings' }, 'Findings'));
  const rows = ids.map((id) =>
    el('tr', {}, el('td', {}, el('code', {}, id)), ...columns.map((c) => cell(c.faq.entries?.[id], c, glossary)), el('td', {}, findingList(about(id)))),
  );
  return { table: el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)), elsewhere: findings.filter((f) => !shown.has(f)) };
}
