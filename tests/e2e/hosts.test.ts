import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, isFocused, launch, openPage, serve, widgetIn } from './harness';

/**
 * Host pages no one here designed for: the widget must look and work the same on each,
 * measured through computed sizes, with no console output and no CSP report.
 */
const CSP = "default-src 'self'; style-src 'self'; script-src 'self'";
const HOSTILE = `* { font: 40px serif !important; color: magenta !important; letter-spacing: 4px !important }
button { display: none !important } html { font-size: 62.5% } div { padding: 30px !important; box-sizing: content-box !important }`;
// Preact 11 ships ES modules only, so a page with its own Preact imports it and makes it a global itself.
const OWN_LIBS = `
  import * as preact from '/node_modules/preact/dist/preact.mjs';
  window.preact = preact;
  i18next.init({ lng: 'de', resources: { de: { translation: { hello: 'Hallo' } } } });
  preact.render(preact.h('p', { id: 'host-app' }, i18next.t('hello')), document.getElementById('app'));`;

const HOSTS: Record<string, { path: string; body: string; headers?: Record<string, string>; lang?: string }> = {
  plain: { path: '/plain.html', body: hostPage({ body: '<p>Plain page</p>' }) },
  bootstrap: {
    path: '/bootstrap.html',
    body: hostPage({
      head: '<link rel="stylesheet" href="/node_modules/bootstrap/dist/css/bootstrap.min.css">',
      body: '<nav class="navbar bg-body-tertiary"><div class="container"><a class="navbar-brand" href="#">Shop</a></div></nav><main class="container py-5"><h1 class="display-4">Bootstrap</h1><button class="btn btn-primary btn-lg">Buy</button></main>',
    }),
  },
  tailwind: {
    path: '/tailwind.html',
    body: hostPage({ head: '<link rel="stylesheet" href="/node_modules/tailwindcss/preflight.css">', body: '<main><h1>Tailwind preflight</h1><button>Plain button</button></main>' }),
  },
  hostile: { path: '/hostile.html', body: hostPage({ head: '<link rel="stylesheet" href="/hostile.css">', body: '<div><p>Hostile page</p></div>' }) },
  csp: { path: '/csp.html', body: hostPage({ head: '<link rel="stylesheet" href="/demo/demo.css">', body: '<p>Strict CSP</p>' }), headers: { 'content-security-policy': CSP } },
  'own i18next and Preact': {
    path: '/libs.html',
    body: hostPage({
      body: '<div id="app"></div><script src="/node_modules/i18next/dist/umd/i18next.min.js"></script><script type="module" src="/own-libs.js"></script>',
    }),
  },
  'lang="lv-LV"': { path: '/lv-LV.html', body: hostPage({ lang: 'lv-LV' }), lang: 'lv' },
  'lang="en-GB"': { path: '/en-GB.html', body: hostPage({ lang: 'en-GB' }), lang: 'en' },
};

