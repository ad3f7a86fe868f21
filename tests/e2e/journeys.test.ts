import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import enFaq from '../../locales/en/faq.json';
import { hostPage, isFocused, launch, openPage, serve, widgetIn } from './harness';

/** A visitor's journeys through the built widget in real Chromium, in Latvian and in English. */

type Id = keyof typeof lvFaq.entries;
const question = (lang: 'lv' | 'en', id: Id) => (lang === 'lv' ? lvFaq : enFaq).entries[id].question;

const JOURNEYS = {
  lv: {
    page: '/lv.html',
    names: { launcher: 'Palīdzība', dialog: 'Palīdzības centrs', search: 'Meklēt palīdzības rakstos', yes: 'Jā', back: 'Atpakaļ', related: 'Saistītie jautājumi' },
    thanks: 'Paldies par atsauksmi!',
    queries: [
      ['without diacritics', 'nopelnit', 'salary'],
      ['with the sh digraph', 'izdegshana', 'difficulty'],
      ['with the aa digraph', 'paaugstinaajums', 'getting-promoted'],
      ['with sh and ii digraphs', 'franshiize', 'call-center-franchise'],
      ['with a typo', 'atalgjums', 'salary'],
      ['with another word ending', 'prasmēm', 'skills'],
    ],
  },
  en: {
    page: '/en.html',
    names: { launcher: 'Help', dialog: 'Help centre', search: 'Search the help articles', yes: 'Yes', back: 'Back', related: 'Related questions' },
    thanks: 'Thank you for your feedback!',
    queries: [
      ['with a typo', 'salery', 'salary'],
      ['with another word ending', 'promotions', 'getting-promoted'],
      ['with an everyday synonym', 'wage', 'salary'],
      ['with another typo', 'sueprvisor', 'supervisor-role'],
      ['in other words', 'stressful', 'difficulty'],
    ],
  },
} as const;

