/**
 * Stale translations on the translator page: a text whose English source changed since it was
 * translated is marked, with the English change word by word. The diff comes from
 * src/core/sources.ts (`diffWords(old, new)` over `staleTexts(files, sidecar)`); this file only
 * draws it, so the page can show it wherever a cell is.
 */
import { el } from './sideBySide';

/** One run of words in the English diff: kept, added in the new text, or gone from the old one. */
export interface DiffPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Marks `cell` as translated from an older English text, and shows what changed in the English
 * (added words as <ins>, removed as <del>). Marking again replaces the earlier mark.
 */
export function markStale(cell: HTMLElement, diff: DiffPart[]): void {
  cell.querySelector(':scope > .stale-diff')?.remove();
  cell.classList.add('stale');
  const words = diff.map((part) => (part.type === 'same' ? part.text : el(part.type === 'added' ? 'ins' : 'del', {}, part.text)));
  cell.prepend(
    el(
      'details',
      { className: 'stale-diff' },
      el('summary', {}, 'Stale: the English changed since this was translated'),
      el('p', { lang: 'en' }, ...words),
    ),
  );
}
