import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';

/**
 * The built script-tag file, loaded into a fresh DOM exactly as a page loads it.
 * Run `npm run build` first (the test command does).
 */
const bundle = readFileSync(new URL('../../dist/faq-widget.js', import.meta.url), 'utf8');

function page(attributes = '', before = '') {
  const dom = new JSDOM('<!doctype html><html lang="lv"><body><main id="app"></main></body></html>', {
    runScripts: 'dangerously',
    url: 'https://shop.example/',
  });
  const { window } = dom;
  const fetch = vi.fn(async () => new Response('{}'));
  Object.assign(window, { fetch });
  const globalsBefore = new Set(Object.getOwnPropertyNames(window));
  if (before) {
    const s = window.document.createElement('script');
    s.textContent = before;
    window.document.body.append(s);
  }
  const script = window.document.createElement('script');
  script.textContent = bundle;
  for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) script.setAttribute(name, value);
  window.document.body.append(script);
  const api = (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget;
  const hosts = () => window.document.querySelectorAll('faq-widget-host');
  const newGlobals = Object.getOwnPropertyNames(window).filter((k) => !globalsBefore.has(k));
  return { window, api, hosts, fetch, newGlobals };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('dist/faq-widget.js', () => {
  it('defines exactly one global, FaqWidget, with a version', () => {
    const { api, newGlobals } = page();
    expect(newGlobals).toEqual(['FaqWidget']);
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('mounts the launcher from the script tag alone, in the page language', async () => {
    const { api, hosts } = page();
    await tick();
    expect(hosts()).toHaveLength(1);
    const launcher = hosts()[0].shadowRoot!.querySelector('button.faq-launcher')!;
    expect(launcher.textContent).toBe('Palīdzība');
    expect(api.get()?.language).toBe('lv');
  });

  it('searches, destroys and mounts again through the API', async () => {
    const { api, hosts } = page('data-lang="en"');
    await tick();
    const hits = await api.get()!.search('izdegshana', { lang: 'lv' });
    expect(hits[0]).toMatchObject({ id: 'difficulty', lang: 'lv' });
    api.get()!.destroy();
    expect(hosts()).toHaveLength(0);
    const again = api.mount({ lang: 'en' });
    again.open();
    await tick();
    expect(hosts()[0].shadowRoot!.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBeTruthy();
  });

  it('runs functions queued before it loaded with the mounted widget, and later ones at once', async () => {
    const { api, window } = page('', '(window.FaqWidget = window.FaqWidget || []).push((w) => { window.seen = w.language; w.open(); });');
    await tick();
    expect((window as unknown as { seen: string }).seen).toBe('lv');
    expect(api.get()!.isOpen()).toBe(true);
    let later = '';
    api.push((w) => (later = w.language));
    expect(later).toBe('lv');
  });

  it('only loads with data-auto-mount="false", and runs the queue on the first mount', async () => {
    const { api, hosts, window } = page('data-auto-mount="false"', '(window.FaqWidget = []).push((w) => { window.queued = w.language; });');
    await tick();
    expect(hosts()).toHaveLength(0);
    expect(api.get()).toBeUndefined();
    api.mount({ lang: 'en' });
    expect((window as unknown as { queued: string }).queued).toBe('en');
  });

  it('renders inline into data-target', async () => {
    const { window } = page('data-mode="inline" data-target="#app" data-lang="en"');
    await tick();
    const host = window.document.querySelector('#app > faq-widget-host')!;
    expect(host.shadowRoot!.querySelector('[role="region"]')).toBeTruthy();
  });

  it('waits for the page to be parsed before rendering inline into a target below the script', async () => {
    const dom = new JSDOM(
      `<!doctype html><html><body><script data-mode="inline" data-target="#later">${bundle}</script><div id="later"></div></body></html>`,
      { runScripts: 'dangerously' },
    );
    await new Promise((r) => dom.window.addEventListener('load', r));
    expect(dom.window.document.querySelector('#later > faq-widget-host')).toBeTruthy();
  });

  it('makes no network request and sets no cookie with built-in content', async () => {
    const { api, fetch, window } = page();
    await tick();
    api.get()!.open();
    await api.get()!.search('alga');
    expect(fetch).not.toHaveBeenCalled();
    expect(window.document.cookie).toBe('');
  });

  it('does nothing but warn when the script is on the page twice', async () => {
    const { window, hosts } = page();
    const warn = vi.spyOn(window.console, 'warn').mockImplementation(() => undefined);
    const again = window.document.createElement('script');
    again.textContent = bundle;
    window.document.body.append(again);
    await tick();
    expect(hosts()).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('faq-widget: loaded twice; the second copy does nothing');
  });
});
