import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import type { FaqWidgetApi, WidgetHandle } from '../../src/types';
import { hostPage, isFocused, launch, listenerCounts, openPage, serve, TIMER_PROBE, widgetIn, type Fixtures } from './harness';

/**
 * Loading on intent (SPEC §2): the loader draws the launcher and fetches the runtime and the
 * content chunks only when a visitor reaches for help, from beside itself, under the page's
 * CSP; a chunk that cannot be had is said in plain words and tried again.
 */

type Win = { FaqWidget: FaqWidgetApi; log: string[]; errors: string[] };
const LABELS = {
  lv: { launcher: 'Palīdzība', title: 'Palīdzības centrs', search: 'Meklēt palīdzības rakstos', loadError: 'Palīdzības rakstus neizdevās ielādēt.', retry: 'Mēģināt vēlreiz', contact: 'Sazinieties ar mums' },
  en: { launcher: 'Help', title: 'Help centre', search: 'Search the help articles', loadError: 'The help articles could not be loaded.', retry: 'Try again', contact: 'Contact us' },
};
const RUNTIME = /\/faq-widget\.runtime\.[\w-]+\.js$/;
// What Chromium itself says about a script it could not load; the widget's own line is checked apart.
const BROWSER_SAYS = /^console\.error: Failed to (load resource|find a valid digest in the 'integrity' attribute)/;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let cdn: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const dist = (file: string) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
  const { runtime, content } = JSON.parse(dist('chunks.json')) as { runtime: { file: string }; content: Record<string, { file: string }> };
  // The built files again under a CDN-like sub-path.
  const copies = Object.fromEntries(['faq-widget.js', runtime.file, content.lv.file, content.en.file].map((file) => [`/cdn/v1/${file}`, { body: dist(file) }]));
  const fixtures: Fixtures = {
    ...copies,
    '/lv.html': { body: hostPage({ lang: 'lv', script: 'data-contact-url="/kontakti"' }) },
    '/en.html': { body: hostPage({ lang: 'en', script: 'data-contact-url="/kontakti"' }) },
    // A page that keeps pointermove to itself: only the launcher's own pointerenter is left.
    '/swallow.html': { body: hostPage({ head: '<script>addEventListener("pointermove", (e) => e.stopPropagation(), true)</script>' }) },
    '/tall.html': { body: hostPage({ body: '<main style="height: 4000px"><h1>A long article</h1><p>Text.</p></main>' }) },
    '/url-state.html': { body: hostPage({ script: 'data-url-state="true"' }) },
    '/inline.html': { body: hostPage({ body: '<div id="help"></div>', script: 'data-mode="inline" data-target="#help" data-contact-url="/kontakti"' }) },
    '/eager.html': { body: hostPage({ script: 'data-preload="eager"' }) },
    '/idle.html': { body: hostPage({ script: 'data-preload="idle"' }) },
    '/strict-csp.html': { body: hostPage(), headers: { 'content-security-policy': "default-src 'self'" } },
    '/nonce-csp.html': { body: hostPage({ script: 'nonce="abc"' }), headers: { 'content-security-policy': "script-src 'nonce-abc'" } },
    '/cdn-path.html': { body: hostPage({ src: '/cdn/v1/faq-widget.js' }) },
    '/manual.html': {
      body: hostPage({
        head: `<script>window.log = []; (window.FaqWidget = window.FaqWidget || []).push((w) => log.push('queued ' + w.language + ' ' + w.isOpen()));</script>`,
        script: 'data-auto-mount="false"',
      }),
    },
  };
  server = await serve(fixtures);
  cdn = await serve({}, { headers: { 'access-control-allow-origin': '*' } });
  fixtures['/cross-origin.html'] = { body: hostPage({ src: `${cdn.url}/dist/faq-widget.js` }) };
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
});

/** A request as the tests compare it: the path on this server, the whole URL elsewhere, chunk hashes left out. */
const shown = (url: string) => {
  const { origin, pathname } = new URL(url);
  const path = pathname.replace(/\.(runtime|content\.lv|content\.en)\.[\w-]+\.js$/, '.$1.js');
  return origin === server.url ? path : origin + path;
};

