import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import { launch, openPage, widgetIn } from './harness';

/**
 * The translator's loop: `npm run demo` serves the demo while rebuilding the widget, so a
 * saved locale file shows on the page without a manual build. Runs in a copy of the project,
 * so editing locale files here never touches the files other tests read.
 */
let browser: Browser;
let server: ChildProcess;
let url = '';
let log = '';
const copy = mkdtempSync(join(tmpdir(), 'faq-live-'));

beforeAll(async () => {
  for (const entry of ['src', 'locales', 'demo', 'package.json', 'tsconfig.json', 'vite.config.ts']) cpSync(entry, join(copy, entry), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(copy, 'node_modules'), 'dir');
  // The same command as `npm run demo`, minus the browser opening; Vitest's own variables removed.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', '0', '--strictPort'], { cwd: copy, env });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      log += d;
      const m = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error(`vite exited: ${out}`)));
  });
  // The first watch build writes dist/ in the copy.
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    try {
      readFileSync(join(copy, 'dist/faq-widget.js'));
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(copy, { recursive: true, force: true });
});

/** Saves a locale file in place, as VS Code and most editors do. */
function save(file: string, change: (data: Record<string, unknown>) => void) {
  const path = join(copy, 'locales', file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

describe('npm run demo, for translators', () => {
  it('shows every entry side by side with the checker findings, and updates when a file is saved', async () => {
    const { page, problems, close } = await openPage(browser, `${url}/demo/translate.html`);
    const status = page.locator('#summary');
    await expect.poll(() => status.textContent()).toBe('i18n:check: 4 files checked, 0 errors, 0 warnings — ok');
    // Vite may reload the page once while it prepares dependencies: ask until it has settled.
    await expect.poll(() => page.locator('table').first().locator('tbody tr').count()).toBe(Object.keys(lvFaq.entries).length);
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
    const { page, close } = await openPage(browser, `${url}/demo/index.html`);
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
      console.log(log, readFileSync(join(copy, 'dist/faq-widget.js'), 'utf8').includes('Palīdzība un atbildes'));
      throw e;
    });
    await close();
  });
});
