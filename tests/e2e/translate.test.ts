import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lvFaq from '../../locales/lv/faq.json';
import lvUi from '../../locales/lv/ui.json';
import uiSchema from '../../locales/ui.schema.json';
import { startDemo } from './demoServer';
import { launch, openPage } from './harness';

/**
 * The translator page (demo/translate.html under `npm run demo`): the context of every text, the
 * glossary, each finding once, a broken file named once, and the widget beside the findings,
 * never over them. Runs in a copy of the project with a glossary written into it.
 */
let browser: Browser;
let demo: Awaited<ReturnType<typeof startDemo>>;
const GLOSSARY = {
  terms: [{ id: 'agent', en: 'agent', lv: 'operators', forbidden: { lv: ['aģent'], en: ['rep'] }, note: 'One term for the person on the phone.' }],
};
const ORIGINAL: Record<string, string> = {};
const KEYS = [...new Set(Object.keys(lvUi).filter((k) => k !== '$schema').map((k) => k.replace(/_(zero|one|other)$/, '')))];
const SPOKEN = Object.entries(uiSchema.properties as Record<string, { 'x-audience'?: string }>)
  .filter(([, p]) => p['x-audience'] === 'screen-reader')
  .map(([k]) => k.replace(/_(zero|one|other)$/, ''));

beforeAll(async () => {
  demo = await startDemo((copy) => writeFileSync(join(copy, 'locales/glossary.json'), JSON.stringify(GLOSSARY, null, 2)));
  for (const file of ['lv/ui.json', 'en/ui.json', 'lv/faq.json', 'en/faq.json']) ORIGINAL[file] = demo.read(file);
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  demo?.stop();
});

// Every test starts from the shipped files: what one breaks, the next does not see.
afterEach(() => {
  for (const [file, text] of Object.entries(ORIGINAL)) if (demo.read(file) !== text) demo.write(file, text);
});

const status = (page: Page) => page.locator('#summary').textContent();
const keyRow = (page: Page, key: string) => page.locator('.ui-table tbody tr', { has: page.locator('td:first-child > code', { hasText: new RegExp(`^${key}$`) }) });

async function open(size = { width: 1280, height: 800 }, summary = 'i18n:check: 4 files checked, 0 errors, 0 warnings — ok') {
  const opened = await openPage(browser, `${demo.url}/demo/translate.html`, size);
  await expect.poll(() => status(opened.page), { timeout: 20_000 }).toBe(summary);
  // Vite may reload the page once while it prepares dependencies: ask until it has settled.
  await expect.poll(() => opened.page.locator('.ui-table tbody tr').count()).toBe(KEYS.length);
  return opened;
}

describe('the translator page gives every text its context', () => {
  it('describes every interface key from ui.schema.json, one row per key, plural forms together', async () => {
    const { page, close } = await open();
    const descriptions = await page.locator('.ui-table .description').allTextContents();
    expect(descriptions).toHaveLength(KEYS.length);
    for (const d of descriptions) expect(d).not.toMatch(/Not in ui.schema.json/);
    await expect.poll(() => keyRow(page, 'clear').locator('.description').textContent()).toMatch(/empties it/);
    await close();
  });

  it('marks the keys only screen readers say, result counts included', async () => {
    const { page, close } = await open();
    const spoken = await page.locator('.ui-table tbody tr', { has: page.locator('.audience.sr') }).locator('td:first-child > code').allTextContents();
    expect(spoken.sort()).toEqual([...new Set(SPOKEN)].sort());
    expect(spoken).toContain('resultCount');
    expect(await keyRow(page, 'searchPlaceholder').locator('.audience').textContent()).toBe('visible');
    await close();
  });

  it.each([
    ['lv', ['0 0 rezultātu _zero', '1 1 rezultāts _one', '2 2 rezultāti _other', '10 10 rezultātu _zero', '11 11 rezultātu _zero', '21 21 rezultāts _one']],
    ['en', ['0 0 results _other', '1 1 result _one', '2 2 results _other', '10 10 results _other', '11 11 results _other', '21 21 results _other']],
  ])('renders the %s result count at 0, 1, 2, 10, 11 and 21 through i18next, with the form it picked', async (lang, samples) => {
    const { page, close } = await open();
    expect(await keyRow(page, 'resultCount').locator(`td[lang="${lang}"] .samples li`).allTextContents()).toEqual(samples);
    await close();
  });

  it('shows the notes of ui.json, of an entry and of a category beside them', async () => {
    demo.save('lv/ui.json', (d) => (d._notes = { resultCount: 'Screen readers say it after each keystroke: keep it short.' }));
    demo.save('en/faq.json', (d) => {
      const data = d as { categories: Record<string, unknown>; entries: Record<string, Record<string, unknown>> };
      data.entries.salary.note = 'Figures are monthly, before tax.';
      const [id] = Object.keys(data.categories);
      data.categories[id] = { name: data.categories[id], note: 'The first topic on the home view.' };
    });
    const { page, close } = await open();
    await expect.poll(() => keyRow(page, 'resultCount').locator('.note').textContent()).toBe('Note (lv): Screen readers say it after each keystroke: keep it short.');
    const salary = page.locator('#entry-table tr', { has: page.locator('code', { hasText: /^salary$/ }) });
    expect(await salary.locator('td[lang="en"] .note').textContent()).toBe('Note for translators: Figures are monthly, before tax.');
    expect(await page.locator('.note', { hasText: 'The first topic on the home view.' }).count()).toBe(1);
    await close();
  });

  it('shows the glossary and marks forbidden variants inside the texts', async () => {
    const { page, close } = await open();
    const row = page.locator('table.glossary tbody tr');
    expect(await row.allTextContents()).toEqual(['agentWhy: One term for the person on the phone.operatorsagentaģentrep']);
    const marks = page.locator('#entry-table td[lang="lv"] mark.forbidden');
    // The shipped Latvian keeps "aģents" and "agent" only as keywords, which visitors type.
    const latvian = await marks.allTextContents();
    expect(latvian.some((word) => /^aģent/i.test(word))).toBe(true);
    for (const word of latvian) expect(word).toMatch(/^(aģent|agent)/i);
    expect(await marks.filter({ hasText: /^aģent/i }).first().getAttribute('title')).toBe('Glossary "agent": write "operators"');
    // Each language has its own forbidden variants: English marks only "rep…", never "aģent".
    const english = await page.locator('td[lang="en"] mark.forbidden').allTextContents();
    for (const word of english) expect(word).toMatch(/^rep/i);
    await close();
  });
});

