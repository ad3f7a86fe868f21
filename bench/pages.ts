/**
 * Page views with the built-in content: what an untouched view fetches, the main-thread time
 * until the launcher shows, and how fast the panel answers once a visitor reaches for it.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { probedPage } from './probe';
import { firstFrame, launcherTime, traced, type LauncherTime } from './trace';

const VIEWPORT = { width: 1280, height: 800 };

async function fresh(browser: Browser, throttle = 1): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await probedPage(context);
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp };
}

/** Loads the page, touches nothing for `idleMs`, and lists every request but the page's own with the bytes it transferred. */
export async function untouched(browser: Browser, url: string, idleMs = 2500): Promise<{ bytes: number; requests: string[] }> {
  const { context, page } = await fresh(browser);
  const finished: Promise<{ path: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    finished.push(request.sizes().then((s) => ({ path: new URL(request.url()).pathname, bytes: s.responseHeadersSize + s.responseBodySize })));
  });
  const html = new URL(url).pathname;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(idleMs);
  const requests = (await Promise.all(finished)).filter((r) => r.path !== html);
  await context.close();
  return { bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests: requests.map((r) => `${r.path} (${r.bytes} bytes)`) };
}

/** One page load, traced: main-thread time from the loader's first statement until the launcher is painted. */
export async function launcherStart(browser: Browser, url: string, loader: string): Promise<LauncherTime> {
  const { context, page } = await fresh(browser);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('faq-widget-host')) return;
      performance.mark('faq-widget:in-dom');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const events = await traced(browser, page, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('faq-widget-host'));
    await page.evaluate(() => window.probe.nextPaint());
    await page.evaluate(() => window.probe.nextPaint());
  });
  await context.close();
  return launcherTime(events, loader);
}

/** One load of the page without the widget, traced: CPU time of the frame that first paints it. */
export async function pageFirstFrame(browser: Browser, url: string): Promise<number> {
  const { context, page } = await fresh(browser);
  const events = await traced(browser, page, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => window.probe.nextPaint());
    await page.evaluate(() => window.probe.nextPaint());
  });
  await context.close();
  return firstFrame(events);
}

/**
 * 4× slower CPU: the pointer enters the launcher (intent), a human's pause, then a click; from
 * the click to the painted home view with its topics listbox.
 */
export async function intentThenClick(browser: Browser, url: string, pauseMs = 400): Promise<{ click: number; hoverToReady: number; readyBeforeClick: boolean }> {
  const { context, page } = await fresh(browser, 4);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.probe.nextPaint());
  const box = (await page.locator('faq-widget-host .faq-launcher').boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.waitForTimeout(pauseMs);
  // A visitor who waits a little longer, when the runtime is not in yet: the figure is about the click.
  const ready = await page.evaluate(() => Promise.race([window.probe.when('faqwidget:ready'), new Promise<number>((r) => setTimeout(() => r(NaN), 5000))]));
  const hovered = await page.evaluate(() => window.probe.when('pointerover'));
  const readyBeforeClick = !Number.isNaN(ready);
  await page.evaluate(() => {
    const { probe } = window;
    probe.forget('click');
    const root = probe.root();
    (window as unknown as { home: Promise<number> }).home = (async () => {
      const clicked = await probe.when('click');
      await probe.until(() => root.querySelector('[role="listbox"] [role="group"] [role="option"]'));
      return (await probe.nextPaint()) - clicked;
    })();
  });
  await page.mouse.click(x, y);
  const click = await page.evaluate(() => (window as unknown as { home: Promise<number> }).home);
  await context.close();
  return { click, hoverToReady: ready - hovered, readyBeforeClick };
}

/** 4× slower CPU, no intent before: a click from script, a query typed as soon as the input exists, until results are painted. */
export async function clickThenType(browser: Browser, url: string, query: string): Promise<{ input: number; results: number }> {
  const { context, page } = await fresh(browser, 4);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const { input, results } = await page.evaluate((q) => window.probe.openAndSearch(q), query);
  await context.close();
  return { input, results };
}
