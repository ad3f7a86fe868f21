/**
 * Owner content of 10 to 10,000 entries through `data-content`: from open until searchable,
 * the longest task meanwhile, the heap it takes, and search() per keystroke in the page.
 */
import type { Browser } from 'playwright-core';
import type { FaqWidgetApi } from '../src/types';
import { TYPED } from './generate';
import { probedPage } from './probe';

export interface OpenRun {
  /** From the click until results for a query typed at once are painted. */
  searchable: number;
  /** Longest task (≥ 50 ms) meanwhile; 0 if none. */
  longest: number;
  /** Heap added by the widget after open and one search, garbage collected, against the page without it. */
  heap: number;
}

/** Opens the widget on `url` (unthrottled), searches once, and weighs the heap against `bare`, the same page without the script. */
export async function openLarge(browser: Browser, url: string, bare: string, query: string): Promise<OpenRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await probedPage(context);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(bare, { waitUntil: 'load' });
  const before = await heap();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const { results, longest } = await page.evaluate((q) => window.probe.openAndSearch(q), query);
  const after = await heap();
  await context.close();
  return { searchable: results, longest, heap: after - before };
}

/** search() timed in the page for every prefix of the TYPED queries, three rounds; and the longest task while a visitor types. */
export async function typing(browser: Browser, url: string): Promise<{ times: number[]; longestWhileTyping: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await probedPage(context);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    (window.FaqWidget as FaqWidgetApi).get()!.open();
    await window.probe.when('faqwidget:ready');
  });
  const times = await page.evaluate(async (queries) => {
    const widget = (window.FaqWidget as FaqWidgetApi).get()!;
    const out: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        for (let i = 1; i <= q.length; i++) {
          const t = performance.now();
          await widget.search(q.slice(0, i), { limit: 30 });
          out.push(performance.now() - t);
        }
      }
    }
    return out;
  }, [...TYPED.lv, ...TYPED.en]);

  // Real keystrokes into the panel, 40 ms apart.
  await page.waitForTimeout(300);
  const from = await page.evaluate(() => performance.now());
  const input = page.locator('faq-widget-host').getByRole('combobox');
  for (const q of TYPED.lv.slice(0, 3)) {
    await input.fill('');
    await input.pressSequentially(q, { delay: 40 });
  }
  await page.waitForTimeout(200);
  const longestWhileTyping = await page.evaluate((t) => window.probe.longest(t), from);
  await context.close();
  return { times, longestWhileTyping };
}
