/**
 * The page `faq-widget preview` serves: the owner's content in the widget, beside the checks'
 * findings and every entry side by side. When the server says a file was saved, the findings and
 * entries are drawn again and the widget is mounted afresh, in the language the visitor had and
 * on the article they had open (the widget keeps it in the address: urlState).
 */
import type { Finding } from '../core/check';
import type { FaqWidgetApi, Lang, WidgetHandle } from '../types';
import { el, entryTable, findingList, type Column, type Faq } from './sideBySide';
import './side-by-side.css';
import './preview.css';

/** What /state.json says (src/cli/preview.ts, PreviewState). */
interface State {
  template: string;
  files: { lang: Lang; file: string; text: string | null }[];
  findings: Finding[];
}

const NAMES: Record<Lang, string> = { lv: 'Latviešu', en: 'English' };
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The entries of a file, or nothing when it does not parse (the findings say why). */
function faqOf(text: string): Faq | undefined {
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, '')); // as the browser reads it
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Faq) : undefined;
  } catch {
    return undefined;
  }
}

function render(state: State) {
  const columns: Column[] = state.files.flatMap(({ lang, file, text }) => {
    const faq = text === null ? undefined : faqOf(text);
    return faq ? [{ lang, label: `${NAMES[lang]} (${file})`, faq }] : [];
  });
  const { table } = entryTable(columns, state.findings);
  const errors = state.findings.filter((f) => f.level === 'error').length;
  const status = document.getElementById('summary')!;
  const present = state.files.filter((f) => f.text !== null).length;
  status.textContent = `${count(present, 'file')} checked, ${count(errors, 'error')}, ${count(state.findings.length - errors, 'warning')}${errors ? '' : ' — ok'}`;
  status.classList.toggle('failing', errors > 0);
  document.getElementById('app')!.replaceChildren(
    el('h2', {}, 'Findings'),
    findingList(state.findings),
    el('h2', {}, 'Entries'),
    columns.length ? table : el('p', { className: 'missing' }, 'No file could be read: see the findings.'),
  );
}

let widget: WidgetHandle | undefined;

/** Mounts the widget on the served content: again after a save, in the language it was showing. */
function mountWidget(state: State) {
  const api = window.FaqWidget as FaqWidgetApi;
  const lang = widget?.language ?? state.files.find((f) => f.text !== null)?.lang;
  // The open article is in the address (#faq=en/returns); taking the widget down clears it. It
  // opens again in the language the visitor chose (a failed file may have shown it in the other);
  // on the first mount, the address (a reload, a shared link) says which.
  const article = widget && lang ? location.hash.replace(/^#faq=(lv|en)\//, `#faq=${lang}/`) : location.hash;
  widget?.destroy();
  if (article !== location.hash) history.replaceState(history.state, '', article || location.pathname);
  widget = api.mount({ mode: 'inline', target: '#widget', content: '/content/{{lng}}.json', urlState: true, preload: 'eager', lang });
}

async function refresh() {
  const response = await fetch('/state.json', { cache: 'no-store' });
  const state = (await response.json()) as State;
  render(state);
  mountWidget(state);
}

const connection = document.getElementById('connection')!;
const events = new EventSource('/events');
events.addEventListener('change', () => void refresh());
// The browser reconnects by itself; meanwhile the owner should know saves will not show.
events.addEventListener('error', () => {
  connection.textContent = 'Not connected to faq-widget preview: start it again to see your changes.';
});
events.addEventListener('open', () => {
  if (!connection.textContent) return;
  connection.textContent = '';
  void refresh(); // files may have changed while nobody was listening
});
void refresh();
