/**
 * The translator page: both languages side by side with the checker's findings, rebuilt
 * by Vite whenever a locale file is saved. Elements only, never HTML strings: the
 * content is shown exactly as the widget would treat it.
 */
import { checkLocales, formatFinding, summary, type Finding, type LocaleFiles } from '../src/core/check';
import { parseMarkup, type Block, type Inline } from '../src/core/markup';

const raw = import.meta.glob<string>('/locales/*/*.json', { query: '?raw', import: 'default', eager: true });
const files: LocaleFiles = {};
for (const [path, text] of Object.entries(raw)) files[path.replace('/locales/', '') as keyof LocaleFiles] = text;
const findings = checkLocales(files);

type Faq = { categories?: Record<string, string>; entries?: Record<string, Record<string, unknown>> };
const parsed = (name: keyof LocaleFiles): Record<string, unknown> => {
  try {
    return JSON.parse(files[name] ?? '{}');
  } catch {
    return {};
  }
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
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

function findingList(list: Finding[]): HTMLElement {
  if (!list.length) return el('div', { className: 'ok' }, '✓ no findings');
  return el('div', {}, ...list.map((f) => el('p', { className: `finding ${f.level}` }, formatFinding(f))));
}

function cell(entry: Record<string, unknown> | undefined, lang: string): HTMLElement {
  if (!entry) return el('td', { className: 'missing', lang }, 'missing in this language');
  const keywords = Array.isArray(entry.keywords) ? entry.keywords.join(', ') : '';
  return el(
    'td',
    { lang },
    el('div', { className: 'question' }, String(entry.question ?? '')),
    answer(entry.answer),
    el('div', { className: 'meta' }, `category: ${String(entry.category)} · keywords: ${keywords || '—'} · related: ${(entry.related as string[] | undefined)?.join(', ') || '—'}`),
  );
}

function render() {
  const lv = parsed('lv/faq.json') as Faq;
  const en = parsed('en/faq.json') as Faq;
  const ids = [...new Set([...Object.keys(lv.entries ?? {}), ...Object.keys(en.entries ?? {})])];
  const about = (id: string) => findings.filter((f) => f.key === `entries.${id}` || f.key.startsWith(`entries.${id}.`));
  const elsewhere = findings.filter((f) => !ids.some((id) => about(id).includes(f)));

  const head = el('tr', {}, el('th', { className: 'id' }, 'Entry'), el('th', {}, 'Latviešu'), el('th', {}, 'English'), el('th', { className: 'findings' }, 'Findings'));
  const rows = ids.map((id) => el('tr', {}, el('td', {}, el('code', {}, id)), cell(lv.entries?.[id], 'lv'), cell(en.entries?.[id], 'en'), el('td', {}, findingList(about(id)))));

  const lvUi = parsed('lv/ui.json');
  const enUi = parsed('en/ui.json');
  const keys = [...new Set([...Object.keys(lvUi), ...Object.keys(enUi)])].filter((k) => k !== '$schema');
  const uiAbout = (key: string) => findings.filter((f) => f.file.endsWith('ui.json') && (f.key === key || key.startsWith(`${f.key}_`)));
  const uiHead = el('tr', {}, el('th', { className: 'id' }, 'Key'), el('th', {}, 'Latviešu'), el('th', {}, 'English'), el('th', { className: 'findings' }, 'Findings'));
  const uiRows = keys.map((key) =>
    el(
      'tr',
      {},
      el('td', {}, el('code', {}, key)),
      el('td', { lang: 'lv' }, String(lvUi[key] ?? '—')),
      el('td', { lang: 'en' }, String(enUi[key] ?? '—')),
      el('td', {}, findingList(uiAbout(key))),
    ),
  );

  const line = summary(findings, Object.keys(files).length);
  const status = document.getElementById('summary')!;
  status.textContent = line;
  status.classList.toggle('failing', findings.some((f) => f.level === 'error'));

  document.getElementById('app')!.replaceChildren(
    ...(elsewhere.length ? [el('h2', {}, 'File-level findings'), findingList(elsewhere)] : []),
    el('h2', {}, 'FAQ entries (faq.json)'),
    el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)),
    el('h2', {}, 'Interface text (ui.json)'),
    el('table', {}, el('thead', {}, uiHead), el('tbody', {}, ...uiRows)),
  );
}

render();
