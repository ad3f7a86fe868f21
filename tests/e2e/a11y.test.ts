import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, hostPage, launch, openPage, serve, widgetIn } from './harness';

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) in every state, both languages, light and dark, and on
 * a phone; then the screen-reader semantics asserted directly.
 */

// Content in which each fruit occurs in exactly 1, 2, 10, 11 or 21 entries: one query per plural case.
const FRUITS: [string, number][] = [['kivi', 1], ['mango', 2], ['papaija', 10], ['banāns', 11], ['citrons', 21]];
const counted = (lang: 'lv' | 'en') => ({
  categories: { c: lang === 'lv' ? 'Augļi' : 'Fruit' },
  entries: Object.fromEntries(
    Array.from({ length: 21 }, (_, i) => [
      `e${i + 1}`,
      {
        category: 'c',
        question: `${lang === 'lv' ? 'Jautājums' : 'Question'} ${i + 1}`,
        answer: FRUITS.filter(([, n]) => i < n).map(([fruit]) => fruit).join(' '),
      },
    ]),
  ),
});

const MATRIX = (['lv', 'en'] as const).flatMap((lang) =>
  (['light', 'dark'] as const).flatMap((theme) => ([1280, 375] as const).map((width) => [lang, theme, width] as const)),
);

// One answer with every construct of the markup: sub-heading, italic, code, quote, line break, lists, link.
const STRUCTURED = '### Īsumā\nParasti **50–80 zvanu** maiņā, *atkarībā* no līnijas.\nPasūtījuma numurs: `A-123`.\n\n> Vadītāja piezīme: **pauzes** ir *svarīgas*, `Iestatījumi → Pauzes`.\n>\n> Otrā rindkopa.\n\n- viens\n- [divi](#faq/e)';
const structured = (lang: 'lv' | 'en') => ({ categories: { c: lang === 'lv' ? 'Darbs' : 'Work' }, entries: { e: { category: 'c', question: lang === 'lv' ? 'Cik zvanu?' : 'How many calls?', answer: STRUCTURED } } });

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const contact = 'data-contact-url="mailto:help@example.lv"';
  server = await serve({
    '/lv-light.html': { body: hostPage({ lang: 'lv', script: `data-theme="light" ${contact}` }) },
    '/lv-dark.html': { body: hostPage({ lang: 'lv', script: `data-theme="dark" ${contact}` }) },
    '/en-light.html': { body: hostPage({ lang: 'en', script: `data-theme="light" ${contact}` }) },
    '/en-dark.html': { body: hostPage({ lang: 'en', script: `data-theme="dark" ${contact}` }) },
    // Theme "auto" here: the error pages follow the emulated colour scheme.
    '/lv-error.html': { body: hostPage({ lang: 'lv', script: `data-content="/missing/{{lng}}.json" ${contact}` }) },
    '/en-error.html': { body: hostPage({ lang: 'en', script: `data-content="/missing/{{lng}}.json" ${contact}` }) },
    '/partial.html': { body: hostPage({ lang: 'lv', script: 'data-content="/partial/{{lng}}.json"' }) },
    '/partial/lv.json': { body: JSON.stringify({ categories: { c: 'Darbs' }, entries: { pay: { category: 'c', question: 'Kāda ir alga?', answer: 'Laba.' } } }) },
    '/partial/en.json': {
      body: JSON.stringify({
        categories: { c: 'Work' },
        entries: {
          pay: { category: 'c', question: 'What is the pay?', answer: 'Good.' },
          overtime: { category: 'c', question: 'Is overtime paid?', answer: 'Yes, at a higher rate.' },
        },
      }),
    },
    '/structured-light.html': { body: hostPage({ lang: 'lv', script: 'data-theme="light" data-content="/structured/{{lng}}.json"' }) },
    '/structured-dark.html': { body: hostPage({ lang: 'lv', script: 'data-theme="dark" data-content="/structured/{{lng}}.json"' }) },
    '/structured/lv.json': { body: JSON.stringify(structured('lv')) },
    '/structured/en.json': { body: JSON.stringify(structured('en')) },
    '/counted.html': { body: hostPage({ lang: 'lv', script: 'data-content="/counted/{{lng}}.json"' }) },
    // Owner content with a category of 21 entries: the home view lists 8 and "Show all 21".
    ...Object.fromEntries(
      MATRIX.map(([lang, theme]) => [`/counted-${lang}-${theme}.html`, { body: hostPage({ lang, script: `data-theme="${theme}" data-content="/counted/{{lng}}.json"` }) }]),
    ),
    '/counted/lv.json': { body: JSON.stringify(counted('lv')) },
    '/counted/en.json': { body: JSON.stringify(counted('en')) },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});


const NAMES = {
  lv: { launcher: 'Palīdzība', query: 'alga', none: 'qqqxzv' },
  en: { launcher: 'Help', query: 'salary', none: 'qqqxzv' },
};