/** Owner content with a category of 12 entries (more than the home view's 8) and one of 3. */
const browseContent = (lang: 'lv' | 'en') => ({
  categories: lang === 'lv' ? { pay: 'Alga', hours: 'Darba laiks' } : { pay: 'Pay', hours: 'Working hours' },
  entries: Object.fromEntries(
    Array.from({ length: 15 }, (_, i) => [
      `q${i + 1}`,
      { category: i < 12 ? 'pay' : 'hours', question: `${lang === 'lv' ? 'Jautājums' : 'Question'} ${i + 1}?`, answer: `${i + 1}.` },
    ]),
  ),
});

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({
    '/lv.html': { body: hostPage({ lang: 'lv', script: 'data-contact-url="mailto:help@example.lv"' }) },
    '/en.html': { body: hostPage({ lang: 'en', script: 'data-contact-url="mailto:help@example.lv"' }) },
    '/auto.html': { body: hostPage({ lang: 'lv' }) },
    '/url.html': { body: hostPage({ lang: 'lv', script: 'data-url-state="true"' }) },
    ...Object.fromEntries(
      (['lv', 'en'] as const).flatMap((lang) => [
        [`/browse-${lang}.html`, { body: hostPage({ lang, script: 'data-content="/browse/{{lng}}.json"' }) }],
        [`/browse/${lang}.json`, { body: JSON.stringify(browseContent(lang)) }],
      ]),
    ),
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function firstQuestion(page: Page) {
  const option = widgetIn(page).getByRole('option').first();
  await option.waitFor();
  return (await option.locator('.faq-option-question').textContent())!;
}

describe.each(['lv', 'en'] as const)('the %s journey', (lang) => {
  const j = JOURNEYS[lang];

  const queries: (readonly [string, string, string])[] = [...j.queries];
  it.each(queries)('finds the right entry first for a query %s (%s)', async (_, query, id) => {
    const { page, problems, close } = await openPage(browser, server.url + j.page);
    const w = widgetIn(page);
    await w.getByRole('button', { name: j.names.launcher }).click();
    await w.getByRole('combobox', { name: j.names.search }).fill(query);
    await expect.poll(() => firstQuestion(page)).toBe(question(lang, id as Id));
    expect(problems).toEqual([]);
    await close();
  });

  it('opens by keyboard, walks the results, reads an article, a related one, gives feedback, goes back, and leaves with Esc', async () => {
    const { page, problems, close } = await openPage(browser, server.url + j.page);
    const w = widgetIn(page);
    const launcher = w.getByRole('button', { name: j.names.launcher });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = w.getByRole('dialog', { name: j.names.dialog });
    await dialog.waitFor();
    const input = w.getByRole('combobox', { name: j.names.search });
    expect(await isFocused(input)).toBe(true);

    const [, query, id] = j.queries[0];
    await page.keyboard.type(query, { delay: 20 });
    await expect.poll(() => firstQuestion(page)).toBe(question(lang, id as Id));
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const options = w.getByRole('option');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await page.keyboard.press('Enter');

    const heading = w.getByRole('heading', { level: 3 });
    await expect.poll(() => heading.textContent()).toBe(question(lang, id as Id));
    expect(await isFocused(heading)).toBe(true);

    const related = w.getByRole('navigation', { name: j.names.related }).getByRole('button').first();
    const relatedQuestion = await related.textContent();
    await related.click();
    await expect.poll(() => heading.textContent()).toBe(relatedQuestion);

    await w.getByRole('button', { name: j.names.yes, exact: true }).click();
    await expect.poll(() => w.getByRole('status').filter({ hasText: j.thanks }).count()).toBe(1);

    await w.getByRole('button', { name: j.names.back }).click();
    expect(await isFocused(input)).toBe(true);
    expect(await options.count()).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await isFocused(launcher)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});

const BROWSE = {
  lv: { launcher: 'Palīdzība', showAll: 'Rādīt visu tēmu (12 jautājumu)', category: 'Alga', announced: 'Tēmā „Alga” ir 12 jautājumu.', last: 'Jautājums 12?', back: 'Atpakaļ', home: 'Tēmas' },
  en: { launcher: 'Help', showAll: 'Show all 12 questions', category: 'Pay', announced: 'Topic “Pay”: 12 questions.', last: 'Question 12?', back: 'Back', home: 'Topics' },
};

describe.each(['lv', 'en'] as const)('browsing a category, %s', (lang) => {
  const b = BROWSE[lang];

  it('walks by keyboard from "Show all 12" to the last entry, reads it, and goes Back to the category, then home', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/browse-${lang}.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: b.launcher }).focus();
    await page.keyboard.press('Enter');
    const input = w.getByRole('combobox');
    await w.getByRole('option').first().waitFor();
    expect(await isFocused(input)).toBe(true);
    const active = () => input.getAttribute('aria-activedescendant').then((id) => (id ? w.locator(`[id="${id}"]`).textContent() : null));

    // Home: eight entries of the first category, then its "Show all 12".
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(b.showAll);
    await page.keyboard.press('Enter');
    const heading = w.getByRole('heading', { level: 3 });
    await expect.poll(() => heading.textContent()).toBe(b.category);
    expect(await w.getByRole('listbox', { name: b.category }).getAttribute('id')).toBe(await input.getAttribute('aria-controls'));
    await expect.poll(() => w.locator('[aria-live="polite"]').textContent()).toBe(b.announced);
    expect(await isFocused(input)).toBe(true);

    // The category: all twelve, the first highlighted; eleven steps down is the last.
    expect(await w.getByRole('option').count()).toBe(12);
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(b.last);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe(b.last);
    expect(await isFocused(heading)).toBe(true);

    // Back from the article (Shift+Tab from its heading reaches Back): the category, on the entry just read.
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(w.getByRole('button', { name: b.back }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe(b.category);
    expect(await isFocused(input)).toBe(true);
    expect(await active()).toBe(b.last);

    // Back from the category: home, on the "Show all" it was opened from.
    await w.getByRole('button', { name: b.back }).click();
    await w.getByRole('listbox', { name: b.home }).waitFor();
    expect(await heading.count()).toBe(0);
    expect(await isFocused(input)).toBe(true);
    expect(await active()).toBe(b.showAll);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('keyboard safety', () => {
  it('never lets Tab or Shift+Tab leave the open dialog', async () => {
    const { page, close } = await openPage(browser, server.url + '/lv.html');
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').fill('alga');
    await w.getByRole('combobox').press('Enter');
    await w.getByRole('heading', { level: 3 }).waitFor();
    const inside = () =>
      page.evaluate(() => {
        const host = document.querySelector('faq-widget-host')!;
        const active = host.shadowRoot!.activeElement;
        return document.activeElement === host && !!active && !!active.closest('[role="dialog"]');
      });
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(key);
        expect(await inside(), `${key} #${i + 1}`).toBe(true);
      }
    }
    await close();
  });

  it('lets no key act while an input method is composing', async () => {
    const { page, close } = await openPage(browser, server.url + '/lv.html');
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    const input = w.getByRole('combobox');
    await input.fill('alga');
    await w.getByRole('option').first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ā', selectionStart: 1, selectionEnd: 1 });
    // While composing, the browser reports keys as isComposing (keyCode 229): they belong to the IME.
    for (const key of ['ArrowDown', 'Enter', 'Escape']) {
      await input.evaluate((el, k) => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key: k, keyCode: 229, isComposing: true, bubbles: true, composed: true, cancelable: true }));
      }, key);
    }
    expect(await w.getByRole('dialog').count()).toBe(1);
    expect(await w.getByRole('heading', { level: 3 }).count()).toBe(0);
    expect(await input.getAttribute('aria-activedescendant')).toBe(await w.getByRole('option').first().getAttribute('id'));
    await cdp.send('Input.insertText', { text: 'ā' });
    await expect.poll(() => input.inputValue()).toContain('ā');
    await close();
  });
});

describe('languages', () => {
  it('switches mid-search: interface, content and results change, the query stays, the choice survives a reload', async () => {
    const { page, close } = await openPage(browser, server.url + '/auto.html');
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').fill('alga');
    await expect.poll(() => firstQuestion(page)).toBe(question('lv', 'salary'));
    await w.getByRole('button', { name: /^EN/ }).click();
    await w.getByRole('dialog', { name: 'Help centre' }).waitFor();
    expect(await w.getByRole('combobox', { name: 'Search the help articles' }).inputValue()).toBe('alga');
    await expect.poll(() => w.getByRole('option').first().getAttribute('lang')).toBe('lv');
    await w.getByRole('combobox').fill('salary');
    await expect.poll(() => firstQuestion(page)).toBe(question('en', 'salary'));
    await page.reload();
    await w.getByRole('button', { name: 'Help' }).click();
    await w.getByRole('dialog', { name: 'Help centre' }).waitFor();
    await close();
  });
});

describe('URL state', () => {
  it('opens #faq=lv/getting-hired, and opening another article updates the hash', async () => {
    const { page, close } = await openPage(browser, server.url + '/url.html#faq=lv/getting-hired');
    const w = widgetIn(page);
    const heading = w.getByRole('heading', { level: 3 });
    await expect.poll(() => heading.textContent()).toBe(question('lv', 'getting-hired'));
    await w.getByRole('navigation').getByRole('button').first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#faq=lv\/(?!getting-hired)/);
    const id = (await page.evaluate(() => location.hash)).split('/')[1] as Id;
    expect(await heading.textContent()).toBe(question('lv', id));
    await close();
  });
});
