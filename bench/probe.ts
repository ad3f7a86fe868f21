/**
 * What the bench puts into every page before any of the page's scripts run: long tasks as they
 * happen, and ways to wait for the widget's shadow DOM and for the frame that paints it.
 * Everything is timed in the page (performance.now()), so Playwright's round trips do not count.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Probe {
  /** Longest task (≥ 50 ms, the Long Tasks API's floor) that started within [from, to]; 0 if none. */
  longest(from: number, to?: number): number;
  /** The widget's shadow root (the loader draws it at once). */
  root(): ShadowRoot;
  /** Resolves with `test()` as soon as it is truthy, checked on every change in the shadow root. */
  until<T>(test: () => T | null | undefined | false): Promise<T>;
  /** The time of the latest `type` event (click, pointerover, faqwidget:ready) since `forget(type)`, once there is one. */
  when(type: string): Promise<number>;
  forget(type: string): void;
  /** When the frame after this moment has been painted (a rAF, then a task after it). */
  nextPaint(): Promise<number>;
  /** Clicks the launcher from script (no pointer, so no intent), then types `query` as soon as the input exists. */
  openAndSearch(query: string): Promise<{ input: number; results: number; longest: number }>;
}

declare global {
  interface Window {
    probe: Probe;
  }
}

function install() {
  // tsx names functions with an `__name` helper the page does not have.
  (globalThis as unknown as { __name: <T>(f: T) => T }).__name = (f) => f;
  const tasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  const seen = new Map<string, number>();
  const waiting = new Map<string, ((at: number) => void)[]>();
  for (const type of ['click', 'pointerover', 'faqwidget:ready']) {
    const heard = (event: Event) => {
      seen.set(type, event.timeStamp);
      for (const resolve of waiting.get(type)?.splice(0) ?? []) resolve(event.timeStamp);
    };
    window.addEventListener(type, heard, { capture: true });
  }
  const probe: Probe = {
    when: (type) => new Promise((resolve) => (seen.has(type) ? resolve(seen.get(type)!) : waiting.set(type, [...(waiting.get(type) ?? []), resolve]))),
    forget: (type) => void seen.delete(type),
    longest: (from, to = Infinity) => Math.max(0, ...tasks.filter((t) => t.startTime >= from && t.startTime <= to).map((t) => t.duration)),
    root: () => document.querySelector('faq-widget-host')!.shadowRoot!,
    until(test) {
      return new Promise((resolve) => {
        const found = test();
        if (found) return resolve(found);
        const observer = new MutationObserver(() => {
          const found = test();
          if (!found) return;
          observer.disconnect();
          resolve(found);
        });
        observer.observe(probe.root(), { subtree: true, childList: true, attributes: true, characterData: true });
      });
    },
    nextPaint: () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        }),
      ),
    async openAndSearch(query) {
      const root = probe.root();
      const start = performance.now();
      root.querySelector<HTMLButtonElement>('.faq-launcher')!.click();
      const input = await probe.until(() => root.querySelector<HTMLInputElement>('[role="combobox"]'));
      const typed = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Search hits carry a snippet; the browse list and the no-results suggestions do not.
      await probe.until(() => root.querySelector('[role="option"] .faq-option-snippet'));
      const painted = await probe.nextPaint();
      return { input: typed - start, results: painted - start, longest: probe.longest(start, painted) };
    },
  };
  window.probe = probe;
}

/** A fresh context (cold cache, as a first visit) with the probe in place. */
export async function probedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(install);
  return page;
}