/** Opens a page of this server with every request it makes recorded (favicon aside); `prepare` runs before it loads. */
async function visit(path: string, { hasTouch = false, prepare = async (_: Page): Promise<unknown> => undefined } = {}) {
  const opened = await openPage(browser, 'about:blank', { hasTouch });
  const requests: string[] = [];
  opened.page.on('request', (r) => !r.url().endsWith('/favicon.ico') && requests.push(shown(r.url())));
  await prepare(opened.page);
  await opened.page.goto(server.url + path);
  const w = widgetIn(opened.page);
  const runtimeRequests = () => requests.filter((r) => r.endsWith('/faq-widget.runtime.js')).length;
  return { ...opened, requests, w, runtimeRequests };
}
type Visit = Awaited<ReturnType<typeof visit>>;

const launcherBox = async ({ w }: Visit) => (await w.locator('button.faq-launcher').boundingBox())!;
/** Calls a method of the page's widget, without waiting for what it returns. */
const call = (page: Page, method: 'open' | 'search' | 'openArticle' | 'setLanguage', arg?: string) =>
  page.evaluate(([m, a]) => void ((window as unknown as Win).FaqWidget.get()![m] as (a?: string) => unknown)(a), [method, arg] as const);

/**
 * Holds the requests for the chunks `files` names until `release()`, then answers them (and any
 * later ones) with `answer`, the real files when absent: the test decides what happens meanwhile.
 */
async function hold(page: Page, files: RegExp, answer: (route: Route) => Promise<void> = (route) => route.continue()) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked!: () => void;
  const requested = new Promise<void>((r) => (asked = r));
  await page.route(files, async (route) => {
    asked();
    await held;
    await answer(route);
  });
  return { requested, release };
}
/** Waits until no chunk is loading: a chunk's <script> goes once it has run (or failed). */
const chunksSettled = (page: Page) => expect.poll(() => page.evaluate(() => document.querySelectorAll('script[integrity]').length)).toBe(0);

