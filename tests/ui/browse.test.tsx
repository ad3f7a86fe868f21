import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang, WidgetHandle } from '../../src/types';
import { mountWidget, settle } from './helpers';

/**
 * Browsing reaches every entry: the home view lists a few per category and a "Show all N"
 * option after a category with more; that opens the category view, a listbox of all its
 * entries (a page at a time), walked like every other list of the widget.
 */

/** Owner content with categories of these sizes; entry `A7` is the 7th of category A. */
function topics(lang: Lang, sizes: Record<string, number>) {
  const word = lang === 'lv' ? 'Jautājums' : 'Question';
  const categories = Object.fromEntries(Object.keys(sizes).map((c) => [c, lang === 'lv' ? `Tēma ${c}` : `Topic ${c}`]));
  const entries = Object.fromEntries(
    Object.entries(sizes).flatMap(([c, n]) =>
      Array.from({ length: n }, (_, i) => [`${c}${i + 1}`, { category: c, question: `${word} ${c}${i + 1}?`, answer: `${c} ${i + 1}.`, related: [`${c}1`] }]),
    ),
  );
  return { categories, entries };
}

// One category per plural case of "Show all N" and "Show N more" (the view pages by 50).
const SIZES = { A: 60, B: 71, C: 52, D: 51, E: 3 };

let widgets: WidgetHandle[] = [];
afterEach(() => {
  widgets.forEach((w) => w.destroy());
  widgets = [];
  localStorage.clear();
  vi.restoreAllMocks();
});

async function open(lang: Lang = 'lv', sizes: Record<string, number> = SIZES) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => new Response(JSON.stringify(topics(String(url).includes('/en.') ? 'en' : 'lv', sizes))));
  const w = await mountWidget({ lang, content: '/help/{{lng}}.json' });
  widgets.push(w.widget);
  await settle(() => w.widget.open());
  await waitFor(() => expect(w.ui.getAllByRole('option').length).toBeGreaterThan(0));
  const input = w.ui.getByRole('combobox') as HTMLInputElement;
  const key = (k: string, times = 1) =>
    settle(async () => {
      for (let i = 0; i < times; i++) fireEvent.keyDown(input, { key: k });
    });
  const active = () => w.root.getElementById(input.getAttribute('aria-activedescendant') ?? '');
  const live = w.root.querySelector('[aria-live="polite"]')!;
  return { ...w, input, key, active, live };
}

describe('the home view', () => {
  it('lists every category, eight entries each, and "Show all N" only after a category with more', async () => {
    const { ui } = await open();
    const list = ui.getByRole('listbox', { name: 'Tēmas' });
    const groups = [...list.querySelectorAll('[role="group"]')];
    expect(groups.map((g) => g.firstElementChild!.textContent)).toEqual(['Tēma A', 'Tēma B', 'Tēma C', 'Tēma D', 'Tēma E']);
    const options = groups.map((g) => [...g.querySelectorAll('[role="option"]')].map((o) => o.textContent));
    expect(options[0]).toEqual([...Array.from({ length: 8 }, (_, i) => `Jautājums A${i + 1}?`), 'Rādīt visu tēmu (60 jautājumu)']);
    expect(options[4]).toEqual(['Jautājums E1?', 'Jautājums E2?', 'Jautājums E3?']);
  });

  it.each([
    ['lv', ['Rādīt visu tēmu (60 jautājumu)', 'Rādīt visu tēmu (71 jautājums)', 'Rādīt visu tēmu (52 jautājumi)', 'Rādīt visu tēmu (51 jautājums)']],
    ['en', ['Show all 60 questions', 'Show all 71 questions', 'Show all 52 questions', 'Show all 51 questions']],
  ] as const)('%s: says "Show all N" with the plural form of N', async (lang, texts) => {
    const { root } = await open(lang);
    expect([...root.querySelectorAll('.faq-more')].map((o) => o.textContent)).toEqual(texts);
  });
});

