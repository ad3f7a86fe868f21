import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, hostPage, launch, openPage, serve, widgetIn } from './harness';

/** An owner's own content in a real browser: one language, their words, their suggestions, their mistakes. */

const shop = (lang: 'lv' | 'en', extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    categories: { orders: lang === 'lv' ? 'Pasūtījumi' : 'Orders' },
    entries: {
      delivery: { category: 'orders', question: lang === 'lv' ? 'Cik ilgi jāgaida piegāde?' : 'How long does delivery take?', answer: lang === 'lv' ? 'Divas dienas.' : 'Two days.' },
      returns: { category: 'orders', question: lang === 'lv' ? 'Kā atgriezt preci?' : 'How do I return an item?', answer: lang === 'lv' ? '14 dienās.' : 'Within 14 days.' },
      payment: { category: 'orders', question: lang === 'lv' ? 'Kā samaksāt?' : 'How do I pay?', answer: lang === 'lv' ? 'Ar karti.' : 'By card.' },
    },
    ...extra,
  });

/** Queued before the script has loaded, as an owner's page would. */
const QUEUE_SUGGEST = `<script>(window.FaqWidget = window.FaqWidget || []).push((w) => w.suggest(['returns']));</script>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({
    '/lv-only/lv.json': { body: shop('lv') },
    '/single.html': { body: hostPage({ lang: 'en', script: 'data-content="/lv-only/{{lng}}.json" data-languages="lv"' }) },
    '/learnt.html': { body: hostPage({ lang: 'en', script: 'data-content="/lv-only/{{lng}}.json"' }) },
    '/words/lv.json': { body: shop('lv', { ui: { title: 'Veikala palīdzība', launcher: 'Jautājumi?', searchPlaceholder: 'Jautājiet par pasūtījumiem…', titel: 'x' } }) },
    '/words.html': { body: hostPage({ lang: 'lv', script: 'data-content="/words/{{lng}}.json" data-languages="lv"' }) },
    '/shop/lv.json': { body: shop('lv') },
    '/shop/en.json': { body: shop('en', { featured: ['payment'] }) },
    '/suggest.html': { body: hostPage({ lang: 'en', script: 'data-content="/shop/{{lng}}.json" data-suggest="delivery,ghost"' }) },
    '/queued.html': { body: hostPage({ lang: 'en', head: QUEUE_SUGGEST, script: 'data-content="/shop/{{lng}}.json"' }) },
    '/featured.html': { body: hostPage({ lang: 'en', script: 'data-content="/shop/{{lng}}.json"' }) },
    '/wrong/lv.json': { body: shop('lv') },
    '/wrong/en.json': { body: '{ "categories": { "orders": "Orders" }, }' },
    '/wrong.html': { body: hostPage({ lang: 'en', script: 'data-content="/wrong/{{lng}}.json"' }) },
    '/products/shoes.html': { body: hostPage({ lang: 'lv', script: 'data-content="help/{{lng}}.json" data-preload="eager"' }) },
    '/products/help/lv.json': { body: shop('lv') },
    '/misspelt.html': { body: hostPage({ lang: 'lv', script: 'data-content="/shop/{{lang}}.json" data-preload="eager"' }) },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every address the page requested, by path. */
function requests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => seen.push(new URL(request.url()).pathname));
  return seen;
}

const NOT_FOUND = 'console.error: Failed to load resource: the server responded with a status of 404 (Not Found)';

describe('a site in one language', () => {
  it('with data-languages="lv": no switch, no request for en.json, no fallback, nothing in the console', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/single.html`);
    const seen = requests(page);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('option', { name: 'Kā samaksāt?' }).waitFor();
    expect(await w.getByRole('group', { name: 'Valoda' }).count()).toBe(0);
    await w.getByRole('combobox').fill('delivery');
    await w.locator('.faq-empty-title').getByText('Pēc vaicājuma „delivery” nekas netika atrasts.').waitFor();
    await page.waitForTimeout(300);
    expect(seen.filter((path) => path.endsWith('.json'))).toEqual(['/lv-only/lv.json']);
    expect(await w.getByText('Daļu palīdzības rakstu neizdevās parādīt.').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('learnt from an en.json that is not there: Latvian, no switch, no notice, no word from the widget', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/learnt.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Help' }).click();
    await w.getByRole('heading', { name: 'Palīdzības centrs' }).waitFor();
    await w.getByRole('option', { name: 'Kā samaksāt?' }).waitFor();
    expect(await w.getByRole('group', { name: /Valoda|Language/ }).count()).toBe(0);
    expect(await w.getByText(/neizdevās|could not/).count()).toBe(0);
    // The browser reports the 404 itself; the widget adds nothing.
    expect(problems).toEqual([NOT_FOUND]);
    await close();
  });
});

