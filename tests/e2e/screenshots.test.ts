import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, serve, widgetIn } from './harness';

/**
 * The pictures the README shows, taken from the demo page as a visitor sees it.
 * `SCREENSHOTS=1 npm test` writes them into demo/screenshots/; other runs into a temp folder,
 * so a test run never dirties the working tree.
 */
const DIR = process.env.SCREENSHOTS ? 'demo/screenshots' : mkdtempSync(join(tmpdir(), 'faq-shots-'));

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const STATES = [
  { file: 'closed.jpg', lang: 'lv', theme: 'light', width: 1280, steps: [] },
  { file: 'results-lv.jpg', lang: 'lv', theme: 'light', width: 1280, steps: ['open', 'type:izdegshana'] },
  { file: 'article-en.jpg', lang: 'en', theme: 'light', width: 1280, steps: ['open', 'type:how much do agents earn', 'enter'] },
  { file: 'dark-lv.jpg', lang: 'lv', theme: 'dark', width: 1280, steps: ['open', 'type:kaa kljuut par komandas vadiitaaju'] },
  { file: 'phone-lv.jpg', lang: 'lv', theme: 'light', width: 375, steps: ['open', 'type:alga', 'enter'] },
  // Long answers: a direct answer first, then sub-headings and lists.
  { file: 'long-lv.jpg', lang: 'lv', theme: 'light', width: 1280, steps: ['open', 'type:parrauga loma', 'enter'] },
  { file: 'long-en.jpg', lang: 'en', theme: 'light', width: 1280, steps: ['open', 'type:work from home', 'enter'] },
] as const;

describe('screenshots of the main states', () => {
  it.each(STATES)('$file', async ({ file, lang, theme, width, steps }) => {
    const { page, problems, close } = await openPage(browser, `${server.url}/demo/index.html`, {
      width,
      height: width < 480 ? 667 : 800,
      colorScheme: theme,
    });
    const w = widgetIn(page);
    if (lang === 'en') await page.evaluate(() => localStorage.setItem('faq-widget:lang', 'en'));
    if (lang === 'en') await page.reload();
    for (const step of steps) {
      if (step === 'open') await w.locator('button.faq-launcher').click();
      else if (step === 'enter') {
        await w.getByRole('combobox').press('Enter');
        await w.getByRole('heading', { level: 3 }).waitFor();
      } else {
        await w.getByRole('combobox').pressSequentially(step.slice(5));
        await w.getByRole('option').first().waitFor();
      }
    }
    // JPEG: the README shows them from the npm package, where a few PNGs would weigh 1.8 MB.
    await page.screenshot({ path: join(DIR, file), type: 'jpeg', quality: 82 });
    expect(statSync(join(DIR, file)).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the README pictures in the repository', () => {
    for (const { file } of STATES) expect(existsSync(join('demo/screenshots', file)), file).toBe(true);
  });
});