describe('what reaching for help fetches', () => {
  const INTENTS: [string, string, (v: Visit) => Promise<unknown>][] = [
    ['the pointer enters the launcher (on a page that swallows pointermove)', '/swallow.html', async (v) => {
      const b = await launcherBox(v);
      await v.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    }],
    ['the pointer comes within 96 px of the launcher without touching it', '/lv.html', async (v) => {
      const b = await launcherBox(v);
      await v.page.mouse.move(b.x - 60, b.y + b.height / 2);
    }],
    ['Tab brings keyboard focus to the launcher', '/lv.html', async (v) => {
      await v.page.keyboard.press('Tab');
      expect(await isFocused(v.w.locator('button.faq-launcher'))).toBe(true);
    }],
    ['a finger touches the launcher, before it lifts', '/lv.html', async (v) => {
      const b = await launcherBox(v);
      const cdp = await v.page.context().newCDPSession(v.page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: b.x + b.width / 2, y: b.y + b.height / 2 }] });
      await expect.poll(v.runtimeRequests).toBe(1);
      expect(await v.w.getByRole('dialog').count()).toBe(0);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await v.w.getByRole('dialog').waitFor();
    }],
    ['the page calls open()', '/lv.html', (v) => call(v.page, 'open')],
    ['the page calls search()', '/lv.html', (v) => call(v.page, 'search', 'alga')],
    ['the page calls openArticle()', '/lv.html', (v) => call(v.page, 'openArticle', 'salary')],
    ['the page calls setLanguage()', '/lv.html', (v) => call(v.page, 'setLanguage', 'en')],
    ['the address changes to a #faq= link (data-url-state="true"), and shows that article', '/url-state.html', async (v) => {
      await v.page.evaluate(() => (location.hash = '#faq=lv/salary'));
      await expect.poll(() => v.w.getByRole('heading', { level: 3 }).textContent()).toBe(lvFaq.entries.salary.question);
    }],
  ];

  it.each(INTENTS)('fetches the runtime when %s', async (_, path, act) => {
    const v = await visit(path, { hasTouch: true }); // a touch screen as well, for the finger
    await v.page.waitForTimeout(100);
    expect(v.runtimeRequests()).toBe(0);
    await act(v);
    await expect.poll(v.runtimeRequests).toBe(1);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  const AT_ONCE: [string, string, (v: Visit) => Promise<unknown>][] = [
    ['a #faq=lv/salary address with data-url-state="true", and shows that article', '/url-state.html#faq=lv/salary', ({ w }) =>
      expect.poll(() => w.getByRole('heading', { level: 3 }).textContent()).toBe(lvFaq.entries.salary.question)],
    ['inline mode, and shows the search box', '/inline.html', ({ w }) => w.getByRole('region', { name: LABELS.lv.title }).getByRole('combobox').waitFor()],
    ['data-preload="eager"', '/eager.html', async () => {}],
  ];

  it.each(AT_ONCE)('fetches the runtime as the page loads for %s', async (_, path, outcome) => {
    const v = await visit(path);
    // A script added while the page loads holds up its load event, which goto() waits for.
    expect(v.runtimeRequests()).toBe(1);
    await outcome(v);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  it('fetches the runtime soon after load with data-preload="idle", with no interaction', async () => {
    const v = await visit('/idle.html');
    expect(v.runtimeRequests()).toBe(0);
    await expect.poll(v.runtimeRequests, { timeout: 4000 }).toBe(1);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  it('fetches nothing while the pointer stays more than 96 px from the launcher', async () => {
    const v = await visit('/lv.html');
    const b = await launcherBox(v);
    for (const [x, y] of [[b.x - 130, b.y + b.height / 2], [b.x + b.width / 2, b.y - 130], [b.x - 110, b.y - 110]]) {
      await v.page.mouse.move(x, y);
      await v.page.waitForTimeout(100);
    }
    await v.page.waitForTimeout(300);
    expect(v.runtimeRequests()).toBe(0);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  it('costs a page view with no intent the HTML and the loader only, also after scrolling and pointer moves', async () => {
    const v = await visit('/tall.html');
    await v.page.mouse.move(100, 100);
    await v.page.mouse.wheel(0, 1500);
    await v.page.mouse.move(600, 300, { steps: 5 });
    // Questions the loader answers itself.
    await v.page.evaluate(() => {
      const w = (window as unknown as Win).FaqWidget.get()!;
      w.on('ready', () => undefined);
      return [w.isOpen(), w.language];
    });
    await v.page.waitForTimeout(2500); // past the idle preload's delay, which this page did not ask for
    await v.page.mouse.wheel(0, -800);
    expect(v.requests).toEqual(['/tall.html', '/dist/faq-widget.js']);
    expect(await v.context.cookies()).toEqual([]);
    expect(v.problems).toEqual([]);
    await v.close();
  });
});

describe('a chunk that cannot be had', () => {
  const FAILURES: Record<string, (route: Route) => Promise<void>> = {
    'is missing (404)': (route) => route.fulfill({ status: 404, body: 'Not found' }),
    'cannot be reached (network down)': (route) => route.abort('internetdisconnected'),
    'was tampered with (integrity hash does not match)': async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n;window.tampered = 1;\n` });
    },
  };
  const CASES = Object.keys(FAILURES).flatMap((failure, i) =>
    (['lv', 'en'] as const).map((lang, j) => [failure, lang, (i + j) % 2 ? 'opening the panel again' : 'Try again'] as const),
  );

  /**
   * Errors as the page hears them, from before the loader runs: the handle's `error` event
   * (subscribed through the pre-load queue) and the DOM event from the host.
   */
  const hearErrors = (page: Page) =>
    page.addInitScript(() => {
      const win = window as unknown as { FaqWidget?: ((w: WidgetHandle) => void)[]; errors: string[] };
      win.errors = [];
      (win.FaqWidget ??= []).push((w) => w.on('error', ({ message }) => win.errors.push(`event ${message}`)));
      document.addEventListener('faqwidget:error', (e) => win.errors.push(`dom ${(e as CustomEvent<{ message: string }>).detail.message}`));
    });
  const errors = (page: Page) => page.evaluate(() => (window as unknown as Win).errors);
  const ownLines = (problems: string[]) => problems.filter((p) => !BROWSER_SAYS.test(p));
  /** The widget's own console line about the runtime: one, naming the file. */
  const SAID_ONCE = [expect.stringMatching(/^console\.error: faq-widget: .*faq-widget\.runtime\.[\w-]+\.js: /)];

  /** The error view: the sentence, "Try again" focused, the contact link. */
  async function expectErrorView({ w }: Visit, lang: 'lv' | 'en') {
    const s = LABELS[lang];
    const dialog = w.getByRole('dialog', { name: s.title });
    await dialog.getByRole('alert').getByText(s.loadError).waitFor();
    await expect.poll(() => isFocused(dialog.getByRole('button', { name: s.retry }))).toBe(true);
    expect(await dialog.getByRole('link', { name: s.contact }).getAttribute('href')).toBe('/kontakti');
  }
  /** The panel as it should be: the search box, focused, and the topics. */
  async function expectWorkingPanel({ w }: Visit, lang: 'lv' | 'en') {
    const search = w.getByRole('dialog', { name: LABELS[lang].title }).getByRole('combobox', { name: LABELS[lang].search });
    await expect.poll(() => w.getByRole('option').count()).toBeGreaterThan(0);
    expect(await w.getByRole('alert').count()).toBe(0);
    await expect.poll(() => isFocused(search)).toBe(true);
  }

  it.each(CASES)('when the runtime %s, a click opens the panel on the error in %s, and %s retries it', async (failure, lang, recovery) => {
    const v = await visit(`/${lang}.html`, { prepare: hearErrors });
    const { page, w } = v;
    // The load the pointer starts fails only once the click has landed, as on a slow line.
    const runtime = await hold(page, RUNTIME, FAILURES[failure]);
    const launcher = w.getByRole('button', { name: LABELS[lang].launcher, exact: true });
    await launcher.click();
    runtime.release();
    await expectErrorView(v, lang);
    const [said] = await errors(page);
    expect(said).toMatch(/^event .*faq-widget\.runtime\.[\w-]+\.js: /);
    expect(await errors(page)).toEqual([said, said.replace('event', 'dom')]);
    expect(ownLines(v.problems)).toEqual(SAID_ONCE);

    await page.keyboard.press('Escape');
    expect(await w.getByRole('dialog').count()).toBe(0);
    expect(await isFocused(launcher)).toBe(true);
    // Opening again tries again, and fails again: the console hears it once all the same.
    await page.keyboard.press('Enter');
    await expectErrorView(v, lang);
    expect(v.runtimeRequests()).toBe(2);
    expect(await errors(page)).toHaveLength(4);

    await page.unroute(RUNTIME);
    if (recovery === 'Try again') await w.getByRole('button', { name: LABELS[lang].retry }).click();
    else {
      await page.keyboard.press('Escape');
      await launcher.click();
    }
    await expectWorkingPanel(v, lang);
    expect(await page.evaluate(() => (window as { tampered?: number }).tampered)).toBeUndefined();
    expect(ownLines(v.problems)).toHaveLength(1);
    await v.close();
  });

  it('shows an inline widget whose runtime is missing as the error in place, without taking focus; Try again brings the widget', async () => {
    const v = await visit('/inline.html', { prepare: (page) => Promise.all([hearErrors(page), page.route(RUNTIME, FAILURES['is missing (404)'])]) });
    const { page, w } = v;
    const region = w.getByRole('region', { name: LABELS.lv.title });
    await region.getByRole('alert').getByText(LABELS.lv.loadError).waitFor();
    expect(await region.getByRole('link', { name: LABELS.lv.contact }).getAttribute('href')).toBe('/kontakti');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await errors(page)).toHaveLength(2);
    await page.unroute(RUNTIME);
    await region.getByRole('button', { name: LABELS.lv.retry }).click();
    await region.getByRole('combobox', { name: LABELS.lv.search }).waitFor();
    await expect.poll(() => w.getByRole('option').count()).toBeGreaterThan(0);
    expect(ownLines(v.problems)).toEqual(SAID_ONCE);
    await v.close();
  });

  it('says so in the panel when the content chunks are missing, and Try again loads them once they are back, focus in the search box', async () => {
    const v = await visit('/en.html', { prepare: hearErrors });
    const { page, w } = v;
    const CONTENT = /\/faq-widget\.content\.(lv|en)\.[\w-]+\.js$/;
    const content = await hold(page, CONTENT, FAILURES['is missing (404)']);
    await w.getByRole('button', { name: LABELS.en.launcher, exact: true }).click();
    content.release();
    await w.getByRole('dialog', { name: LABELS.en.title }).getByRole('alert').getByText(LABELS.en.loadError).waitFor();
    // The visitor's language, then the other one tried instead: each failure told once (event, DOM event, console).
    await expect.poll(() => errors(page)).toHaveLength(4);
    const line = /^console\.error: faq-widget: content could not be loaded: .*faq-widget\.content\./;
    expect(ownLines(v.problems)).toEqual([expect.stringMatching(line), expect.stringMatching(line)]);
    await page.unroute(CONTENT);
    await w.getByRole('button', { name: LABELS.en.retry }).click();
    await expectWorkingPanel(v, 'en');
    expect(ownLines(v.problems)).toHaveLength(2);
    await v.close();
  });

  it('keeps a failed load the pointer started to itself (offline): no panel, no retry on hover, the click tries again', async () => {
    const v = await visit('/lv.html', { prepare: hearErrors });
    const { page, w, context } = v;
    await context.setOffline(true);
    const b = await launcherBox(v);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(() => errors(page)).toHaveLength(2);
    expect(await w.getByRole('dialog').count()).toBe(0);
    expect(await w.locator('button.faq-launcher').getAttribute('aria-expanded')).toBe('false');
    await page.mouse.move(10, 10);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForTimeout(200);
    expect(v.runtimeRequests()).toBe(1);

    await page.mouse.down();
    await page.mouse.up();
    await expectErrorView(v, 'lv');
    expect(v.runtimeRequests()).toBe(2);
    await context.setOffline(false);
    await w.getByRole('button', { name: LABELS.lv.retry }).click();
    await expectWorkingPanel(v, 'lv');
    expect(ownLines(v.problems)).toEqual(SAID_ONCE);
    await v.close();
  });
});

describe('host pages', () => {
  const search = async ({ w }: Visit) => {
    await w.getByRole('button', { name: LABELS.lv.launcher, exact: true }).click();
    await w.getByRole('combobox').fill('alga');
    await expect.poll(() => w.getByRole('option').count()).toBeGreaterThan(0);
  };

  it.each([
    ['a strict CSP (default-src \'self\')', '/strict-csp.html'],
    ['a nonce-based CSP (script-src \'nonce-abc\'), the chunks reusing the nonce', '/nonce-csp.html'],
  ])('works under %s with no violation', async (_, path) => {
    const v = await visit(path);
    await search(v);
    expect(await v.violations()).toEqual([]);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  it.each([
    ['a CDN sub-path, from that sub-path', '/cdn-path.html', () => '/cdn/v1'],
    ['another origin (a CDN with CORS), from that origin', '/cross-origin.html', () => `${cdn.url}/dist`],
  ])('fetches the chunks of a loader served from %s', async (_, path, base) => {
    const v = await visit(path);
    await search(v);
    // The visitor's language only: the other one waits for a switch or a fallback search.
    expect(v.requests).toEqual([path, `${base()}/faq-widget.js`, `${base()}/faq-widget.runtime.js`, `${base()}/faq-widget.content.lv.js`]);
    expect(v.problems).toEqual([]);
    await v.close();
  });
});

describe('the handle before the runtime', () => {
  it('runs queued and pushed functions, answers isOpen() and language at once, resolves an early search() after load, and is ready once', async () => {
    const v = await visit('/manual.html');
    const { page } = v;
    const runtime = await hold(page, RUNTIME);
    const early = await page.evaluate(() => {
      const win = window as unknown as Win & { w: WidgetHandle };
      const w = (win.w = win.FaqWidget.mount({ lang: 'en' }));
      win.log.push(`sync ${w.language} ${w.isOpen()}`);
      win.FaqWidget.push((x) => win.log.push(`pushed ${x === w}`));
      w.on('ready', ({ widget }) => win.log.push(`ready ${widget === w}`));
      return win.log.slice();
    });
    expect(early).toEqual(['queued en false', 'sync en false', 'pushed true']);
    expect(v.runtimeRequests()).toBe(0);

    // Called while the runtime is held back: the search waits for it rather than answering [] now.
    const opened = await page.evaluate(() => {
      const win = window as unknown as { w: WidgetHandle; hits: Promise<unknown> };
      win.hits = win.w.search('salary', { limit: 1 });
      win.w.open();
      return win.w.isOpen();
    });
    expect(opened).toBe(true);
    await runtime.requested;
    runtime.release();
    const hits = await page.evaluate(() => (window as unknown as { hits: Promise<unknown> }).hits);
    expect(hits).toEqual([{ id: 'salary', lang: 'en', question: expect.any(String), score: expect.any(Number) }]);
    await widgetIn(page).getByRole('dialog', { name: LABELS.en.title }).waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as { w: WidgetHandle }).w.setLanguage('lv'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as Win).log)).toEqual(['queued en false', 'sync en false', 'pushed true', 'ready true']);
    expect(v.problems).toEqual([]);
    await v.close();
  });
});

describe('destroy() during a chunk load', () => {
  it('leaves no node, listener or timer, and the chunk that arrives afterwards does nothing', async () => {
    const v = await visit('/manual.html');
    const { page } = v;
    await page.evaluate(TIMER_PROBE);
    const cdp = await page.context().newCDPSession(page);
    const snapshot = async () => ({
      listeners: await listenerCounts(cdp),
      ...(await page.evaluate(() => ({
        hosts: document.querySelectorAll('faq-widget-host').length,
        timers: (window as unknown as { __timers: Set<number> }).__timers.size,
      }))),
    });
    const nodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
    const before = await snapshot();
    const nodesBefore = await nodes();

    const runtime = await hold(page, RUNTIME);
    const pending = page.evaluate(() => {
      const api = (window as unknown as Win).FaqWidget;
      // One that waits for an idle moment, one that is loading when destroyed.
      api.mount({ preload: 'idle', urlState: true }).destroy();
      const w = api.mount({ urlState: true, contactUrl: '/kontakti' });
      w.open();
      const hits = w.search('alga');
      (window as unknown as { w: WidgetHandle }).w = w;
      return hits;
    });
    await runtime.requested;
    await page.evaluate(() => (window as unknown as { w: WidgetHandle }).w.destroy());
    expect(await pending).toEqual([]);
    expect(await snapshot()).toEqual(before);

    runtime.release();
    await chunksSettled(page);
    await page.waitForTimeout(100);
    expect(await snapshot()).toEqual(before);
    expect(await nodes()).toBe(nodesBefore);
    expect(v.requests.filter((r) => r.includes('.content.'))).toEqual([]);
    expect(v.problems).toEqual([]);
    await v.close();
  });
});

describe('the hand-over from loader to runtime', () => {
  it('keeps the focused launcher the same element, and Enter then opens the dialog with focus in the search box', async () => {
    const v = await visit('/lv.html');
    const { page, w } = v;
    await page.evaluate(() => {
      const win = window as unknown as Win & { before: Element | null };
      win.log = [];
      win.before = document.querySelector('faq-widget-host')!.shadowRoot!.querySelector('button');
      win.FaqWidget.get()!.on('ready', () => win.log.push('ready'));
    });
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).log)).toEqual(['ready']);
    expect(
      await page.evaluate(() => {
        const before = (window as unknown as { before: Element }).before;
        return before.isConnected && before === document.querySelector('faq-widget-host')!.shadowRoot!.activeElement;
      }),
    ).toBe(true);
    await page.keyboard.press('Enter');
    const search = w.getByRole('dialog', { name: LABELS.lv.title }).getByRole('combobox', { name: LABELS.lv.search });
    await expect.poll(() => isFocused(search)).toBe(true);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  it('opens the dialog of a click made while the runtime was on its way, focus in the search box', async () => {
    const v = await visit('/lv.html');
    const { page, w } = v;
    const runtime = await hold(page, RUNTIME);
    await w.getByRole('button', { name: LABELS.lv.launcher, exact: true }).click();
    expect(await w.getByRole('button', { name: LABELS.lv.launcher, exact: true }).getAttribute('aria-expanded')).toBe('true');
    runtime.release();
    const search = w.getByRole('dialog', { name: LABELS.lv.title }).getByRole('combobox', { name: LABELS.lv.search });
    await expect.poll(() => isFocused(search)).toBe(true);
    expect(v.runtimeRequests()).toBe(1);
    expect(v.problems).toEqual([]);
    await v.close();
  });

  it('shows the dialog it says is open while the runtime is on its way, and Esc then closes it for good', async () => {
    const v = await visit('/en.html');
    const { page, w } = v;
    const runtime = await hold(page, RUNTIME);
    const launcher = w.getByRole('button', { name: LABELS.en.launcher, exact: true });
    await launcher.click();
    // aria-expanded="true" promises a dialog; a visitor on a slow line must not face an × and nothing else.
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await w.getByRole('dialog', { name: LABELS.en.title }).waitFor({ timeout: 2000 });
    await page.keyboard.press('Escape');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(launcher)).toBe(true);
    runtime.release();
    await chunksSettled(page); // the runtime has taken over: the visitor's Esc still stands
    expect(await page.evaluate(() => (window as unknown as Win).FaqWidget.get()!.isOpen())).toBe(false);
    expect(await w.getByRole('dialog').count()).toBe(0);
    expect(v.problems).toEqual([]);
    await v.close();
  });
});
