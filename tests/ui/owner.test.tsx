import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { optionsFromAttributes, resolveOptions } from '../../src/options';
import { mountWidget, settle } from './helpers';

/** An owner's site: a shop with a few entries per language. */
const shop = (lang: 'lv' | 'en', extra: Record<string, unknown> = {}) => ({
  categories: { orders: lang === 'lv' ? 'Pasūtījumi' : 'Orders' },
  entries: {
    delivery: { category: 'orders', question: lang === 'lv' ? 'Cik ilgi jāgaida piegāde?' : 'How long does delivery take?', answer: lang === 'lv' ? 'Divas dienas.' : 'Two days.' },
    returns: { category: 'orders', question: lang === 'lv' ? 'Kā atgriezt preci?' : 'How do I return an item?', answer: lang === 'lv' ? '14 dienās.' : 'Within 14 days.' },
    payment: { category: 'orders', question: lang === 'lv' ? 'Kā samaksāt?' : 'How do I pay?', answer: lang === 'lv' ? 'Ar karti.' : 'By card.' },
  },
  ...extra,
});

/** Files by path; anything else answers 404. `'broken'` is not valid JSON. */
const serve = (files: Record<string, unknown>) =>
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
    const body = files[new URL(String(url)).pathname];
    if (body === 'broken') return new Response('{ "entries": ');
    return body === undefined ? new Response('', { status: 404 }) : new Response(JSON.stringify(body));
  });
const requested = (fetch: ReturnType<typeof serve>) => fetch.mock.calls.map(([url]) => new URL(String(url)).pathname);

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the languages option', () => {
  it.each([
    ['lv', ['lv']],
    ['lv, en', ['lv', 'en']],
    [['en'], ['en']],
  ])('takes %j', (languages, expected) => {
    expect(resolveOptions({ languages }).languages).toEqual(expected);
  });

  it.each([['lt'], [['lv', 'de']], [5]])('warns about %j and keeps both languages', (languages) => {
    const warn = vi.fn();
    expect(resolveOptions({ languages }, warn).languages).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(`faq-widget: languages ${JSON.stringify(languages)} is not a list of lv, en; both are used`);
  });

  it('is read from data-languages and data-suggest', () => {
    const script = document.createElement('script');
    script.setAttribute('data-languages', 'lv');
    script.setAttribute('data-suggest', 'delivery, returns');
    expect(resolveOptions(optionsFromAttributes(script))).toMatchObject({ languages: ['lv'], suggest: ['delivery', 'returns'] });
  });
});

describe('a site in one language', () => {
  it('shows no language switch and never asks for the other file, even when a search finds nothing', async () => {
    const fetch = serve({ '/help/lv.json': shop('lv') });
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', languages: ['lv'], lang: 'auto' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getAllByRole('option')).toHaveLength(3));
    expect(ui.queryByRole('group', { name: 'Valoda' })).toBeNull();
    await settle(() => widget.search('zzqx'));
    expect(requested(fetch)).toEqual(['/help/lv.json']);
    expect(ui.queryByText('Daļu palīdzības rakstu neizdevās parādīt.')).toBeNull();
  });

  it("starts in the site's language whatever the visitor's browser prefers, and says when lang contradicts it", async () => {
    serve({ '/help/lv.json': shop('lv') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { widget } = await mountWidget({ content: '/help/{{lng}}.json', languages: ['lv'], lang: 'en' });
    expect(widget.language).toBe('lv');
    expect(warn).toHaveBeenCalledWith('faq-widget: lang "en" is not one of languages (lv); "lv" is used');
  });

  it('is learnt quietly when the other language\'s file is not there: no switch, no notice, no console', async () => {
    serve({ '/help/lv.json': shop('lv') });
    const error = vi.spyOn(console, 'error');
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('heading', { name: 'Palīdzības centrs' })).toBeTruthy());
    expect(ui.queryByRole('group', { name: 'Valoda' })).toBeNull();
    expect(ui.queryByText(/could not|neizdevās/)).toBeNull();
    expect(error).not.toHaveBeenCalled();
  });
});