describe('the translator page marks stale translations', () => {
  it('marks the Latvian text whose English changed since it was translated, with the English change word by word', async () => {
    const en = JSON.parse(demo.read('en/ui.json')) as Record<string, string>;
    demo.write('en/ui.json', JSON.stringify({ ...en, title: `${en.title} and guides` }, null, 2) + '\n');
    const { page, close } = await open();
    const cell = keyRow(page, 'title').locator('td[lang="lv"]');
    await expect.poll(() => cell.locator('.stale-diff summary').textContent(), { timeout: 20_000 }).toBe('Stale: the English changed since this was translated');
    expect(await cell.locator('.stale-diff ins').allTextContents()).toEqual([expect.stringMatching(/and guides/)]);
    // Only that text: every other Latvian cell is as it was.
    expect(await page.locator('.stale-diff').count()).toBe(1);
    await close();
  });
});

describe('the translator page stays usable', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('at %i×%i, the widget never covers a finding', async (width, height) => {
    const { page, close } = await open({ width, height });
    // The widget is inline in its own column: no launcher or panel of its floats anywhere else.
    await page.locator('#widget-pane faq-widget-host').waitFor();
    expect(await page.locator('faq-widget-host').count()).toBe(1);
    const cells = page.locator('#app tbody tr > td:last-child');
    const count = await cells.count();
    const widget = page.locator('#widget-pane');
    for (const i of [0, 1, Math.floor(count / 2), count - 1]) {
      const cell = cells.nth(i);
      await cell.scrollIntoViewIfNeeded();
      const [a, b] = [(await cell.boundingBox())!, (await widget.boundingBox())!];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `findings cell ${i} under the widget`).toBe(false);
      // Nothing else floats over it either: the element at its centre is the cell or inside it.
      const onTop = await cell.evaluate((td) => {
        const r = td.getBoundingClientRect();
        // A cell taller than the window is scrolled to its middle: look at its part on screen.
        const hit = document.elementFromPoint(r.x + Math.min(r.width / 2, 20), Math.min(Math.max(r.top, 0) + 10, r.bottom - 1));
        return !!hit && td.contains(hit);
      });
      expect(onTop, `findings cell ${i} covered`).toBe(true);
    }
    await close();
  });

  it('lists each finding once: interface and plural findings beside their key only', async () => {
    demo.save('lv/ui.json', (d) => {
      delete d.resultCount_zero;
      d.title = 'Help centre';
    });
    const { page, close } = await open(undefined, 'i18n:check: 4 files checked, 1 error, 1 warning');
    const findings = await page.locator('.finding').allTextContents();
    expect(findings).toHaveLength(2);
    expect(new Set(findings).size).toBe(2);
    expect(await keyRow(page, 'resultCount').locator('.finding').allTextContents()).toEqual([expect.stringContaining('lacks the Latvian form _zero')]);
    expect(await keyRow(page, 'title').locator('.finding').allTextContents()).toEqual([expect.stringContaining('identical to the English one')]);
    // What the missing form costs, seen: Latvian then says "10 rezultāti".
    expect(await keyRow(page, 'resultCount').locator('td[lang="lv"] .samples li').nth(3).textContent()).toBe('10 10 rezultāti _other: _zero is missing');
    await close();
  });

  it('says once that a broken lv/faq.json could not be read, and calls no entry missing', async () => {
    demo.write('lv/faq.json', ORIGINAL['lv/faq.json'].replace('"entries": {', '"entries": { “oops”'));
    const { page, close } = await open(undefined, 'i18n:check: 4 files checked, 1 error, 0 warnings');
    expect(await page.locator('.finding').allTextContents()).toEqual([expect.stringMatching(/^locales\/lv\/faq\.json:\d+:\d+ error: not valid JSON/)]);
    expect(await page.getByText('missing in this language').count()).toBe(0);
    const entries = Object.keys(lvFaq.entries).length;
    const categories = Object.keys(lvFaq.categories).length;
    expect(await page.locator('td.unreadable[lang="lv"]').count()).toBe(entries + categories);
    expect(await page.locator('td.unreadable').first().textContent()).toBe('locales/lv/faq.json could not be read: see its finding above.');
    await close();
  });
});
