import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launch, serve, watch } from './harness';

/**
 * The built dist/faq-widget.js in real Chromium: what jsdom cannot see —
 * layout, computed sizes, CSP, contrast. Run `npm run build` first (the test command does).
 */
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const CSP = "default-src 'self'; style-src 'self'; script-src 'self'";
const HOSTILE = '* { font: 40px serif !important; color: magenta !important } button { display: none !important } html { font-size: 62.5% }';

// `SCREENSHOTS=1 npm test` refreshes the pictures the README shows; other runs keep them in a temp folder.
const SHOTS = process.env.SCREENSHOTS ? 'demo/screenshots' : mkdtempSync(join(tmpdir(), 'faq-shots-'));

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({
    '/csp.html': { body: hostPage({ head: '<link rel="stylesheet" href="/demo/demo.css">' }), headers: { 'content-security-policy': CSP } },
    '/hostile.html': { body: hostPage({ head: `<style>${HOSTILE}</style>`, body: '<p>Host page</p>' }) },
    '/dark.html': { body: hostPage({ script: 'data-theme="dark" data-contact-url="mailto:a@example.lv"' }) },
    '/plain.html': { body: hostPage({ script: 'data-contact-url="https://example.com/contact"' }) },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, { width = 1280, height = 800 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = watch(page);
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(server.url + path);
  const launcher = page.locator('faq-widget-host').locator('button.faq-launcher');
  await launcher.waitFor();
  return { page, problems, launcher };
}

const styleOf = (page: Page, selector: string, property: string) =>
  page.locator('faq-widget-host').locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

async function axe(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(
      { include: [['faq-widget-host']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    );
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('in Chromium', () => {
  it('opens from the launcher on the demo page with sizes independent of the root font size', async () => {
    const { page, problems, launcher } = await open('/demo/index.html');
    await launcher.click();
    const widget = page.locator('faq-widget-host');
    const input = widget.getByRole('combobox', { name: 'Meklēt palīdzības rakstos' });
    await expect.poll(() => input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await styleOf(page, '.faq-input', 'font-size')).toBe('16px');
    expect(await styleOf(page, '.faq-panel', 'width')).toBe('400px');
    const box = (await launcher.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    await input.pressSequentially('izdegshana');
    await expect.poll(() => widget.getByRole('option').first().textContent()).toContain('grūti');
    await page.screenshot({ path: join(SHOTS, 'results-lv.png') });
    await page.keyboard.press('Enter');
    await widget.getByRole('heading', { level: 3 }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.getByRole('dialog').count()).toBe(0);
    expect(await launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('makes no request of its own and sets no cookie with the built-in content', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + '/plain.html');
    const widget = page.locator('faq-widget-host');
    await widget.locator('button.faq-launcher').click();
    await widget.getByRole('combobox').fill('salary');
    await widget.getByRole('combobox').press('Enter');
    await widget.getByRole('heading', { level: 3 }).waitFor();
    expect(requests.filter((p) => p !== '/favicon.ico')).toEqual(['/plain.html', '/dist/faq-widget.js']);
    expect(await page.context().cookies()).toEqual([]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy without a single violation', async () => {
    const { page, problems, launcher } = await open('/csp.html');
    await launcher.click();
    await page.getByRole('combobox').fill('alga');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    expect(await styleOf(page, '.faq-launcher', 'position')).toBe('fixed');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('looks the same on a page with a hostile stylesheet', async () => {
    const { page, launcher } = await open('/hostile.html');
    expect(await launcher.isVisible()).toBe(true);
    await launcher.click();
    expect(await styleOf(page, '.faq-input', 'font-size')).toBe('16px');
    expect(await styleOf(page, '.faq-title', 'color')).not.toBe('rgb(255, 0, 255)');
    expect(await styleOf(page, '.faq-title', 'font-size')).toBe('18px');
    await page.close();
  });

  it('fills the screen on a 375 × 667 phone', async () => {
    const { page, launcher } = await open('/plain.html', { width: 375, height: 667 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await launcher.click();
    const panel = (await page.getByRole('dialog').boundingBox())!;
    expect(panel).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    await page.close();
  });

  it('honours prefers-reduced-motion', async () => {
    const { page, launcher } = await open('/plain.html');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await launcher.click();
    expect(await styleOf(page, '.faq-panel', 'animation-name')).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await styleOf(page, '.faq-panel', 'animation-name')).toBe('faq-in');
    await page.close();
  });

  it('has no axe violations (WCAG 2.2 A/AA, contrast included) in light and dark, results and article', async () => {
    for (const path of ['/plain.html', '/dark.html']) {
      const { page, launcher } = await open(path);
      expect(await axe(page), `${path} closed`).toEqual([]);
      await launcher.click();
      expect(await axe(page), `${path} open`).toEqual([]);
      await page.getByRole('combobox').fill('alga');
      await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
      expect(await axe(page), `${path} results`).toEqual([]);
      await page.getByRole('combobox').fill('qqqxzv');
      expect(await axe(page), `${path} no results`).toEqual([]);
      await page.getByRole('combobox').fill('alga');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 3 }).waitFor();
      expect(await axe(page), `${path} article`).toEqual([]);
      if (path === '/dark.html') await page.screenshot({ path: join(SHOTS, 'article-dark-lv.png') });
      await page.close();
    }
  });
});