describe("the owner's words", () => {
  it('puts the content\'s "ui" texts on the launcher (once the content is in), the title and the search box', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/words.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('heading', { name: 'Veikala palīdzība' }).waitFor();
    expect(await w.getByRole('combobox').getAttribute('placeholder')).toBe('Jautājiet par pasūtījumiem…');
    await page.keyboard.press('Escape');
    await w.getByRole('button', { name: 'Jautājumi?' }).waitFor();
    expect(problems).toEqual([
      `console.warning: faq-widget: ${server.url}/words/lv.json "ui": "titel" is not an interface text of the widget (see ui.json for the keys); it is ignored`,
    ]);
    await close();
  });
});

describe('suggestions for the page', () => {
  it('from data-suggest: first on the home view as a labelled group, again when nothing is found; an unknown id is a console warning', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/suggest.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Help' }).click();
    const group = w.getByRole('group', { name: 'Suggested for this page' });
    await group.waitFor();
    expect(await group.getByRole('option').allTextContents()).toEqual(['How long does delivery take?']);
    expect(await axe(page)).toEqual([]);
    await w.getByRole('combobox').fill('qqqzz');
    await w.locator('.faq-empty-title').getByText('Nothing was found for “qqqzz”.').waitFor();
    expect(await w.getByRole('listbox', { name: 'Suggested questions' }).getByRole('option').allTextContents()).toEqual(['How long does delivery take?']);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual(['console.warning: faq-widget: suggested entry "ghost" is not in the content; it is left out']);
    await close();
  });

  it('from suggest() queued before the script loaded: kept without fetching the runtime, shown once it is in', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/queued.html`);
    const seen = requests(page);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Help' }).waitFor();
    await page.waitForTimeout(300);
    expect(seen.filter((path) => path.includes('runtime'))).toEqual([]);
    await w.getByRole('button', { name: 'Help' }).click();
    const group = w.getByRole('group', { name: 'Suggested for this page' });
    await group.waitFor();
    expect(await group.getByRole('option').allTextContents()).toEqual(['How do I return an item?']);
    expect(problems).toEqual([]);
    await close();
  });

  it("falls back to the owner's featured entries, under their own label", async () => {
    const { page, close } = await openPage(browser, `${server.url}/featured.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Help' }).click();
    const group = w.getByRole('group', { name: 'Popular questions' });
    await group.waitFor();
    expect(await group.getByRole('option').allTextContents()).toEqual(['How do I pay?']);
    await close();
  });
});

describe("the visitor's language failed to load", () => {
  it("says so in the visitor's words and shows the Latvian entries marked lang=lv", async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/wrong.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Help' }).click();
    await w.getByText('Help in English is not available right now, so the articles are shown in Latvian.').waitFor();
    const options = w.getByRole('option');
    expect(await options.evaluateAll((els) => els.map((el) => el.getAttribute('lang')))).toEqual(['lv', 'lv', 'lv']);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^console\\.error: faq-widget: content could not be loaded: ${server.url}/wrong/en\\.json: not valid JSON`))]);
    await close();
  });
});

describe('the content template', () => {
  it('resolves a relative template against the page, and says so once with the root-relative path', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/products/shoes.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('option', { name: 'Kā samaksāt?' }).waitFor();
    expect(problems).toEqual([
      'console.warning: faq-widget: content "help/{{lng}}.json" is relative: each page resolves it against its own address (this page: /products/help/{{lng}}.json), so pages in other folders do not find it; write a path from the site\'s root, such as "/help/{{lng}}.json" if the files are in that folder of the site',
    ]);
    await close();
  });

  it('names the fix for {{lang}}, and the absolute address in the load error', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}/misspelt.html`);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('alert').waitFor();
    await expect.poll(() => problems.filter((p) => p.includes('faq-widget'))).toEqual([
      'console.error: faq-widget: content "/shop/{{lang}}.json" has {{lang}}, which the widget does not fill in; write {{lng}} (it becomes lv or en)',
      `console.error: faq-widget: content could not be loaded: ${server.url}/shop/%7B%7Blang%7D%7D.json: the server answered 404`,
    ]);
    await close();
  });
});