describe('the category view', () => {
  it('opens from "Show all" by keyboard: heading, listbox of the category, first entry highlighted, announced', async () => {
    const { ui, key, input, active, live, focused } = await open();
    await key('ArrowDown', 9);
    expect(active()!.textContent).toBe('Rādīt visu tēmu (60 jautājumu)');
    await key('Enter');
    expect(ui.getByRole('heading', { level: 3, name: 'Tēma A' })).toBeTruthy();
    const list = ui.getByRole('listbox', { name: 'Tēma A' });
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(active()!.textContent).toBe('Jautājums A1?');
    expect(active()!.getAttribute('aria-selected')).toBe('true');
    expect(focused()).toBe(input);
    expect(live.textContent).toBe('Tēmā „Tēma A” ir 60 jautājumu.');
    expect(ui.queryByRole('listbox', { name: 'Tēmas' })).toBeNull();
  });

  it.each([
    ['lv', 'A', 'Tēmā „Tēma A” ir 60 jautājumu.', 'Rādīt vēl 10 jautājumus'],
    ['lv', 'B', 'Tēmā „Tēma B” ir 71 jautājums.', 'Rādīt vēl 21 jautājumu'],
    ['lv', 'C', 'Tēmā „Tēma C” ir 52 jautājumi.', 'Rādīt vēl 2 jautājumus'],
    ['lv', 'D', 'Tēmā „Tēma D” ir 51 jautājums.', 'Rādīt vēl 1 jautājumu'],
    ['en', 'A', 'Topic “Topic A”: 60 questions.', 'Show 10 more questions'],
    ['en', 'B', 'Topic “Topic B”: 71 questions.', 'Show 21 more questions'],
    ['en', 'D', 'Topic “Topic D”: 51 questions.', 'Show 1 more question'],
  ] as const)('%s, category %s: announces "%s" and offers "%s" after the first 50', async (lang, category, announced, more) => {
    const { ui, root, live } = await open(lang);
    const name = lang === 'lv' ? `Rādīt visu tēmu \\(${SIZES[category]}` : `Show all ${SIZES[category]}`;
    await settle(() => ui.getByRole('option', { name: new RegExp(`^${name}`) }).click());
    expect(live.textContent).toBe(announced);
    const options = ui.getAllByRole('option');
    expect(options).toHaveLength(51);
    expect(root.querySelector('.faq-more')).toBe(options[50]);
    expect(options[50].textContent).toBe(more);
  });

  it('shows a category of 5,000 entries 50 at a time; "Show more" adds 50 and highlights the first new one', async () => {
    const { ui, key, active } = await open('en', { Big: 5000 });
    await settle(() => ui.getByRole('option', { name: 'Show all 5000 questions' }).click());
    expect(ui.getAllByRole('option')).toHaveLength(51);
    await key('ArrowUp'); // wraps to the last option
    expect(active()!.textContent).toBe('Show 50 more questions');
    await key('Enter');
    expect(ui.getAllByRole('option')).toHaveLength(101);
    expect(active()!.textContent).toBe('Question Big51?');
  });

  it('walks to the last entry by keyboard, opens it, and Back returns to the category with that entry highlighted', async () => {
    const { ui, key, input, active, focused } = await open();
    await key('ArrowDown', 9);
    await key('Enter'); // Show all 60
    await key('ArrowUp');
    await key('Enter'); // Show 10 more
    expect(active()!.textContent).toBe('Jautājums A51?');
    await key('ArrowDown', 9);
    expect(active()!.textContent).toBe('Jautājums A60?');
    await key('Enter');
    const heading = ui.getByRole('heading', { level: 3, name: 'Jautājums A60?' });
    expect(focused()).toBe(heading);
    await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
    expect(ui.getByRole('heading', { level: 3, name: 'Tēma A' })).toBeTruthy();
    expect(ui.getAllByRole('option')).toHaveLength(60);
    expect(focused()).toBe(input);
    expect(active()!.textContent).toBe('Jautājums A60?');
  });

  it('returns to the category from an article reached through a related link', async () => {
    const { ui } = await open();
    await settle(() => ui.getByRole('option', { name: 'Rādīt visu tēmu (60 jautājumu)' }).click());
    await settle(() => ui.getByRole('option', { name: 'Jautājums A5?' }).click());
    await settle(() => ui.getByRole('navigation').querySelector('button')!.click());
    expect(ui.getByRole('heading', { level: 3, name: 'Jautājums A1?' })).toBeTruthy();
    await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
    expect(ui.getByRole('heading', { level: 3, name: 'Tēma A' })).toBeTruthy();
  });

  it('Back returns home, focus in the search box, on the "Show all" option it came from', async () => {
    const { ui, key, input, active, focused } = await open();
    await key('ArrowDown', 18); // B's "Show all"
    await key('Enter');
    expect(ui.getByRole('heading', { level: 3, name: 'Tēma B' })).toBeTruthy();
    await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
    expect(ui.getByRole('listbox', { name: 'Tēmas' })).toBeTruthy();
    expect(ui.queryByRole('heading', { level: 3 })).toBeNull();
    expect(focused()).toBe(input);
    expect(active()!.textContent).toBe('Rādīt visu tēmu (71 jautājums)');
  });

  it('Esc closes the panel from the category view; opening it again shows the category, focus in the search box', async () => {
    const { ui, key, input, focused, widget } = await open();
    await key('ArrowDown', 9);
    await key('Enter');
    await key('Escape');
    expect(widget.isOpen()).toBe(false);
    await settle(() => widget.open());
    expect(ui.getByRole('heading', { level: 3, name: 'Tēma A' })).toBeTruthy();
    expect(focused()).toBe(ui.getByRole('combobox'));
    expect(input.isConnected).toBe(false); // a new panel, with a new search box
  });

  it('searches as usual when the visitor types from the category view', async () => {
    const { ui, input, live } = await open();
    await settle(() => ui.getByRole('option', { name: 'Rādīt visu tēmu (60 jautājumu)' }).click());
    await settle(() => fireEvent.input(input, { target: { value: 'B7' } }));
    expect(ui.queryByRole('heading', { level: 3 })).toBeNull();
    await waitFor(() => expect(ui.getByRole('listbox', { name: 'Meklēšanas rezultāti' })).toBeTruthy());
    expect(ui.getAllByRole('option')[0].textContent).toContain('Jautājums B7?');
    expect(live.textContent).toMatch(/rezultāt/);
  });

  it('follows a language switch: the category stays, in the other language', async () => {
    const { ui, widget } = await open();
    await settle(() => ui.getByRole('option', { name: 'Rādīt visu tēmu (52 jautājumi)' }).click());
    await settle(() => widget.setLanguage('en'));
    await waitFor(() => expect(ui.getByRole('heading', { level: 3, name: 'Topic C' })).toBeTruthy());
    expect(ui.getAllByRole('option')[0].textContent).toBe('Question C1?');
  });
});
