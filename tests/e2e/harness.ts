import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

const ROOT = new URL('../..', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
};

/** Pages built for one test: path → { body, headers }. */
export type Fixtures = Record<string, { body: string; headers?: Record<string, string> }>;

/**
 * Serves the project folder (dist/, demo/) and in-memory fixture pages on a free port.
 * `headers` go on every response: `access-control-allow-origin` makes it a CDN that other
 * origins may load SRI-checked scripts from. With `gzip`, text is compressed for browsers that
 * accept it, as any real host does: what the bench counts as transferred bytes is then what a
 * visitor downloads.
 */
export async function serve(
  fixtures: Fixtures = {},
  { headers = {} as Record<string, string>, gzip = false } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const compressed = new Map<string, Buffer>(); // fixtures never change: compressed once
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const fixture = fixtures[path];
    const send = (type: string, body: string | Buffer, own: Record<string, string> = {}) => {
      const compress = gzip && !type.startsWith('application/octet') && /\bgzip\b/.test(String(req.headers['accept-encoding']));
      res.writeHead(200, { 'content-type': type, ...(compress && { 'content-encoding': 'gzip', vary: 'accept-encoding' }), ...headers, ...own });
      if (!compress) return void res.end(body);
      let packed = fixture && compressed.get(path);
      if (!packed) packed = gzipSync(body, { level: 9 });
      if (fixture) compressed.set(path, packed);
      res.end(packed);
    };
    if (fixture) return send(TYPES[extname(path)] ?? TYPES['.html'], fixture.body, fixture.headers);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return void res.writeHead(404).end();
    }
    send(TYPES[extname(file)] ?? 'application/octet-stream', body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with this machine's flags. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects what a page reports that a test must not ignore: errors and CSP violations. */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Any console output counts: a widget must not write into the host page's console unasked
  // (some libraries print adverts on init).
  page.on('console', (m) => problems.push(`console.${m.type()}: ${m.text()}`));
  return problems;
}

/** A minimal host page around the built script (from `src`: a CDN, a sub-path). */
export function hostPage({ head = '', body = '', script = '', lang = 'lv', src = '/dist/faq-widget.js' } = {}): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body>${body}<script src="${src}" ${script}></script></body></html>`;
}

/** The widget's shadow content, for Playwright locators (which pierce open shadow roots). */
export const widgetIn = (page: Page, nth = 0) => page.locator('faq-widget-host').nth(nth);

/** Opens a page with error and CSP-violation collection in place before any script runs. */
export async function openPage(browser: Browser, url: string, { width = 1280, height = 800, colorScheme = 'light' as 'light' | 'dark', hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, hasTouch });
  const page = await context.newPage();
  const problems = watch(page);
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, context, problems, violations, close: () => context.close() };
}

/** Whether the element is the focused element of its (shadow) root. */
export const isFocused = (locator: import('playwright-core').Locator) =>
  locator.evaluate((el) => el === (el.getRootNode() as ShadowRoot | Document).activeElement);

/** Event listeners on window and on document, as DevTools counts them: what destroy() must leave as it found. */
export async function listenerCounts(cdp: CDPSession): Promise<number[]> {
  const counts: number[] = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'listener-count' });
    counts.push((await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })).listeners.length);
  }
  // Released, so the handles keep nothing alive for a heap measurement that follows.
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'listener-count' });
  return counts;
}

// Counts timers the page has pending, so destroy() can be shown to leave none behind.
export const TIMER_PROBE = `
  window.__timers = new Set();
  const set = window.setTimeout, clear = window.clearTimeout;
  window.setTimeout = function (fn, ms, ...args) {
    const id = set(function () { window.__timers.delete(id); return typeof fn === 'function' ? fn.apply(this, arguments) : undefined; }, ms, ...args);
    window.__timers.add(id);
    return id;
  };
  window.clearTimeout = function (id) { window.__timers.delete(id); return clear(id); };
`;

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core (WCAG 2.0/2.1/2.2 A and AA) over the widget's host: one line per violation, none when all is well. */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run;
    const { violations } = await run({ include: [['faq-widget-host']] }, { runOnly: { type: 'tag', values: tags } });
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, TAGS);
}
