import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountWidget, settle } from './helpers';
import type { WidgetHandle } from '../../src/types';

let widgets: WidgetHandle[] = [];
async function open(options = {}) {
  const w = await mountWidget({ lang: 'lv', ...options });
  widgets.push(w.widget);
  await settle(() => w.ui.getByRole('button', { name: 'Palīdzība' }).click());
  const input = w.ui.getByRole('combobox', { name: 'Meklēt palīdzības rakstos' }) as HTMLInputElement;
  const type = (value: string) => settle(() => fireEvent.input(input, { target: { value } }));
  const key = (k: string, init: KeyboardEventInit = {}) => settle(() => fireEvent.keyDown(w.root.activeElement ?? input, { key: k, ...init }));
  return { ...w, input, type, key };
}

afterEach(() => {
  widgets.forEach((w) => w.destroy());
  widgets = [];
  localStorage.clear();
});

describe('launcher mode', () => {
  it('shows a real launcher button that opens a labelled dialog and focuses the search box', async () => {
    const { ui, input, focused } = await open();
    const launcher = ui.getByRole('button', { name: 'Palīdzība' });
    expect(launcher.tagName).toBe('BUTTON');
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(ui.getByRole('dialog', { name: 'Palīdzības centrs' }).getAttribute('aria-modal')).toBe('true');
    expect(focused()).toBe(input);
  });

  it('browses by topic before anything is typed', async () => {
    const { ui } = await open();
    const list = ui.getByRole('listbox', { name: 'Tēmas' });
    expect(list.querySelectorAll('[role="group"]')).toHaveLength(5);
    expect(ui.getAllByRole('option')).toHaveLength(32);
  });

  it('finds an answer typed without diacritics and highlights the matched word', async () => {
    const { ui, type, input } = await open();
    await type('izdegsana');
    const [first] = ui.getAllByRole('option');
    expect(first.textContent).toContain('grūts');
    expect(first.querySelector('mark')?.textContent?.toLowerCase()).toMatch(/^izdegšan/);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');
  });

  it('announces the result count with Latvian plurals in a polite live region', async () => {
    const { root, type } = await open();
    const live = root.querySelector('[aria-live="polite"]')!;
    await type('zvanu');
    expect(live.textContent).toMatch(/^\d+ rezultāt(s|i|u)$/);
    await type('bakalaurs'); // only the entry on education and experience
    expect(live.textContent).toBe('1 rezultāts');
  });

  it('moves with ↑/↓, opens with Enter, and shows the article with related entries and feedback', async () => {
    const { ui, type, key, focused, input } = await open();
    await type('alga');
    await key('ArrowDown');
    await key('ArrowUp');
    const active = ui.getByRole('option', { selected: true });
    const question = active.querySelector('.faq-option-question')!.textContent!;
    await settle(() => fireEvent.keyDown(input, { key: 'Enter' }));
    const heading = ui.getByRole('heading', { level: 3, name: question });
    expect(focused()).toBe(heading);
    expect(ui.getByRole('navigation', { name: 'Saistītie jautājumi' }).querySelectorAll('button').length).toBeGreaterThan(0);
    await settle(() => ui.getByRole('button', { name: 'Jā' }).click());
    expect(ui.getByText('Paldies par atsauksmi!').getAttribute('role')).toBe('status');
    await settle(() => ui.getByRole('button', { name: 'Atpakaļ' }).click());
    expect(focused()).toBe(input);
    expect(ui.getAllByRole('option').length).toBeGreaterThan(0);
  });

  it('opens a related entry from the article', async () => {
    const { ui, widget } = await open();
    await settle(() => widget.openArticle('salary'));
    const related = ui.getByRole('navigation', { name: 'Saistītie jautājumi' }).querySelector('button')!;
    const question = related.textContent!;
    await settle(() => related.click());
    expect(ui.getByRole('heading', { level: 3 }).textContent).toBe(question);
  });

  it('offers the contact link after a "No"', async () => {
    const { ui, widget } = await open({ contactUrl: 'mailto:help@example.lv' });
    await settle(() => widget.openArticle('salary'));
    await settle(() => ui.getByRole('button', { name: 'Nē' }).click());
    expect(ui.getByRole('link', { name: 'Sazinieties ar mums' }).getAttribute('href')).toBe('mailto:help@example.lv');
  });

  it('Esc clears the query first, then closes and returns focus to the launcher', async () => {
    const { ui, type, key, input, focused, widget } = await open();
    await type('alga');
    await key('Escape');
    expect(input.value).toBe('');
    expect(widget.isOpen()).toBe(true);
    await key('Escape');
    expect(widget.isOpen()).toBe(false);
    expect(ui.queryByRole('dialog')).toBeNull();
    expect(focused()).toBe(ui.getByRole('button', { name: 'Palīdzība' }));
  });

  it('ignores keys while an input method is composing', async () => {
    const { ui, type, input, widget } = await open();
    await type('alga');
    const before = ui.getByRole('option', { selected: true }).id;
    await settle(() => fireEvent.keyDown(input, { key: 'ArrowDown', isComposing: true }));
    await settle(() => fireEvent.keyDown(input, { key: 'Enter', isComposing: true }));
    await settle(() => fireEvent.keyDown(input, { key: 'Escape', isComposing: true }));
    expect(ui.getByRole('option', { selected: true }).id).toBe(before);
    expect(ui.queryByRole('heading', { level: 3 })).toBeNull();
    expect(input.value).toBe('alga');
    expect(widget.isOpen()).toBe(true);
  });

  it('moves focus to the heading of an article opened through the API', async () => {
    const w = await mountWidget({ lang: 'lv' });
    widgets.push(w.widget);
    await settle(() => w.widget.openArticle('salary'));
    expect(w.focused()).toBe(w.ui.getByRole('heading', { level: 3 }));
  });

  it('lets Shift+Tab from the article heading take the browser order, not wrap', async () => {
    const { ui, widget, focused } = await open();
    await settle(() => widget.openArticle('salary'));
    const heading = ui.getByRole('heading', { level: 3 });
    const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true });
    await settle(() => heading.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(false);
    expect(focused()).toBe(heading);
  });

  it('keeps Tab inside the open dialog', async () => {
    const { ui, focused } = await open({ contactUrl: 'tel:+37160000000' });
    const tabbables = [...ui.getByRole('dialog').querySelectorAll<HTMLElement>('button, input, a[href], [tabindex="0"]')];
    const [first, last] = [tabbables[0], tabbables[tabbables.length - 1]];
    first.focus();
    await settle(() => fireEvent.keyDown(first, { key: 'Tab', shiftKey: true }));
    expect(focused()).toBe(last);
    await settle(() => fireEvent.keyDown(last, { key: 'Tab' }));
    expect(focused()).toBe(first);
  });

  it('switches language from the visible switcher, keeping the query and re-running the search', async () => {
    const { ui, type, input, root } = await open();
    await type('stress');
    await settle(() => ui.getByRole('button', { name: /^EN/ }).click());
    await waitFor(() => expect(ui.getAllByRole('option').length).toBeGreaterThan(0));
    expect(ui.getByRole('dialog', { name: 'Help centre' })).toBeTruthy();
    expect((ui.getByRole('combobox', { name: 'Search the help articles' }) as HTMLInputElement).value).toBe('stress');
    expect(input.isConnected).toBe(true);
    expect(root.querySelector('.faq-root')!.getAttribute('lang')).toBe('en');
    expect(ui.getAllByRole('option')[0].getAttribute('lang')).toBeNull();
    expect(localStorage.getItem('faq-widget:lang')).toBe('en');
  });

  it('offers results in the other language, marked with lang, when this one has none', async () => {
    const { ui, type, root } = await open();
    await type('salary');
    // English is fetched and indexed once the Latvian search comes up empty.
    await waitFor(() => expect(ui.getByText('Latviešu valodā nekas netika atrasts, bet ir atbildes angļu valodā:')).toBeTruthy());
    expect(ui.getAllByRole('option')[0].getAttribute('lang')).toBe('en');
    expect(root.querySelector('[aria-live="polite"]')!.textContent).toBe('Latviešu valodā nekas netika atrasts, bet angļu valodā ir 1 rezultāts.');
  });

  it('says so when nothing matches, suggests entries and offers the contact link', async () => {
    const { ui, type } = await open({ contactUrl: 'https://example.com/contact' });
    await type('qqqxzv');
    expect(ui.getAllByText('Pēc vaicājuma „qqqxzv” nekas netika atrasts.').map((el) => el.className)).toEqual(['faq-empty-title', 'faq-sr']);
    expect(ui.getByRole('listbox', { name: 'Ieteiktie jautājumi' }).querySelectorAll('[role="option"]')).toHaveLength(3);
    const contact = ui.getByRole('link', { name: /Sazinieties ar mums/ });
    expect(contact.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders answers as elements, with external links opening safely', async () => {
    const { ui, widget } = await open();
    await settle(() => widget.openArticle('getting-hired'));
    const article = ui.getByRole('article');
    expect(article.querySelector('ol li')).toBeTruthy();
    const external = [...article.querySelectorAll('a')].find((a) => a.href.startsWith('https:'))!;
    expect(external.target).toBe('_blank');
    expect(external.rel).toBe('noopener noreferrer');
  });

  it('closes from the close button and the launcher, with open and close events', async () => {
    const { ui, widget, host } = await open();
    const seen: string[] = [];
    widget.on('close', () => seen.push('close'));
    host.addEventListener('faqwidget:open', () => seen.push('dom:open'));
    await settle(() => ui.getByRole('button', { name: 'Aizvērt palīdzību' }).click());
    expect(widget.isOpen()).toBe(false);
    await settle(() => ui.getByRole('button', { name: 'Palīdzība' }).click());
    expect(seen).toEqual(['close', 'dom:open']);
  });

  it('uses the data-position side', async () => {
    const { root } = await open({ position: 'left' });
    expect(root.querySelector('.faq-root')!.classList.contains('faq-left')).toBe(true);
  });

  it('warns about a bad option value and uses the default', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { root } = await open({ theme: 'purple' as never });
    expect(root.querySelector('.faq-root')!.getAttribute('data-theme')).toBe('auto');
    expect(warn).toHaveBeenCalledWith('faq-widget: theme "purple" is not one of auto, light, dark; "auto" is used');
    warn.mockRestore();
  });
});
