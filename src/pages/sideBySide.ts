/**
 * Content side by side with the checker's findings, as elements: what the translator page
 * (demo/translate.html) and the owner's preview page (`faq-widget preview`) both show.
 * Elements only, never HTML strings: the content is shown exactly as the widget would treat it.
 */
import { formatFinding, type Finding } from '../core/check';
import { parseMarkup, type Block, type Inline } from '../core/markup';

export type Faq = { categories?: Record<string, string>; entries?: Record<string, Record<string, unknown>> };

/** One column of the table: a language's content. */
export interface Column {
  lang: string;
  /** The column's heading, e.g. "Latviešu" or the file's name. */
  label: string;
  faq: Faq;
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

function cell(entry: Record<string, unknown> | undefined, lang: string): HTMLElement {
  if (!entry) return el('td', { className: 'missing', lang }, 'missing in this language');
  const keywords = Array.isArray(entry.keywords) ? entry.keywords.join(', ') : '';
  const related = Array.isArray(entry.related) ? entry.related.join(', ') : '';
  return el(
    'td',
    { lang },
    el('div', { className: 'question' }, String(entry.question ?? '')),
    answer(entry.answer),
    el('div', { className: 'meta' }, `category: ${String(entry.category)} · keywords: ${keywords || '—'} · related: ${related || '—'}`),
  );
}

/**
 * A row per entry id (in the order the first column has them, then the others'), a column per
 * language and one of the findings about that entry; `elsewhere` holds the findings about no
 * entry (a whole file, a category), for the page to show above the table.
 */
export function entryTable(columns: Column[], findings: Finding[]): { table: HTMLTableElement; elsewhere: Finding[] } {
  const ids = [...new Set(columns.flatMap((c) => Object.keys(c.faq.entries ?? {})))];
  const about = (id: string) => findings.filter((f) => f.key === `entries.${id}` || f.key.startsWith(`entries.${id}.`));
  const shown = new Set(ids.flatMap(about));
  const head = el('tr', {}, el('th', { className: 'id' }, 'Entry'), ...columns.map((c) => el('th', {}, c.label)), el('th', { className: 'findings' }, 'Findings'));
  const rows = ids.map((id) =>
    el('tr', {}, el('td', {}, el('code', {}, id)), ...columns.map((c) => cell(c.faq.entries?.[id], c.lang)), el('td', {}, findingList(about(id)))),
  );
  return { table: el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)), elsewhere: findings.filter((f) => !shown.has(f)) };
}
