import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaqWidgetApi } from '../../src/types';
import { launch, openPage, serve, widgetIn, type Fixtures } from './harness';

/** Host pages that once broke the widget: <base href>, DOM clobbering, elements beside the script tag. */

const page = ({ head = '', body = '', lang = 'lv' }) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>${head}</head><body>${body}</body></html>`;
const script = (attributes = '') => `<script src="/dist/faq-widget.js" ${attributes}></script>`;
type Win = { FaqWidget: FaqWidgetApi; log: string[] };

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  // An absolute script URL: under a <base href> a relative one would be fetched from the base.
  const fixtures: Fixtures = {};
  server = await serve(fixtures);
  const abs = (attributes = '') => `<script src="${server.url}/dist/faq-widget.js" ${attributes}></script>`;
  Object.assign(fixtures, {
    '/cdn-base.html': { body: page({ head: '<base href="https://cdn.example.com/">', body: abs('data-url-state="true"') }) },
    '/app/page.html': { body: page({ head: '<base href="/docs/">', body: abs('data-url-state="true"') }) },
    '/clobbered.html': { body: page({ body: `<div id="FaqWidget">A page element with our name</div><form name="FaqWidget"></form>${script()}` }) },
    '/element-and-script.html': {
      body: page({
        body: `<main><faq-widget lang="en" id="help"></faq-widget></main>
          <script>window.log = []; (window.FaqWidget = window.FaqWidget || []).push((w) => window.log.push('queued:' + w.isOpen()));</script>
          ${script('async')}`,
      }),
    },
    '/element-and-launcher.html': { body: page({ body: `<faq-widget lang="en"></faq-widget>${script('data-auto-mount="true"')}` }) },
    '/own/lv.json': {
      body: JSON.stringify({ categories: { c: 'Veikals' }, entries: { a: { category: 'c', question: 'Kad atvedīs paku?', answer: 'Divu darbdienu laikā.' } } }),
    },
    '/move.html': { body: page({ body: `<div id="a"><faq-widget lang="lv"></faq-widget></div><div id="b"></div>${script('data-auto-mount="false"')}` }) },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('URL state under <base href>', () => {
  it('goes back and closes from a shared link when <base> names another origin', async () => {
    const { page: p, problems, close } = await openPage(browser, `${server.url}/cdn-base.html#faq=en/salary`);
    const w = widgetIn(p);
    await w.getByRole('heading', { level: 3 }).waitFor();
    await w.getByRole('button', { name: 'Back' }).click();
    await w.getByRole('listbox').waitFor();
    expect(await w.getByRole('heading', { level: 3 }).count()).toBe(0);
    expect(await p.evaluate(() => location.href)).toBe(`${server.url}/cdn-base.html`);
    await w.getByRole('button', { name: 'Close' }).click();
    expect(await w.getByRole('dialog').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the page path when a same-origin <base> names another folder, also across a reload', async () => {
    const { page: p, problems, close } = await openPage(browser, `${server.url}/app/page.html?x=1`);
    const w = widgetIn(p);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('option').first().click();
    await w.getByRole('heading', { level: 3 }).waitFor();
    const address = await p.evaluate(() => location.pathname + location.search + location.hash);
    expect(address).toMatch(/^\/app\/page\.html\?x=1#faq=lv\/[\w-]+$/);
    await p.reload();
    await widgetIn(p).getByRole('heading', { level: 3 }).waitFor();
    expect(await p.evaluate(() => location.pathname + location.search + location.hash)).toBe(address);
    await widgetIn(p).getByRole('button', { name: 'Atpakaļ' }).click();
    expect(await p.evaluate(() => location.pathname + location.search + location.hash)).toBe('/app/page.html?x=1');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('page elements', () => {
  it('starts on a page whose <div id="FaqWidget"> shadows the global name', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/clobbered.html');
    await widgetIn(p).getByRole('button', { name: 'Palīdzība' }).click();
    await widgetIn(p).getByRole('dialog').waitFor();
    expect(await p.evaluate(() => typeof (window as unknown as Win).FaqWidget.version)).toBe('string');
    expect(await p.evaluate(() => document.getElementById('FaqWidget')!.textContent)).toBe('A page element with our name');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows only the <faq-widget> of a page that also has the script tag, and get()/push() reach it', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/element-and-script.html');
    await widgetIn(p).getByRole('region', { name: 'Help centre' }).waitFor();
    await expect.poll(() => p.evaluate(() => (window as unknown as Win).log)).toEqual(['queued:true']);
    expect(await p.locator('faq-widget-host').count()).toBe(1);
    expect(await p.evaluate(() => (window as unknown as Win).FaqWidget.get()?.language)).toBe('en');
    expect(await p.evaluate(() => new Promise((r) => (window as unknown as Win).FaqWidget.push((w) => r(w.isOpen()))))).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('adds the launcher beside <faq-widget> when data-auto-mount="true" asks for it', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/element-and-launcher.html');
    await widgetIn(p, 0).getByRole('region').waitFor();
    await expect.poll(() => p.locator('faq-widget-host').count()).toBe(2);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the query and the open article of a <faq-widget> moved elsewhere in the page', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/move.html');
    const w = widgetIn(p);
    await w.getByRole('combobox').fill('alga');
    await p.evaluate(() => document.getElementById('b')!.append(document.querySelector('faq-widget')!));
    expect(await p.locator('#b faq-widget faq-widget-host').count()).toBe(1);
    expect(await w.getByRole('combobox').inputValue()).toBe('alga');
    await w.getByRole('option').first().click();
    const title = await w.getByRole('heading', { level: 3 }).textContent();
    await p.evaluate(() => document.getElementById('a')!.append(document.querySelector('faq-widget')!));
    expect(await w.getByRole('heading', { level: 3 }).textContent()).toBe(title);
    await p.evaluate(() => document.querySelector('faq-widget')!.remove());
    await expect.poll(() => p.locator('faq-widget-host').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it("switches a live <faq-widget> to the owner's content when its content attribute changes, keeping the query", async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/move.html');
    const w = widgetIn(p);
    await w.getByRole('combobox').fill('paku');
    await p.evaluate(() => document.querySelector('faq-widget')!.setAttribute('content', '/own/{{lng}}.json'));
    await w.getByRole('option', { name: /Kad atvedīs paku/ }).waitFor();
    expect(await w.getByRole('combobox').inputValue()).toBe('paku');
    await w.getByRole('combobox').fill('');
    expect(await w.getByRole('option').allTextContents()).toEqual(['Kad atvedīs paku?']);
    expect(problems).toEqual([]);
    await close();
  });

  it('applies changed lang, theme, accent and contact-url attributes to the live widget', async () => {
    const { page: p, problems, close } = await openPage(browser, server.url + '/move.html');
    const w = widgetIn(p);
    await w.getByRole('combobox').fill('alga');
    await p.evaluate(() => {
      const el = document.querySelector('faq-widget')!;
      el.setAttribute('lang', 'en');
      el.setAttribute('theme', 'dark');
      el.setAttribute('accent', 'rgb(194, 24, 91)');
      el.setAttribute('contact-url', 'mailto:help@example.lv');
    });
    await w.getByRole('region', { name: 'Help centre' }).waitFor();
    expect(await w.getByRole('combobox').inputValue()).toBe('alga');
    expect(await p.locator('faq-widget-host').evaluate((h) => h.shadowRoot!.querySelector('.faq-root')!.getAttribute('data-theme'))).toBe('dark');
    expect(await p.locator('faq-widget-host').evaluate((h) => (h as HTMLElement).style.getPropertyValue('--faq-accent'))).toBe('rgb(194, 24, 91)');
    await w.getByRole('combobox').fill('zzzzqqq');
    expect(await w.getByRole('link', { name: /Contact|contact/ }).getAttribute('href')).toBe('mailto:help@example.lv');
    expect(problems).toEqual([]);
    await close();
  });
});
