import { describe, expect, it } from 'vitest';
import { markForbidden } from '../../src/pages/sideBySide';
import { markStale } from '../../src/pages/stale';

/** The translator page's marks, drawn on plain elements (src/pages). */
describe('stale translations on the translator page', () => {
  // What src/core/sources.ts's diffWords(old, new) gives for "Pay is set monthly" → "Pay is set weekly, in euro".
  const diff = [
    { type: 'same', text: 'Pay is set ' },
    { type: 'removed', text: 'monthly' },
    { type: 'added', text: 'weekly, in euro' },
  ] as const;

  it('marks the cell and shows the English change, added words inserted and removed ones struck', () => {
    const cell = document.createElement('td');
    cell.textContent = 'Algu nosaka reizi mēnesī';
    markStale(cell, [...diff]);
    expect(cell.classList.contains('stale')).toBe(true);
    const shown = cell.querySelector('.stale-diff')!;
    expect(shown.querySelector('summary')!.textContent).toBe('Stale: the English changed since this was translated');
    expect(shown.querySelector('p')!.innerHTML).toBe('Pay is set <del>monthly</del><ins>weekly, in euro</ins>');
    expect(cell.lastChild!.textContent).toBe('Algu nosaka reizi mēnesī'); // the translation itself stays as it is
  });

  it('replaces an earlier mark when the English changes again', () => {
    const cell = document.createElement('td');
    markStale(cell, [...diff]);
    markStale(cell, [{ type: 'added', text: 'New text' }]);
    expect(cell.querySelectorAll('.stale-diff')).toHaveLength(1);
    expect(cell.querySelector('.stale-diff p')!.innerHTML).toBe('<ins>New text</ins>');
  });
});

describe('glossary marks in a cell', () => {
  const terms = [{ id: 'escalation', en: 'escalation', lv: 'sarežģīta saruna, ko nodod vadītājam', forbidden: { lv: ['eskalēt'], en: [] } }];

  it('wraps the forbidden word, keeps the text around it and the markup', () => {
    const cell = document.createElement('td');
    cell.innerHTML = '<p>Vadītājs <strong>pārņem eskalētos</strong> zvanus.</p>';
    markForbidden(cell, terms, 'lv');
    expect(cell.innerHTML).toBe('<p>Vadītājs <strong>pārņem <mark class="forbidden" title="Glossary &quot;escalation&quot;: write &quot;sarežģīta saruna, ko nodod vadītājam&quot;">eskalētos</mark></strong> zvanus.</p>');
  });
});
