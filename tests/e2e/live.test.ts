import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import { startDemo } from './demoServer';
import { launch, openPage, widgetIn } from './harness';

/**
 * The translator's loop: `npm run demo` serves the demo while rebuilding the widget, so a
 * saved locale file shows on the page without a manual build. Runs in a copy of the project,
 * so editing locale files here never touches the files other tests read.
 */
let browser: Browser;
let demo: Awaited<ReturnType<typeof startDemo>>;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  demo?.stop();
});

const save = (file: string, change: (data: Record<string, unknown>) => void) => demo.save(file, change);

describe('npm run demo, for translators', () => {
  it('shows every entry side by side with the checker findings, and updates when a file is saved', async () => {
    const { page, problems, close } = await openPage(browser, `${demo.url}/demo/translate.html`);
    const status = page.locator('#summary');
    await expect.poll(() => status.textContent()).toBe('i18n:check: 4 files checked, 0 errors, 0 warnings — ok');
    // Vite may reload the page once while it prepares dependencies: ask until it has settled.
    await expect.poll(() => page.locator('#entry-table tbody tr').count()).toBe(Object.keys(lvFaq.entries).length);
    await expect.poll(() => page.getByText('✓ no findings').count()).toBeGreaterThan(10);

    save('en/faq.json', (d) => {
      const entries = d.entries as Record<string, Record<string, unknown>>;
      entries.salary.related = ['difficulty', 'no-such-entry'];
    });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('i18n:check: 4 files checked, 1 error, 0 warnings');
    const row = page.locator('tr', { has: page.locator('code', { hasText: /^salary$/ }) });
    await expect.poll(() => row.locator('.finding.error').textContent()).toContain('related entry "no-such-entry" does not exist');
    // Vite's own client logs its connection; nothing else may appear.
    expect(problems.filter((p) => !p.startsWith('console.debug: [vite]'))).toEqual([]);
    await close();
  });

  it('rebuilds the widget on the demo page when a locale file is saved', async () => {
    const { page, close } = await openPage(browser, `${demo.url}/demo/index.html`);
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    await w.getByRole('dialog', { name: 'Palīdzības centrs' }).waitFor();
    save('lv/ui.json', (d) => (d.title = 'Palīdzība un atbildes'));
    // The page reloads by itself (once for the file, once more when the rebuilt script is in);
    // the visitor just opens the panel again.
    const title = async () => {
      if (!(await w.getByRole('dialog').isVisible())) await w.locator('button.faq-launcher').click({ timeout: 1000 }).catch(() => undefined);
      return w.locator('.faq-title').textContent({ timeout: 1000 }).catch(() => '');
    };
    await expect.poll(title, { timeout: 30_000, interval: 500 }).toBe('Palīdzība un atbildes').catch((e) => {
      console.log(demo.log(), readFileSync(join(demo.copy, 'dist/faq-widget.js'), 'utf8').includes('Palīdzība un atbildes'));
      throw e;
    });
    await close();
  });
});
