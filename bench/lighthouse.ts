/**
 * Lighthouse (mobile defaults: simulated slow 4G and 4× CPU) on the demo page as an owner ships
 * it and on the same page without the script tag, served from memory. Nobody hovers in a
 * Lighthouse run, so the difference is what an untouched page view pays for the widget.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { serve } from '../tests/e2e/harness';
import { median } from './stats';

const AUDITS = ['largest-contentful-paint', 'total-blocking-time', 'total-byte-weight', 'unused-javascript', 'network-requests', 'metrics'];
// chrome-launcher's defaults that keep a browser quiet between runs, and the flags this machine needs.
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-background-timer-throttling',
  '--disable-features=Translate,OptimizationHints,MediaRouter,RenderDocument',
];

export interface LighthouseRun {
  /** Simulated (Lighthouse's score) and as observed in this run's own trace. */
  lcp: number;
  observedLcp: number;
  tbt: number;
  bytes: number;
  /** Files of ours that the unused-javascript audit lists. */
  unused: string[];
  requests: string[];
}

export interface LighthouseComparison {
  version: string;
  runs: number;
  with: LighthouseRun[];
  without: LighthouseRun[];
  /** Medians, with − without. */
  difference: Record<Metric, number>;
  /** Whether any run's unused-javascript audit listed one of the widget's files. */
  unusedListsWidget: boolean;
}

/** Debian's Chromium with a DevTools port, for Lighthouse to open its own tab in for each run. */
async function startChromium(): Promise<{ port: number; close(): void }> {
  const profile = mkdtempSync(join(tmpdir(), 'faq-lighthouse-'));
  const chrome = spawn(process.env.CHROME_PATH || '/usr/bin/chromium', [...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let said = '';
    chrome.stderr.on('data', (chunk: Buffer) => {
      said += chunk;
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said);
      if (found) resolve(Number(found[1]));
    });
    chrome.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${said}`)));
  });
  return {
    port,
    close() {
      chrome.kill();
      // Chromium may still be writing its profile as it exits: retry, and never lose the bench over a temp folder.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // left in the system's temp folder
      }
    },
  };
}

type Metric = 'lcp' | 'observedLcp' | 'tbt' | 'bytes';
type Item = Record<string, unknown>;
const items = (audit: { details?: unknown } | undefined) => ((audit?.details as { items?: Item[] } | undefined)?.items ?? []);

async function run(url: string, port: number): Promise<LighthouseRun & { version: string }> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyAudits: AUDITS, disableFullPageScreenshot: true });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { audits, runtimeError, lighthouseVersion } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const ours = (u: unknown) => String(u).includes('/dist/faq-widget');
  return {
    version: lighthouseVersion,
    lcp: audits['largest-contentful-paint'].numericValue ?? NaN,
    observedLcp: Number(items(audits.metrics)[0]?.observedLargestContentfulPaint ?? NaN),
    tbt: audits['total-blocking-time'].numericValue ?? NaN,
    bytes: audits['total-byte-weight'].numericValue ?? NaN,
    unused: items(audits['unused-javascript']).map((i) => String(i.url)).filter(ours),
    requests: items(audits['network-requests']).map((i) => `${new URL(String(i.url)).pathname} ${i.transferSize}`),
  };
}

/** `runs` Lighthouse runs of each page, alternating, in one Chromium. */
export async function compareWithLighthouse(runs: number): Promise<LighthouseComparison> {
  const page = readFileSync('demo/index.html', 'utf8');
  const without = page.replace(/\s*<script src="[^"]*faq-widget\.js"[^>]*><\/script>/, '');
  if (without === page) throw new Error('demo/index.html has no faq-widget.js script tag to take out');
  // Beside the original, so its relative links (demo.css, ../dist/) resolve the same.
  const server = await serve({ '/demo/without-widget.html': { body: without } }, { gzip: true });
  const chromium = await startChromium();
  const results: { with: (LighthouseRun & { version: string })[]; without: LighthouseRun[] } = { with: [], without: [] };
  try {
    for (let i = 0; i < runs; i++) {
      results.with.push(await run(`${server.url}/demo/index.html`, chromium.port));
      results.without.push(await run(`${server.url}/demo/without-widget.html`, chromium.port));
    }
  } finally {
    chromium.close();
    await server.close();
  }
  const difference = (key: Metric) => median(results.with.map((r) => r[key])) - median(results.without.map((r) => r[key]));
  return {
    version: results.with[0].version,
    runs,
    ...results,
    difference: { lcp: difference('lcp'), observedLcp: difference('observedLcp'), tbt: difference('tbt'), bytes: difference('bytes') },
    unusedListsWidget: results.with.some((r) => r.unused.length > 0),
  };
}

/** The comparison in a few lines, for beside the table. */
export function lighthouseReport(c: LighthouseComparison): string {
  const sign = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x))}`;
  const of = (runs: LighthouseRun[], key: Metric) => Math.round(median(runs.map((r) => r[key])));
  const line = (label: string, key: Metric, unit: string) =>
    `  ${label.padEnd(34)} ${sign(c.difference[key]).padStart(7)} ${unit.padEnd(5)} (with ${of(c.with, key)}, without ${of(c.without, key)})`;
  const unused = [...new Set(c.with.flatMap((r) => r.unused))];
  return [
    `Lighthouse ${c.version}, mobile defaults, demo/index.html with the widget − the same page without its script tag, median of ${c.runs} run(s) each:`,
    line('Largest Contentful Paint (scored)', 'lcp', 'ms'),
    line('Largest Contentful Paint (observed)', 'observedLcp', 'ms'),
    line('Total Blocking Time', 'tbt', 'ms'),
    line('transferred', 'bytes', 'bytes'),
    `  unused-javascript lists the widget's files: ${unused.length ? `yes, ${unused.map((u) => new URL(u).pathname).join(', ')}` : 'no'}`,
  ].join('\n');
}