describe("the visitor's language failed to load", () => {
  it("says so in the visitor's language and shows the other language's entries marked with their lang", async () => {
    serve({ '/help/lv.json': shop('lv'), '/help/en.json': 'broken' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByText('Help in English is not available right now, so the articles are shown in Latvian.')).toBeTruthy());
    const options = ui.getAllByRole('option');
    expect(options.map((o) => o.getAttribute('lang'))).toEqual(['lv', 'lv', 'lv']);
    expect(ui.getByRole('heading', { name: 'Help centre' })).toBeTruthy();
  });
});

describe("the owner's words", () => {
  it('uses the content\'s "ui" texts for the title, the placeholder and the launcher', async () => {
    serve({ '/help/en.json': shop('en', { ui: { title: 'Shop help', searchPlaceholder: 'Ask about orders…', launcher: 'Questions?' } }) });
    const { ui, widget, host } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('heading', { name: 'Shop help' })).toBeTruthy());
    expect(ui.getByRole('combobox').getAttribute('placeholder')).toBe('Ask about orders…');
    expect(host.shadowRoot!.querySelector('.faq-launcher')!.textContent).toBe('Questions?');
  });

  it('never shows an override it cannot use: the widget\'s own text instead, and a warning naming the key', async () => {
    serve({ '/help/en.json': shop('en', { ui: { title: 'Help for {{name}}' } }) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('heading', { name: 'Help centre' })).toBeTruthy());
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"title" has placeholders {{name}}; it needs none, as in ui.json; it is ignored'));
  });
});

describe('suggestions for the page', () => {
  const options = (ui: Awaited<ReturnType<typeof mountWidget>>['ui']) => ui.getAllByRole('option').map((o) => o.textContent);

  it('come first on the home view as a labelled group, and again when nothing is found', async () => {
    serve({ '/help/en.json': shop('en') });
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en', suggest: ['payment'] });
    await settle(() => widget.open());
    const group = await waitFor(() => ui.getByRole('group', { name: 'Suggested for this page' }));
    expect(group.textContent).toContain('How do I pay?');
    expect(options(ui)[0]).toBe('How do I pay?');
  });

  it('change through suggest(), and fall back to the owner\'s featured entries under their own label', async () => {
    serve({ '/help/en.json': shop('en', { featured: ['returns'] }) });
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en' });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('group', { name: 'Popular questions' }).textContent).toContain('How do I return an item?'));
    await settle(() => widget.suggest(['delivery']));
    expect(ui.getByRole('group', { name: 'Suggested for this page' }).textContent).toContain('How long does delivery take?');
    expect(ui.queryByRole('group', { name: 'Popular questions' })).toBeNull();
  });

  it('leave out an id the content does not have, with one console warning', async () => {
    serve({ '/help/en.json': shop('en') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ui, widget } = await mountWidget({ content: '/help/{{lng}}.json', lang: 'en', suggest: ['ghost', 'payment'] });
    await settle(() => widget.open());
    await waitFor(() => expect(ui.getByRole('group', { name: 'Suggested for this page' }).textContent).toBe('Suggested for this pageHow do I pay?'));
    expect(warn.mock.calls.filter(([m]) => String(m).includes('ghost'))).toEqual([['faq-widget: suggested entry "ghost" is not in the content; it is left out']]);
  });
});

describe('the content template', () => {
  it('says once per page that a relative template depends on the page, however many widgets use it', async () => {
    serve({ '/help/lv.json': shop('lv') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mountWidget({ content: 'help/{{lng}}.json', lang: 'lv' });
    await mountWidget({ content: 'help/{{lng}}.json', lang: 'lv' });
    expect(warn.mock.calls.filter(([m]) => String(m).includes('is relative'))).toHaveLength(1);
  });

  it('names the fix for a misspelt placeholder, and the absolute address in the load error', async () => {
    serve({});
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await mountWidget({ content: '/help/{{lang}}.json', lang: 'lv', languages: ['lv'] });
    expect(error).toHaveBeenCalledWith('faq-widget: content "/help/{{lang}}.json" has {{lang}}, which the widget does not fill in; write {{lng}} (it becomes lv or en)');
    expect(error).toHaveBeenCalledWith(`faq-widget: content could not be loaded: ${location.origin}/help/%7B%7Blang%7D%7D.json: the server answered 404`);
  });
});
