import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launch, openPage, serve, widgetIn } from './harness';

/** The owner's content over a real network: slow, broken and missing files end in words, not in "Loading…". */

const faq = (lang: string) =>
  JSON.stringify({ categories: { c: `Kategorija ${lang}` }, entries: { a: { category: 'c', question: `Jautājums ${lang}?`, answer: 'Atbilde.' } } });

// A page script that wraps fetch and drops its second argument, and with it the abort signal.
const DROPS_INIT = `<script>const f = window.fetch; window.fetch = (url) => f(url);</script>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
/** Another origin whose files never answer (/hang/) or send a few bytes and then nothing (/trickle/en.json). */
let slow: Server;
let slowUrl: string;
const held = new Set<ServerResponse>();

beforeAll(async () => {
  slow = createServer((req, res) => {
    held.add(res);
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
    if (req.url === '/trickle/lv.json') return void res.writeHead(200, headers).end(faq('lv'));
    if (req.url === '/trickle/en.json') res.writeHead(200, headers).write('{"categories":');
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  slowUrl = `http://127.0.0.1:${(slow.address() as { port: number }).port}`;
  server = await serve({
    '/hang.html': { body: hostPage({ head: DROPS_INIT, script: `data-content="${slowUrl}/hang/{{lng}}.json"` }) },
    '/trickle.html': { body: hostPage({ script: `data-content="${slowUrl}/trickle/{{lng}}.json"` }) },
    '/half.html': { body: hostPage({ script: 'data-content="/half/{{lng}}.json"' }) },
    '/half/lv.json': { body: faq('lv') },
    // Broken, not missing: a file not there would make the site Latvian-only, never fetched again.
    '/half/en.json': { body: '{"categories": ' },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  slow?.closeAllConnections();
  await new Promise((resolve) => slow?.close(resolve));
});

describe('loading content in a real browser', () => {
  it('gives up after 8 s, even when a page fetch wrapper drops the abort signal, and offers Try again', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/hang.html');
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    // The visitor's file is given up on after 8 s and said at once (the other language is tried meanwhile).
    await expect
      .poll(() => problems, { timeout: 15_000 })
      .toEqual([`console.error: faq-widget: content could not be loaded: ${slowUrl}/hang/lv.json: no answer within 8 s`]);
    expect(await w.getByRole('alert').textContent()).toContain('Palīdzības rakstus neizdevās ielādēt.');
    expect(await w.getByRole('button', { name: 'Mēģināt vēlreiz' }).count()).toBe(1);
    await close();
  });

  it('names the file, and says it timed out, when its body trickles in past 8 s', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/trickle.html');
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('option', { name: 'Jautājums lv?' }).waitFor();
    // Nothing in Latvian: the English file is fetched for the fallback, and never finishes.
    await w.getByRole('combobox').fill('qqqzz');
    await expect
      .poll(() => problems, { timeout: 15_000 })
      .toEqual([`console.error: faq-widget: content could not be loaded: ${slowUrl}/trickle/en.json: no answer within 8 s`]);
    await close();
  });

  it('fetches a broken file again only after a back-off, and logs its failure once', async () => {
    const { page, problems, close } = await openPage(browser, server.url + '/half.html');
    const requests = () =>
      page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/half/en.json')).length);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).waitFor();
    const reopen = () =>
      page.evaluate(() => {
        const widget = (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget.get()!;
        widget.open();
        widget.close();
      });
    const logged = expect.stringMatching(new RegExp(`^console\\.error: faq-widget: content could not be loaded: ${server.url}/half/en\\.json: not valid JSON`));
    // English is fetched only when a search needs it: nothing in Latvian, so the fallback asks.
    await page.evaluate(() => (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget.get()!.search('qqqzz'));
    await expect.poll(() => problems).toEqual([logged]);
    for (let i = 0; i < 3; i++) await reopen();
    await page.waitForTimeout(200);
    expect(await requests()).toBe(1);
    expect(problems).toEqual([logged]);

    await page.waitForTimeout(2100);
    await reopen();
    await expect.poll(requests).toBe(2);
    await page.waitForTimeout(200);
    expect(problems).toEqual([logged]); // the widget does not repeat itself
    await close();
  });
});