describe.each(MATRIX)('axe, %s, %s theme, %i px wide', (lang, theme, width) => {
  it('reports no violation closed, open and empty, with results, with no results, and in an article', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/${lang}-${theme}.html`, {
      width,
      height: width < 480 ? 667 : 800,
    });
    const w = widgetIn(page);
    const launcher = w.getByRole('button', { name: NAMES[lang].launcher });
    await launcher.waitFor();
    expect(await axe(page), 'closed').toEqual([]);
    await launcher.click();
    await w.getByRole('option').first().waitFor();
    expect(await axe(page), 'open and empty').toEqual([]);
    await w.getByRole('combobox').fill(NAMES[lang].query);
    await expect.poll(() => w.getByRole('listbox', { name: lang === 'lv' ? 'Meklēšanas rezultāti' : 'Search results' }).count()).toBe(1);
    expect(await axe(page), 'results').toEqual([]);
    await w.getByRole('combobox').fill(NAMES[lang].none);
    await w.locator('.faq-empty').waitFor();
    expect(await axe(page), 'no results').toEqual([]);
    await w.getByRole('option').first().click();
    await w.getByRole('heading', { level: 3 }).waitFor();
    expect(await axe(page), 'article').toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe.each(MATRIX)('axe in the category view, %s, %s theme, %i px wide', (lang, theme, width) => {
  it('reports no violation on a highlighted "Show all", in the category it opens, nor in an article opened from there', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/counted-${lang}-${theme}.html`, { width, height: width < 480 ? 667 : 800 });
    const w = widgetIn(page);
    await w.getByRole('button', { name: NAMES[lang].launcher }).click();
    const showAll = w.getByRole('option', { name: lang === 'lv' ? 'Rādīt visu tēmu (21 jautājums)' : 'Show all 21 questions' });
    await showAll.waitFor();
    for (let i = 0; i < 9; i++) await w.getByRole('combobox').press('ArrowDown');
    expect(await showAll.getAttribute('aria-selected')).toBe('true');
    expect(await axe(page), '"Show all" highlighted').toEqual([]);
    await w.getByRole('combobox').press('Enter');
    await w.getByRole('heading', { level: 3, name: lang === 'lv' ? 'Augļi' : 'Fruit' }).waitFor();
    await w.getByRole('combobox').press('ArrowDown');
    expect(await axe(page), 'category view').toEqual([]);
    await w.getByRole('combobox').press('Enter');
    await w.getByRole('heading', { level: 3, name: /^(Jautājums|Question) 2$/ }).waitFor();
    expect(await axe(page), 'article from the category view').toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe.each(['light', 'dark'] as const)('axe, an answer with every markup construct, %s theme', (theme) => {
  it('reports no violation (contrast of code, quotes and sub-headings included)', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/structured-${theme}.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: NAMES.lv.launcher }).click();
    await w.getByRole('option').first().click();
    await w.getByRole('heading', { level: 4, name: 'Īsumā' }).waitFor();
    const answer = w.locator('.faq-answer');
    for (const tag of ['strong', 'em', 'code', 'blockquote', 'br', 'ul', 'a']) expect(await answer.locator(tag).count(), tag).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe.each(MATRIX.filter(([, , width]) => width > 480))('axe, %s error state, %s theme', (lang, theme) => {
  it('reports no violation when content could not be loaded', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/${lang}-error.html?${theme}`, { colorScheme: theme });
    const w = widgetIn(page);
    await w.getByRole('button', { name: NAMES[lang].launcher }).click();
    await w.getByRole('alert').waitFor();
    expect(await axe(page)).toEqual([]);
    // The failure is reported in the console on purpose; nothing else is.
    expect(problems.filter((p) => !p.includes('/missing/') && !p.includes('404'))).toEqual([]);
    await close();
  });
});

describe('screen-reader semantics', () => {
  it('names the dialog and wires the combobox to the listbox', async () => {
    const { page, close } = await openPage(browser, `${server.url}/lv-light.html`);
    const w = widgetIn(page);
    const launcher = w.getByRole('button', { name: 'Palīdzība' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const dialog = w.getByRole('dialog', { name: 'Palīdzības centrs' });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const input = w.getByRole('combobox', { name: 'Meklēt palīdzības rakstos' });
    await input.fill('alga');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    const listbox = w.getByRole('listbox', { name: 'Meklēšanas rezultāti' });
    expect(await input.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(await w.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await input.fill('qqqxzv');
    await expect.poll(() => w.getByRole('listbox', { name: 'Ieteiktie jautājumi' }).count()).toBe(1);
    await close();
  });

  it.each([
    ['kivi', '1 rezultāts', '1 result'],
    ['mango', '2 rezultāti', '2 results'],
    ['papaija', '10 rezultātu', '10 results'],
    ['banāns', '11 rezultātu', '11 results'],
    ['citrons', '21 rezultāts', '21 results'],
  ])('announces "%s" results politely: "%s" / "%s"', async (query, lv, en) => {
    const { page, close } = await openPage(browser, `${server.url}/counted.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    const live = w.locator('[aria-live="polite"]');
    expect(await live.getAttribute('role')).toBe('status');
    await w.getByRole('combobox').fill(query);
    await expect.poll(() => live.textContent()).toBe(lv);
    await w.getByRole('button', { name: /^EN/ }).click();
    await expect.poll(() => live.textContent()).toBe(en);
    await close();
  });

  it('marks results in the other language with their lang', async () => {
    const { page, close } = await openPage(browser, `${server.url}/lv-light.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').fill('salary');
    const option = w.getByRole('option').first();
    await expect.poll(() => option.getAttribute('lang')).toBe('en');
    expect(await w.locator('.faq-root').getAttribute('lang')).toBe('lv');
    await close();
  });

  it('marks an article that exists only in the other language with its lang, and says so', async () => {
    const { page, close } = await openPage(browser, `${server.url}/partial.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').fill('overtime');
    // Nothing in Latvian: English is fetched for the fallback, then its hit can be chosen.
    await w.getByRole('option', { name: /Is overtime paid\?/ }).waitFor();
    await w.getByRole('combobox').press('Enter');
    const heading = w.getByRole('heading', { level: 3, name: 'Is overtime paid?' });
    expect(await heading.evaluate((h) => h.closest('[lang]')!.getAttribute('lang'))).toBe('en');
    expect(await w.getByText('Šis raksts pieejams tikai angļu valodā.').count()).toBe(1);
    await close();
  });
});