const LABELS = {
  lv: { launcher: 'Palīdzība', dialog: 'Palīdzības centrs', query: 'alga' },
  en: { launcher: 'Help', dialog: 'Help centre', query: 'salary' },
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({
    ...Object.fromEntries(Object.values(HOSTS).map(({ path, body, headers }) => [path, { body, headers }])),
    '/hostile.css': { body: HOSTILE },
    '/own-libs.js': { body: OWN_LIBS },
    '/plain-phone.html': { body: hostPage() },
    '/themed.html': {
      body: hostPage({
        head: '<style>body { --faq-accent: rgb(200, 0, 100); --faq-bg: rgb(250, 245, 230); --faq-fg: rgb(20, 30, 40); --faq-font: Georgia, serif; --faq-radius: 4px; --faq-z-index: 7 }</style>',
        script: 'data-theme="light"',
      }),
    },
    '/accent.html': { body: hostPage({ head: '<style>body { --faq-accent: rgb(200, 0, 100) }</style>', script: 'data-accent="rgb(0, 90, 60)" data-theme="light"' }) },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the visitor sees, in numbers: sizes, fonts and colours of the key parts. */
async function measure(page: Page, lang: 'lv' | 'en') {
  const w = widgetIn(page);
  const box = async (selector: string) => {
    const b = (await w.locator(selector).first().boundingBox())!;
    return `${Math.round(b.width)}×${Math.round(b.height)}`;
  };
  const style = (selector: string, ...props: string[]) =>
    w.locator(selector).first().evaluate((el, p) => p.map((x) => getComputedStyle(el).getPropertyValue(x)).join(' '), props);
  const launcher = w.getByRole('button', { name: LABELS[lang].launcher });
  const closed = { launcher: await box('.faq-launcher'), launcherFont: await style('.faq-launcher', 'font-size', 'color') };
  await launcher.click();
  await w.getByRole('dialog', { name: LABELS[lang].dialog }).waitFor();
  await w.getByRole('combobox').fill(LABELS[lang].query);
  await w.getByRole('option').first().waitFor();
  return {
    ...closed,
    panel: await box('.faq-panel'),
    input: await box('.faq-input'),
    inputFont: await style('.faq-input', 'font-size', 'font-family', 'letter-spacing'),
    title: await style('.faq-title', 'font-size', 'color', 'font-family'),
    option: await box('.faq-option'),
  };
}

describe('on host pages', () => {
  let baseline: Awaited<ReturnType<typeof measure>>;

  beforeAll(async () => {
    const { page, close } = await openPage(browser, server.url + HOSTS.plain.path);
    baseline = await measure(page, 'lv');
    await close();
  });

  it('measures the expected sizes on a plain page', () => {
    expect(baseline.inputFont.split(' ')[0]).toBe('16px');
    expect(baseline.panel.split('×')[0]).toBe('400');
    expect(Number(baseline.launcher.split('×')[1])).toBeGreaterThanOrEqual(48);
    expect(baseline.title.split(' ')[0]).toBe('18px');
  });

  it.each(Object.keys(HOSTS).filter((name) => name !== 'plain'))('looks and works the same on a %s page', async (name) => {
    const host = HOSTS[name];
    const lang = (host.lang ?? 'lv') as 'lv' | 'en';
    const { page, problems, violations, close } = await openPage(browser, server.url + host.path);
    const sizes = await measure(page, lang);
    if (lang === 'lv') expect(sizes).toEqual(baseline);
    else expect({ ...sizes, launcher: baseline.launcher }).toMatchObject({ panel: baseline.panel, inputFont: baseline.inputFont, title: baseline.title });

    const w = widgetIn(page);
    await w.getByRole('combobox').press('Enter');
    const heading = w.getByRole('heading', { level: 3 });
    // Focus moves to the article's heading; from there one Esc closes (from the search box it first clears).
    await expect.poll(() => isFocused(heading)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => w.getByRole('dialog').count()).toBe(0);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it("leaves the page's own i18next and Preact alone", async () => {
    const { page, problems, close } = await openPage(browser, server.url + HOSTS['own i18next and Preact'].path);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('button', { name: /^EN/ }).click();
    await w.getByRole('dialog', { name: 'Help centre' }).waitFor();
    const host = await page.evaluate(() => {
      const g = window as unknown as { i18next: { language: string; t: (k: string) => string }; preact: { h: Function; render: Function } };
      g.preact.render(g.preact.h('p', { id: 'host-app' }, 'Atjaunots'), document.getElementById('app'));
      return { language: g.i18next.language, hello: g.i18next.t('hello'), app: document.getElementById('host-app')!.textContent };
    });
    expect(host).toEqual({ language: 'de', hello: 'Hallo', app: 'Atjaunots' });
    expect(problems).toEqual([]);
    await close();
  });
});

describe('theming', () => {
  it('takes every --faq-* variable the page sets, across the shadow boundary', async () => {
    const { page, close } = await openPage(browser, server.url + '/themed.html');
    const w = widgetIn(page);
    const style = (selector: string, prop: string) => w.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
    expect(await style('.faq-launcher', 'background-color')).toBe('rgb(200, 0, 100)');
    expect(await style('.faq-launcher', 'z-index')).toBe('7');
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').waitFor(); // the panel itself, not the loader's "Loading…" it replaces
    expect(await style('.faq-panel', 'background-color')).toBe('rgb(250, 245, 230)');
    expect(await style('.faq-panel', 'border-top-left-radius')).toBe('4px');
    expect(await style('.faq-title', 'color')).toBe('rgb(20, 30, 40)');
    expect(await style('.faq-title', 'font-family')).toBe('Georgia, serif');
    await close();
  });

  it('lets data-accent win over the page variable', async () => {
    const { page, close } = await openPage(browser, server.url + '/accent.html');
    const launcher = widgetIn(page).locator('.faq-launcher');
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 90, 60)');
    await close();
  });
});

describe('layout and motion', () => {
  it('fills the screen on a 375 × 667 phone', async () => {
    const { page, close } = await openPage(browser, server.url + '/plain-phone.html', { width: 375, height: 667 });
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').waitFor(); // the panel itself, not the loader's "Loading…" it replaces
    expect(await w.getByRole('dialog').boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    expect(await w.locator('.faq-input').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    await close();
  });

  it('honours prefers-reduced-motion: the panel appears without motion in any case', async () => {
    const { page, close } = await openPage(browser, server.url + HOSTS.plain.path);
    const w = widgetIn(page);
    const motion = () => w.locator('.faq-panel').evaluate((el) => `${getComputedStyle(el).animationName} ${getComputedStyle(el).transitionDuration}`);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').waitFor();
    expect(await motion()).toBe('none 0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await motion()).toBe('none 0s');
    await close();
  });

  it('asks only for its own files, from beside its script, and sets no cookie, with the built-in content', async () => {
    const { page, context, close } = await openPage(browser, 'about:blank');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + HOSTS.plain.path);
    const w = widgetIn(page);
    await w.getByRole('button', { name: 'Palīdzība' }).click();
    await w.getByRole('combobox').fill('salary');
    await w.getByRole('combobox').press('Enter');
    await w.getByRole('heading', { level: 3 }).waitFor();
    expect(requests.filter((p) => p !== '/favicon.ico').map((p) => p.replace(/\.[\w-]+\.js$/, '.js'))).toEqual([
      '/plain.html',
      '/dist/faq-widget.js',
      '/dist/faq-widget.runtime.js',
      '/dist/faq-widget.content.lv.js',
      '/dist/faq-widget.content.en.js',
    ]);
    expect(await context.cookies()).toEqual([]);
    await close();
  });
});
