import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTemplate, startPreview, type Preview } from '../../src/cli/preview';
import { launch, openPage, widgetIn } from './harness';

/**
 * `faq-widget preview`, as an owner uses it: the page in a real browser, the files edited on disk
 * while it is open. Runs on a copy of the fixtures, so the edits never touch what other tests read.
 */
let browser: Browser;
let preview: Preview;
const dir = mkdtempSync(join(tmpdir(), 'faq-preview-e2e-'));

beforeAll(async () => {
  cpSync('tests/fixtures/owner-preview', dir, { recursive: true });
  const resolved = resolveTemplate(join(dir, '{{lng}}.json'));
  if ('problem' in resolved) throw new Error(resolved.problem);
  preview = await startPreview({ ...resolved, dist: join(process.cwd(), 'dist') });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Saves a content file in place, as most editors do. */
function save(lang: string, change: (text: string) => string) {
  const path = join(dir, `${lang}.json`);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('faq-widget preview in the browser', () => {
  it('shows the owner\'s entries in the widget beside the findings, and follows each save', async () => {
    const { page, problems, close } = await openPage(browser, preview.url);
    const w = widgetIn(page);
    const status = page.locator('#summary');
    const table = page.locator('#app table');

    // The owner's content, not the built-in FAQ: in the widget and side by side.
    await expect.poll(() => status.textContent()).toBe('2 files checked, 0 errors, 0 warnings — ok');
    await w.getByRole('option', { name: 'Kā atgriezt preci?' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('td[lang="en"] .question').allTextContents()).toEqual(['How do I return an item?', 'How long does delivery take?']);

    // The language switch shows the other file; the visitor's article stays open through a save.
    await w.getByRole('button', { name: 'EN – English' }).click();
    await w.getByRole('option', { name: 'How do I return an item?' }).click();
    await w.getByRole('heading', { level: 3, name: 'How do I return an item?' }).waitFor();
    save('en', (text) => text.replace('How do I return an item?', 'How can I send an item back?').replace('within **14 days**', 'within **30 days**'));
    await expect.poll(() => table.locator('td[lang="en"] .question').first().textContent(), { timeout: 5000 }).toBe('How can I send an item back?');
    await w.getByRole('heading', { level: 3, name: 'How can I send an item back?' }).waitFor();
    await w.getByText('30 days').waitFor();

    // A broken file is one clear finding, and the widget still shows visitors what it shows them.
    save('lv', (text) => text.replace('"Kā atgriezt preci?",', '"Kā atgriezt preci?",,'));
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toBe('2 files checked, 1 error, 0 warnings');
    const finding = page.locator('#app .finding.error');
    expect(await finding.count()).toBe(1);
    expect(await finding.textContent()).toMatch(new RegExp(`^${dir}/lv\\.json:6:40 error: not valid JSON`));
    expect(await table.locator('thead th').allTextContents()).toEqual(['Entry', `English (${dir}/en.json)`, 'Findings']);
    await w.getByRole('button', { name: 'LV – latviešu' }).click();
    await expect.poll(() => w.getByRole('button', { name: 'LV – latviešu' }).getAttribute('aria-pressed')).toBe('true');
    await w.getByRole('heading', { level: 3, name: 'How can I send an item back?' }).waitFor();

    // Fixed again: the finding goes, and the article is there in the language the visitor chose.
    save('lv', (text) => text.replace(',,', ','));
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toBe('2 files checked, 0 errors, 0 warnings — ok');
    await w.getByRole('heading', { level: 3, name: 'Kā atgriezt preci?' }).waitFor();
    expect(await page.locator('#app .finding').count()).toBe(0);

    // A reload of the page (the owner's own F5) opens the same article again.
    await page.reload();
    await w.getByRole('heading', { level: 3, name: 'Kā atgriezt preci?' }).waitFor();
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    await close();
  });
});
