import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launch, listenerCounts, openPage, serve, TIMER_PROBE, widgetIn } from './harness';

/** Nothing breaks the host page: hostile content and input, hostile environments, no leaks. */

const PAYLOADS = [
  '<script>window.pwned=1</script>',
  '<img src=/pwned.png onerror="window.pwned=1">',
  '"><svg onload="window.pwned=1">',
  "' autofocus onfocus='window.pwned=1",
  '[a](javascript:window.pwned=1)',
  '[b](JaVaScRiPt:window.pwned=1)',
  '[c]( java\tscript:window.pwned=1)',
  '[d](&#106;avascript:window.pwned=1)',
  '[e](data:text/html,<script>window.pwned=1</script>)',
  '[f](vbscript:msgbox(1))',
];
const hostile = (lang: string) => ({
  categories: { c: `<img src=/pwned.png onerror="window.pwned=1"> ${lang}` },
  entries: Object.fromEntries(PAYLOADS.map((p, i) => [`e${i}`, { category: 'c', question: `Q${i} ${p}`, answer: `A ${p} alga`, keywords: [p] }])),
});

const ENVIRONMENTS: Record<string, string> = {
  'localStorage that throws': `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`,
  'no localStorage': `Object.defineProperty(window, 'localStorage', { value: undefined });`,
  'cookies blocked': `Object.defineProperty(Document.prototype, 'cookie', { get() { throw new DOMException('denied', 'SecurityError'); }, set() { throw new DOMException('denied', 'SecurityError'); } });`,
  'a frozen Object.prototype': `Object.freeze(Object.prototype);`,
  'overridden Array.prototype methods': `
    for (const name of ['map', 'filter', 'forEach', 'some', 'every', 'find', 'includes', 'indexOf', 'join', 'slice', 'concat']) {
      const original = Array.prototype[name];
      Array.prototype[name] = function () { return original.apply(this, arguments); };
    }
    Array.prototype.each = function (fn) { this.forEach(fn); }; // enumerable, as Prototype.js did
    Array.prototype.toJSON = function () { return 'not an array'; };`,
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({
    '/hostile.html': { body: hostPage({ lang: 'lv', script: 'data-content="/hostile/{{lng}}.json"' }) },
    '/hostile/lv.json': { body: JSON.stringify(hostile('lv')) },
    '/hostile/en.json': { body: JSON.stringify(hostile('en')) },
    '/plain.html': { body: hostPage({ lang: 'lv' }) },
    '/trusted-types.html': { body: hostPage({ lang: 'lv' }), headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types faq-widget" } },
    '/no-policies.html': { body: hostPage({ lang: 'en' }), headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'" } },
    '/manual.html': { body: hostPage({ lang: 'lv', script: 'data-auto-mount="false"' }) },
    '/nonsense-lang.html': { body: hostPage({ lang: 'xx-💥-$$' }) },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile content in a real browser', () => {
  it('runs no script and sends no request, whatever the content says', async () => {
    const { page, close } = await openPage(browser, 'about:blank');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + '/hostile.html');
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    // Browsing shows the first eight and "Show all"; every entry is then opened through the API.
    await expect.poll(() => w.getByRole('option').count()).toBe(9);
    for (let i = 0; i < PAYLOADS.length; i++) {
      await page.evaluate((id) => (window as unknown as { FaqWidget: { get(): { openArticle(id: string): void } } }).FaqWidget.get().openArticle(id), `e${i}`);
      await w.getByRole('heading', { level: 3, name: new RegExp(`^Q${i} `) }).waitFor();
      for (const link of await w.locator('.faq-answer a').all()) expect(await link.getAttribute('href')).not.toMatch(/script|data:/i);
      await w.getByRole('button', { name: 'Atpakaļ' }).click();
    }
    for (const p of PAYLOADS) await w.getByRole('combobox').fill(p);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    // The widget's own runtime chunk and the visitor's file (every payload is found in Latvian, so
    // the English one is never needed); nothing the content names.
    expect(requests.filter((p) => p !== '/favicon.ico').map((p) => p.replace(/runtime\.[\w-]+\.js$/, 'runtime.js'))).toEqual([
      '/hostile.html',
      '/dist/faq-widget.js',
      '/dist/faq-widget.runtime.js',
      '/hostile/lv.json',
    ]);
    await close();
  });
});

describe('input limits', () => {
  async function longestTask(page: Page, action: () => Promise<void>) {
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await action();
    await page.waitForTimeout(200);
    return page.evaluate(() => (window as unknown as { longest: number }).longest);
  }

  it('caps a 10,000-character paste without freezing the page', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/plain.html');
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    const input = w.getByRole('combobox');
    await input.focus();
    // Long tasks are those over 50 ms; a freeze would be seconds.
    const longest = await longestTask(page, () => page.keyboard.insertText('zvanu centra alga '.repeat(556).slice(0, 10_000)));
    expect((await input.inputValue()).length).toBeLessThanOrEqual(200);
    expect(longest).toBeLessThan(150);
    expect(problems).toEqual([]);
    await close();
  });

  it('takes regex characters, emoji, right-to-left text and rapid typing without an error', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/plain.html');
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    const input = w.getByRole('combobox');
    for (const text of ['(.*+?^$[]{}|\\', '🙂👍🏽🇱🇻 alga', 'مرحبا שלום alga', '\u202e\u0000\ufeff']) {
      await input.fill('');
      await input.pressSequentially(text, { delay: 0 });
    }
    await input.fill('');
    const longest = await longestTask(page, () => input.pressSequentially('kaa kljuut par komandas vadiitaaju un cik var nopelnit', { delay: 0 }));
    await expect.poll(() => w.getByRole('option').count()).toBeGreaterThan(0);
    expect(longest).toBeLessThan(150);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('hostile environments', () => {
  it.each([...Object.keys(ENVIRONMENTS), 'nonsense <html lang>'])('works with %s', async (name) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    if (ENVIRONMENTS[name]) await page.addInitScript(ENVIRONMENTS[name]);
    await page.goto(server.url + (ENVIRONMENTS[name] ? '/plain.html' : '/nonsense-lang.html'));
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    await w.getByRole('combobox').fill('alga');
    await expect.poll(() => w.getByRole('option').count()).toBeGreaterThan(0);
    await w.getByRole('button', { name: /^EN/ }).click();
    await w.getByRole('dialog', { name: 'Help centre' }).waitFor();
    await w.getByRole('combobox').press('Enter');
    await w.getByRole('heading', { level: 3 }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says what to change, in the panel and the console, on a Trusted Types page that allows no policy at all', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/no-policies.html');
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Help' }).click();
    await w.getByRole('alert').getByText('The help articles could not be loaded.').waitFor();
    await w.getByRole('button', { name: 'Try again' }).waitFor();
    // Chromium reports the blocked policy itself; the widget says once what the owner can do.
    expect(problems.filter((p) => p.startsWith('console.error: faq-widget'))).toEqual([
      expect.stringMatching(/faq-widget: .*faq-widget\.runtime\.[\w-]+\.js: the page's Trusted Types rules allow no policy named "faq-widget"/),
    ]);
    await close();
  });

  it("works on a page that requires Trusted Types for scripts and allows the widget's policy, with no violation", async () => {
    const { page, problems, violations, close } = await openPage(browser, server.url + '/trusted-types.html');
    const w = widgetIn(page);
    await w.locator('button.faq-launcher').click();
    await w.getByRole('combobox').fill('alga');
    await w.getByRole('combobox').press('Enter');
    await w.getByRole('heading', { level: 3 }).waitFor();
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('leaks', () => {
  it('mount → destroy 200 times leaves DOM, listeners, timers and the JS heap where they started', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/manual.html');
    await page.evaluate(TIMER_PROBE);
    const cdp = await page.context().newCDPSession(page);
    const cycle = (n: number) =>
      page.evaluate(async (count) => {
        const api = (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget;
        for (let i = 0; i < count; i++) {
          const widget = api.mount({ lang: i % 2 ? 'lv' : 'en', urlState: true });
          widget.open();
          await widget.search('alga');
          widget.destroy();
        }
        await new Promise((r) => setTimeout(r, 100));
      }, n);
    /** JS objects on the heap, by self size, from a heap snapshot: machine code V8 adds as it optimises is left out. */
    const objectBytes = async () => {
      let data = '';
      const onChunk = (e: { chunk: string }) => (data += e.chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      const snapshot = JSON.parse(data);
      const width = snapshot.snapshot.meta.node_fields.length;
      const types: string[] = snapshot.snapshot.meta.node_types[0];
      let bytes = 0;
      for (let i = 0; i < snapshot.nodes.length; i += width) {
        if (['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number'].includes(types[snapshot.nodes[i]])) bytes += snapshot.nodes[i + 3];
      }
      return bytes;
    };
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const listeners = await listenerCounts(cdp);
      const dom = await page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, timers: (window as unknown as { __timers: Set<number> }).__timers.size }));
      return { ...dom, listeners, objects: await objectBytes() };
    };

    await cycle(10); // warm up: code compiled, caches filled
    const before = await measure();
    await cycle(200);
    const after = await measure();
    expect({ ...after, objects: 0 }).toEqual({ ...before, objects: 0 });
    // 100 kB of slack: a leak of even half a kilobyte per cycle would exceed it.
    console.log(`JS objects on the heap: ${before.objects} bytes before, ${after.objects} bytes after 200 mount/destroy cycles`);
    expect(Math.abs(after.objects - before.objects)).toBeLessThan(100_000);
    expect(problems).toEqual([]);
    await close();
  });
});
