import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, listenerCounts, openPage, serve, TIMER_PROBE, widgetIn } from './harness';

/** How site owners embed the built widget, driven from real page scripts in Chromium. */

const page = (body: string, lang = 'lv') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title></head><body>${body}</body></html>`;


let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({
    '/inline.html': {
      body: page('<main><h1>Atbalsts</h1><div id="help"></div></main><script src="/dist/faq-widget.js" data-mode="inline" data-target="#help" async></script>'),
    },
    '/element.html': { body: page('<main><faq-widget lang="en"></faq-widget></main><script src="/dist/faq-widget.js" data-auto-mount="false"></script>') },
    '/api.html': {
      body: page(
        `<div id="second"></div>
         <script src="/queue.js"></script>
         <script src="/dist/faq-widget.js" async></script>`,
      ),
    },
    '/queue.js': {
      body: `window.log = [];
        (window.FaqWidget = window.FaqWidget || []).push((w) => { window.log.push('queued:' + w.language); w.open(); });
        document.addEventListener('faqwidget:ready', (e) => window.log.push('ready'));`,
    },
    '/manual.html': { body: page('<script src="/dist/faq-widget.js" data-auto-mount="false"></script>') },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('embedding', () => {
  it('renders inline into data-target as a labelled region, always open', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/inline.html');
    const w = widgetIn(p);
    await w.getByRole('region', { name: 'Palīdzības centrs' }).waitFor();
    expect(await p.locator('#help > faq-widget-host').count()).toBe(1);
    expect(await w.getByRole('button', { name: 'Palīdzība' }).count()).toBe(0);
    await w.getByRole('combobox').fill('alga');
    await expect.poll(() => w.getByRole('option').count()).toBeGreaterThan(0);
    await w.getByRole('combobox').press('Escape');
    expect(await w.getByRole('region').count()).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('renders <faq-widget lang="en"> inline where it stands', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/element.html');
    const w = widgetIn(p);
    await w.getByRole('region', { name: 'Help centre' }).waitFor();
    expect(await p.locator('faq-widget > faq-widget-host').count()).toBe(1);
    await p.evaluate(() => document.querySelector('faq-widget')!.remove());
    expect(await p.locator('faq-widget-host').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('runs calls queued before the script loaded, then drives a second, independent instance', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/api.html');
    await expect.poll(() => p.evaluate(() => (window as unknown as { log: string[] }).log)).toEqual(['queued:lv', 'ready']);
    const first = p.locator('body > faq-widget-host');
    await first.getByRole('dialog', { name: 'Palīdzības centrs' }).waitFor();

    const later = await p.evaluate(() => {
      let seen = '';
      const api = (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget;
      api.push((w) => (seen = w.language));
      const second = api.mount({ mode: 'inline', target: '#second', lang: 'en' });
      (window as unknown as { second: unknown }).second = second;
      return seen;
    });
    expect(later).toBe('lv');
    const second = p.locator('#second faq-widget-host');
    await second.getByRole('region', { name: 'Help centre' }).waitFor();

    await second.getByRole('combobox').fill('salary');
    expect(await first.getByRole('combobox').inputValue()).toBe('');
    await second.getByRole('button', { name: /^LV/ }).click();
    await second.getByRole('region', { name: 'Palīdzības centrs' }).waitFor();
    await first.getByRole('button', { name: /^EN/ }).click();
    await first.getByRole('dialog', { name: 'Help centre' }).waitFor();
    expect(await second.getByRole('region', { name: 'Palīdzības centrs' }).count()).toBe(1);

    const hits = await p.evaluate(() =>
      (window as unknown as { second: import('../../src/types').WidgetHandle }).second.search('izdegshana', { limit: 1 }),
    );
    expect(hits).toEqual([{ id: 'difficulty', lang: 'lv', question: expect.any(String), score: expect.any(Number) }]);
    expect(problems).toEqual([]);
    await close();
  });

  it('destroy() leaves no node, listener or timer behind, and mount works again', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/manual.html');
    await p.evaluate(TIMER_PROBE);
    const cdp = await p.context().newCDPSession(p);
    const snapshot = async () => ({
      nodes: await p.evaluate(() => document.getElementsByTagName('*').length),
      listeners: await listenerCounts(cdp),
      timers: await p.evaluate(() => (window as unknown as { __timers: Set<number> }).__timers.size),
    });
    const before = await snapshot();

    for (let round = 0; round < 3; round++) {
      await p.evaluate(() => {
        const api = (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget;
        (window as unknown as { w: unknown }).w = api.mount({ urlState: true, contactUrl: 'https://example.com/c' });
      });
      const w = widgetIn(p);
      await w.getByRole('button', { name: 'Palīdzība' }).click();
      await w.getByRole('combobox').pressSequentially('izdeg');
      await w.getByRole('combobox').press('Enter');
      await w.getByRole('heading', { level: 3 }).waitFor();
      await w.getByRole('button', { name: 'Jā' }).click();
      // Destroyed mid-way: with the search-event timer still pending.
      await p.evaluate(() => (window as unknown as { w: import('../../src/types').WidgetHandle }).w.destroy());
    }
    await p.waitForTimeout(100); // let Preact's own after-paint timers finish
    expect(await snapshot()).toEqual(before);
    expect(problems).toEqual([]);
    await close();
  });
});
