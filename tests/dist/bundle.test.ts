import { readFileSync } from 'node:fs';
import * as jsdom from 'jsdom';
import { describe, expect, it, vi } from 'vitest';

/**
 * The built script-tag file, loaded into a fresh DOM as a page loads it: from a CDN address,
 * with its chunks fetched from beside it. Run `npm run build` first (the test command does).
 * (Chromium checks what jsdom cannot: integrity hashes, CSP, timing. See tests/e2e.)
 */
const dist = new URL('../../dist/', import.meta.url);
const bundle = readFileSync(new URL('faq-widget.js', dist), 'utf8');
const CDN = 'https://cdn.example/faq/';

const { JSDOM } = jsdom;
// jsdom 27's subresource hook; the installed @types describe a later jsdom without it.
const { ResourceLoader } = jsdom as unknown as { ResourceLoader: new () => object };

/** Serves dist/ at the CDN address and records what the page asked for. */
class Cdn extends ResourceLoader {
  requested: string[] = [];
  fetch(url: string) {
    this.requested.push(url);
    if (!url.startsWith(CDN)) return Promise.reject(new Error(`not found: ${url}`)) as never;
    return Promise.resolve(readFileSync(new URL(url.slice(CDN.length), dist))) as never;
  }
}

async function page(attributes = '', before = '') {
  const cdn = new Cdn();
  const dom = new JSDOM('<!doctype html><html lang="lv"><body><main id="app"></main></body></html>', {
    runScripts: 'dangerously',
    resources: cdn as never,
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
  script.src = `${CDN}faq-widget.js`;
  for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) script.setAttribute(name, value);
  const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
  window.document.body.append(script);
  await loaded;
  const api = (window as unknown as { FaqWidget: import('../../src/types').FaqWidgetApi }).FaqWidget;
  const hosts = () => window.document.querySelectorAll('faq-widget-host');
  const newGlobals = Object.getOwnPropertyNames(window).filter((k) => !globalsBefore.has(k));
  return { window, api, hosts, fetch, newGlobals, requested: cdn.requested };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the loader', () => {
  // STYLE: the few-KB stand-in every page view pays imports no framework; this fails if it does.
  it('reaches no Preact, i18next or Fuse.js module from src/embed.ts', () => {
    const seen = new Set<string>();
    const visit = (file: URL) => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const code = readFileSync(file, 'utf8');
      for (const [, typeOnly, spec] of code.matchAll(/^import\s+(?:(type)\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
        if (typeOnly) continue; // types never reach the bundle (verbatimModuleSyntax)
        expect(spec, `${file.pathname} imports ${spec}`).not.toMatch(/^(preact|i18next|fuse\.js)/);
        if (spec.startsWith('.') && !spec.includes('?') && !spec.endsWith('.json') && spec !== 'virtual:faq-chunks') {
          const next = new URL(spec, file);
          visit(new URL(`${next.href}.ts`));
        }
      }
    };
    visit(new URL('../../src/embed.ts', import.meta.url));
    expect([...seen].map((f) => f.replace(/^.*\/src\//, ''))).toContain('loader/stub.ts');
    expect(bundle).not.toMatch(/createInstance|__PREACT|fuse/i);
  });
});

describe('dist/faq-widget.js', () => {
  it('defines exactly one global, FaqWidget, with a version', async () => {
    const { api, newGlobals } = await page();
    expect(newGlobals).toEqual(['FaqWidget']);
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('mounts the launcher from the script tag alone, in the page language', async () => {
    const { api, hosts } = await page();
    await tick();
    expect(hosts()).toHaveLength(1);
    const launcher = hosts()[0].shadowRoot!.querySelector('button.faq-launcher')!;
    expect(launcher.textContent).toBe('Palīdzība');
    expect(api.get()?.language).toBe('lv');
  });

  it('searches, destroys and mounts again through the API', async () => {
    const { api, hosts } = await page('data-lang="en"');
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
    const { api, window } = await page('', '(window.FaqWidget = window.FaqWidget || []).push((w) => { window.seen = w.language; w.open(); });');
    await tick();
    expect((window as unknown as { seen: string }).seen).toBe('lv');
    expect(api.get()!.isOpen()).toBe(true);
    let later = '';
    api.push((w) => (later = w.language));
    expect(later).toBe('lv');
  });

  it('only loads with data-auto-mount="false", and runs the queue on the first mount', async () => {
    const { api, hosts, window } = await page('data-auto-mount="false"', '(window.FaqWidget = []).push((w) => { window.queued = w.language; });');
    await tick();
    expect(hosts()).toHaveLength(0);
    expect(api.get()).toBeUndefined();
    api.mount({ lang: 'en' });
    expect((window as unknown as { queued: string }).queued).toBe('en');
  });

  it('renders inline into data-target', async () => {
    const { window } = await page('data-mode="inline" data-target="#app" data-lang="en"');
    const host = window.document.querySelector('#app > faq-widget-host')!;
    await vi.waitFor(() => expect(host.shadowRoot!.querySelector('[role="region"]')).toBeTruthy());
  });

  it('waits for the page to be parsed before rendering inline into a target below the script', async () => {
    const dom = new JSDOM(
      `<!doctype html><html><body><script src="${CDN}faq-widget.js" data-mode="inline" data-target="#later"></script><div id="later"></div></body></html>`,
      { runScripts: 'dangerously', resources: new Cdn() as never, url: 'https://shop.example/' },
    );
    await new Promise((r) => dom.window.addEventListener('load', r));
    expect(dom.window.document.querySelector('#later > faq-widget-host')).toBeTruthy();
  });

  it('asks for nothing until the widget is needed, then only for its own chunks from beside the loader; no cookie', async () => {
    const { api, fetch, window, requested } = await page();
    await tick();
    expect(requested).toEqual([`${CDN}faq-widget.js`]);
    api.get()!.open();
    expect(api.get()!.isOpen()).toBe(true);
    await api.get()!.search('alga');
    expect(fetch).not.toHaveBeenCalled();
    expect(requested.every((url) => url.startsWith(`${CDN}faq-widget.`))).toBe(true);
    expect(requested.some((url) => /faq-widget\.runtime\.[\w-]+\.js$/.test(url))).toBe(true);
    expect(window.document.cookie).toBe('');
  });

  it('does nothing but warn when the script is on the page twice', async () => {
    const { window, hosts } = await page();
    const warn = vi.spyOn(window.console, 'warn').mockImplementation(() => undefined);
    const again = window.document.createElement('script');
    again.textContent = bundle;
    window.document.body.append(again);
    await tick();
    expect(hosts()).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('faq-widget: loaded twice; the second copy does nothing');
  });
});
