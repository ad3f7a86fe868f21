import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launch, openPage, serve, widgetIn, type Fixtures } from './harness';

/** Owner content at its edges in a real browser: links that try to leave by a back door, words too long for the panel. */

// Addresses the URL parser reads otherwise than they are written, and two honest ones to another site.
const BACK_DOORS = [String.raw`/\evil.example/login`, String.raw`\\evil.example`, String.raw`http:\\evil.example`, 'https:evil.example', 'https:/evil.example', '///evil.example'];
const ELSEWHERE = ['https://evil.example/ok', '//evil.example/ok'];
const faq = (answer: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    categories: { c: 'Kategorija' },
    entries: { first: { category: 'c', question: 'Saites?', answer }, second: { category: 'c', question: 'Otrs?', answer: 'Otrā atbilde.' }, ...extra },
  });
const linkList = [...BACK_DOORS, ...ELSEWHERE].map((href, i) => `- [saite ${i}](${href})`).join('\n');

const ORDER = '4815162342'.repeat(20); // a 200-character order number
const LONG = {
  question: `Pasūtījums ${'Ā'.repeat(120)}?`,
  answer: `Numurs ${'B'.repeat(300)} un [${'C'.repeat(150)}](https://example.com/${'d'.repeat(200)}).\n\n- ${'E'.repeat(200)}`,
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
const fixtures: Fixtures = {
  '/links.html': { body: hostPage({ script: 'data-content="/links/{{lng}}.json" data-lang="lv"' }) },
  '/links/lv.json': { body: faq(linkList) },
  '/links/en.json': { body: faq(linkList) },
  '/base/lv.json': { body: faq('- [Kontakti](/kontakti)\n- [Otrs](#faq/second)') },
  '/base/en.json': { body: faq('- [Contacts](/contacts)\n- [Second](#faq/second)') },
  '/long.html': { body: hostPage({ script: 'data-content="/long/{{lng}}.json" data-lang="lv"' }) },
  '/long/lv.json': { body: faq('Īsa atbilde.', { long: { category: 'c', ...LONG } }) },
  '/long/en.json': { body: faq('Short answer.', { long: { category: 'c', ...LONG } }) },
};

beforeAll(async () => {
  server = await serve(fixtures);
  // A page whose <base href> is another site: its relative links lead there. The script and the
  // content are named in full, as such a page has to.
  fixtures['/base.html'] = {
    body: `<!doctype html><html lang="lv"><head><meta charset="utf-8"><base href="https://elsewhere.example/"></head><body><script src="${server.url}/dist/faq-widget.js" data-content="${server.url}/base/{{lng}}.json"></script></body></html>`,
  };
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openEntry(page: Page, id: string) {
  await page.evaluate((entry) => (window as unknown as { FaqWidget: { get(): { openArticle(id: string): void } } }).FaqWidget.get().openArticle(entry), id);
  await widgetIn(page).locator('.faq-answer').waitFor();
}

/** Any other site answers with a page of its own, so a navigation there would succeed and show in the URL. */
async function otherSitesAnswer(page: Page) {
  await page.context().route((url) => url.hostname !== '127.0.0.1', (route) => route.fulfill({ contentType: 'text/html', body: '<p>another site</p>' }));
}

/** Clicks an item's text (its link, if it has one) and says whether the page is still where it was. */
async function clickStays(page: Page, item: import('playwright-core').Locator) {
  const before = page.url();
  const target = (await item.locator('a').count()) ? item.locator('a') : item;
  await target.click();
  await page.waitForTimeout(300);
  return page.url() === before;
}

describe('links in an answer', () => {
  it('never take the page away: back-door addresses are dropped and reported, other sites open in a new tab without an opener', async () => {
    const { page, problems, close } = await openPage(browser, 'about:blank');
    await otherSitesAnswer(page);
    await page.goto(server.url + '/links.html');
    await openEntry(page, 'first');
    const items = widgetIn(page).locator('.faq-answer li');
    expect(await items.count()).toBe(BACK_DOORS.length + ELSEWHERE.length);

    for (let i = 0; i < BACK_DOORS.length; i++) {
      expect(await items.nth(i).textContent(), BACK_DOORS[i]).toBe(`saite ${i}`);
      expect(await items.nth(i).locator('a').count(), BACK_DOORS[i]).toBe(0);
      expect(await clickStays(page, items.nth(i)), BACK_DOORS[i]).toBe(true);
    }
    for (let i = BACK_DOORS.length; i < BACK_DOORS.length + ELSEWHERE.length; i++) {
      const link = items.nth(i).locator('a');
      expect(await link.evaluate((a: HTMLAnchorElement) => [a.target, a.rel]), ELSEWHERE[i - BACK_DOORS.length]).toEqual(['_blank', 'noopener noreferrer']);
      const popup = page.context().waitForEvent('page');
      expect(await clickStays(page, items.nth(i))).toBe(true);
      const opened = await popup;
      expect(await opened.evaluate(() => [location.hostname, window.opener])).toEqual(['evil.example', null]);
      await opened.close();
    }

    // One warning for the load, naming file, entry and field of each dropped link.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^console\.warning: faq-widget: content skipped or ignored:/);
    for (const href of BACK_DOORS) expect(problems[0]).toContain(`/links/lv.json "first" answer: link "${href}" is read by browsers as another address`);
    await close();
  });

  it('open in a new tab when a cross-origin <base href> sends even relative links to another site', async () => {
    const { page, problems, close } = await openPage(browser, 'about:blank');
    await otherSitesAnswer(page);
    await page.goto(server.url + '/base.html');
    await openEntry(page, 'first');
    const w = widgetIn(page);
    const [contacts, entry] = [w.locator('.faq-answer a').nth(0), w.locator('.faq-answer a').nth(1)];
    expect(await contacts.evaluate((a: HTMLAnchorElement) => [a.href, a.target, a.rel])).toEqual(['https://elsewhere.example/kontakti', '_blank', 'noopener noreferrer']);
    const popup = page.context().waitForEvent('page');
    expect(await clickStays(page, w.locator('.faq-answer li').nth(0))).toBe(true);
    await (await popup).close();

    // A #faq/ link still opens the entry inside the widget.
    expect(await entry.evaluate((a: HTMLAnchorElement) => a.target)).toBe('');
    expect(await clickStays(page, w.locator('.faq-answer li').nth(1))).toBe(true);
    await w.getByRole('heading', { level: 3, name: 'Otrs?' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});

/** Elements of the panel that stick out of it sideways, and whether the panel or its body scrolls sideways. */
function overflow(page: Page) {
  return widgetIn(page).locator('.faq-panel').evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const body = panel.querySelector('.faq-body')!;
    const out = [...panel.querySelectorAll('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // Screen-reader text is clipped to nothing wherever it stands; an input scrolls its own text.
        if (!r.width || el.closest('.faq-sr') || el.tagName === 'INPUT') return false;
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().width)}px`);
    if (panel.scrollWidth > panel.clientWidth) out.push(`panel scrolls: ${panel.scrollWidth} > ${panel.clientWidth}`);
    if (body.scrollWidth > body.clientWidth) out.push(`body scrolls: ${body.scrollWidth} > ${body.clientWidth}`);
    return out;
  });
}

describe('long words on a 360 px phone', () => {
  it('wrap in the no-results sentence, questions, snippets, answers, the article title and links', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/long.html', { width: 360, height: 740 });
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    const input = w.getByRole('combobox');

    await input.fill(ORDER);
    await w.locator('.faq-empty-title').waitFor();
    expect(await overflow(page), 'no results').toEqual([]);

    await input.fill('Pasūtījums numurs');
    await w.locator('.faq-option-snippet').first().waitFor();
    expect(await overflow(page), 'results').toEqual([]);

    await input.press('Enter');
    await w.locator('.faq-answer a').waitFor();
    expect(await overflow(page), 'article').toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
