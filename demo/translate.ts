/**
 * The translator page: both languages side by side with the checker's findings, rebuilt
 * by Vite whenever a locale file is saved. The rendering is shared with the owner's
 * preview page (`faq-widget preview`).
 */
import { checkLocales, summary, type LocaleFiles } from '../src/core/check';
import { el, entryTable, findingList, type Faq } from '../src/pages/sideBySide';

const raw = import.meta.glob<string>('/locales/*/*.json', { query: '?raw', import: 'default', eager: true });
const files: LocaleFiles = {};
for (const [path, text] of Object.entries(raw)) files[path.replace('/locales/', '') as keyof LocaleFiles] = text;
const findings = checkLocales(files);

const parsed = (name: keyof LocaleFiles): Record<string, unknown> => {
  try {
    return JSON.parse(files[name] ?? '{}');
  } catch {
    return {};
  }
};

function render() {
  const lv = parsed('lv/faq.json') as Faq;
  const en = parsed('en/faq.json') as Faq;
  const { table, elsewhere } = entryTable(
    [
      { lang: 'lv', label: 'Latviešu', faq: lv },
      { lang: 'en', label: 'English', faq: en },
    ],
    findings,
  );

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
    table,
    el('h2', {}, 'Interface text (ui.json)'),
    el('table', {}, el('thead', {}, uiHead), el('tbody', {}, ...uiRows)),
  );
}

render();
