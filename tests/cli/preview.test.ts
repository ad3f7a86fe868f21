import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtFiles, checkFiles, main, resolveTemplate, startPreview, type Preview, type PreviewState } from '../../src/cli/preview';

const FIXTURES = 'tests/fixtures/owner-preview';
const DIST = join(process.cwd(), 'dist');

let dir: string;
let preview: Preview | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faq-preview-'));
  cpSync(FIXTURES, dir, { recursive: true });
});
afterEach(async () => {
  await preview?.close();
  preview = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A path as the command names it: relative to where it runs. */
const shown = (path: string) => {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') ? path : near;
};

/** Starts the server on a free port over the fixture folder, as `faq-widget preview <dir>` does. */
async function start(target = dir) {
  const resolved = resolveTemplate(target);
  if ('problem' in resolved) throw new Error(resolved.problem);
  preview = await startPreview({ ...resolved, dist: DIST });
  return preview.url;
}

/** A request with the path sent exactly as written (fetch would resolve "..", as browsers do). */
function raw(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Resolves with the first event the page would receive on /events, or rejects after `ms`. */
async function nextEvent(url: string, ms = 2000): Promise<{ event: Promise<string> }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/events`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const first = await reader.read(); // "retry:": the stream is open, the server counts this page
  expect(first.value).toContain('retry:');
  const event = (async () => {
    const timer = setTimeout(() => controller.abort(), ms);
    let text = '';
    try {
      while (!text.includes('\n\n')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    } catch {
      throw new Error(`no event within ${ms} ms`);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    return text;
  })();
  return { event };
}

const state = async (url: string) => (await (await fetch(`${url}/state.json`)).json()) as PreviewState;

describe('checkFiles: the findings the preview shows', () => {
  it('names each finding by the owner\'s file, in its place and in its message', () => {
    const lv = readFileSync(`${FIXTURES}/lv.json`, 'utf8');
    const en = JSON.stringify({ categories: { orders: 'Orders' }, entries: {} });
    const findings = checkFiles([
      { lang: 'lv', file: 'public/help/lv.json', text: lv },
      { lang: 'en', file: 'public/help/en.json', text: en },
    ]);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      expect.stringMatching(/^public\/help\/en\.json:1:35 must NOT have fewer than 1 properties/),
      expect.stringMatching(/^public\/help\/lv\.json:4:5 entry "returns" is missing from public\/help\/en\.json: English visitors see it in Latvian/),
      expect.stringMatching(/^public\/help\/lv\.json:11:5 entry "delivery" is missing from public\/help\/en\.json/),
    ]);
  });

  it('reports a broken file as one error with its line and column', () => {
    const broken = '{\n  "entries": {\n    "a": 1,\n  }\n}';
    const findings = checkFiles([{ lang: 'lv', file: 'help/lv.json', text: broken }]);
    expect(findings).toHaveLength(1);
    // At the comma that breaks it.
    expect(findings[0]).toMatchObject({ level: 'error', file: 'help/lv.json', line: 3, column: 11 });
    expect(findings[0].message).toMatch(/^not valid JSON/);
  });

  it('says once that a language has no file, and nothing about the files only translators have', () => {
    const lv = readFileSync(`${FIXTURES}/lv.json`, 'utf8');
    const findings = checkFiles([
      { lang: 'lv', file: 'help/lv.json', text: lv },
      { lang: 'en', file: 'help/en.json' },
    ]);
    expect(findings).toEqual([{ level: 'warning', file: 'help/en.json', key: '', message: 'there is no such file: the widget finds no en content at this address' }]);
  });
});

describe('resolveTemplate: where the owner\'s files are', () => {
  it('takes a folder as <folder>/{{lng}}.json', () => {
    const resolved = resolveTemplate(dir);
    expect(resolved).toEqual({ template: `${shown(dir)}/{{lng}}.json`, files: [{ lang: 'lv', path: join(dir, 'lv.json') }, { lang: 'en', path: join(dir, 'en.json') }] });
  });

  it.each([
    ['{{lang}}', '{{lang}}.json'],
    ['{lng}', '{lng}.json'],
  ])('names a misspelt placeholder (%s) and the template as it should be', (misspelt, name) => {
    const result = resolveTemplate(join(dir, name));
    expect(result).toEqual({ problem: expect.stringContaining(`"${misspelt}" in ${join(dir, name)} is not what the widget replaces: write {{lng}}`) });
    expect((result as { problem: string }).problem).toContain(join(dir, name.replace(misspelt, '{{lng}}')));
  });

  it('takes {{ lng }} with spaces, as the widget does', () => {
    expect(resolveTemplate(join(dir, '{{ lng }}.json'))).toEqual({ template: `${shown(dir)}/{{lng}}.json`, files: [{ lang: 'lv', path: join(dir, 'lv.json') }, { lang: 'en', path: join(dir, 'en.json') }] });
  });

  it('asks for {{lng}} when given one file', () => {
    expect(resolveTemplate(join(dir, 'lv.json'))).toEqual({ problem: expect.stringContaining('has no {{lng}}: give the template with {{lng}} where the language goes') });
  });

  it('names both files it looked for when there is neither', () => {
    expect(resolveTemplate(join(dir, 'help-{{lng}}.json'))).toEqual({
      problem: `no content at ${shown(dir)}/help-{{lng}}.json: there is neither ${shown(dir)}/help-lv.json nor ${shown(dir)}/help-en.json`,
    });
  });
});

describe('the preview server', () => {
  it('serves a page that mounts the widget on the served template, under the owner\'s template name', async () => {
    const url = await start(join(dir, '{{lng}}.json'));
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<script src="/widget/faq-widget.js" data-auto-mount="false"></script>');
    expect(html).toContain('<script type="module" src="/preview/preview.js"></script>');
    expect(html).toContain(`<code>${shown(dir)}/{{lng}}.json</code>`);
    for (const path of ['/preview/preview.js', '/preview/preview.css', '/widget/faq-widget.js']) expect((await fetch(`${url}${path}`)).status, path).toBe(200);
  });

  it('serves the chunks the widget loads from beside itself', async () => {
    const url = await start();
    const { runtime, content } = JSON.parse(readFileSync('dist/chunks.json', 'utf8')) as Record<string, { file: string }> & { content: Record<string, { file: string }> };
    for (const file of [runtime.file, content.lv.file, content.en.file]) {
      const response = await fetch(`${url}/widget/${file}`);
      expect(response.status, file).toBe(200);
      expect(await response.text()).toBe(readFileSync(join('dist', file), 'utf8'));
    }
  });

  it('serves the owner\'s files as /content/{{lng}}.json, read afresh on every request', async () => {
    const url = await start();
    const first = await fetch(`${url}/content/lv.json`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await first.text()).toBe(readFileSync(join(dir, 'lv.json'), 'utf8'));
    writeFileSync(join(dir, 'lv.json'), '{"entries": {}}');
    expect(await (await fetch(`${url}/content/lv.json`)).text()).toBe('{"entries": {}}');
    expect(await (await fetch(`${url}/content/en.json`)).text()).toBe(readFileSync(join(dir, 'en.json'), 'utf8'));
  });

  it('answers 404 for a language that has no file, as the site would', async () => {
    rmSync(join(dir, 'en.json'));
    const url = await start();
    expect((await fetch(`${url}/content/en.json`)).status).toBe(404);
    expect((await fetch(`${url}/content/lv.json`)).status).toBe(200);
  });

  it('gives the page the files and the findings about them: a broken file is one clear finding', async () => {
    const url = await start();
    expect((await state(url)).findings).toEqual([]);
    writeFileSync(join(dir, 'lv.json'), readFileSync(join(dir, 'lv.json'), 'utf8').replace('"Kā atgriezt preci?",', '"Kā atgriezt preci?",,'));
    const now = await state(url);
    expect(now.files.map((f) => f.file)).toEqual([`${shown(dir)}/lv.json`, `${shown(dir)}/en.json`]);
    expect(now.findings).toEqual([expect.objectContaining({ level: 'error', file: `${shown(dir)}/lv.json`, line: 6, column: 40, message: expect.stringMatching(/^not valid JSON/) })]);
  });

  it('tells an open page within two seconds that a file was saved in place', async () => {
    const url = await start();
    const { event } = await nextEvent(url);
    writeFileSync(join(dir, 'en.json'), readFileSync(join(dir, 'en.json'), 'utf8').replace('Usually', 'Mostly'));
    expect(await event).toMatch(/^event: change\ndata: \d+\n\n$/);
  });

  it('tells an open page that a file was saved as editors save: a new file renamed over the old one', async () => {
    const url = await start();
    for (const change of ['Mostly', 'Nearly always']) {
      const { event } = await nextEvent(url);
      writeFileSync(join(dir, '.lv.json.swp'), readFileSync(join(dir, 'lv.json'), 'utf8').replace(/Parasti|Mostly/, change));
      renameSync(join(dir, '.lv.json.swp'), join(dir, 'lv.json'));
      expect(await event, `save with "${change}"`).toContain('event: change');
    }
  });

  it('says nothing when a file in the folder that is not the owner\'s content changes', async () => {
    const url = await start();
    const { event } = await nextEvent(url, 600);
    writeFileSync(join(dir, 'notes.txt'), 'draft');
    await expect(event).rejects.toThrow('no event within 600 ms');
  });

  it.each([
    '/widget/../package.json',
    '/widget/..%2F..%2Fpackage.json',
    '/widget/%2e%2e/package.json',
    '/content/../package.json',
    '/content/..%2Fpackage.json',
    '/content/lv.json/../../package.json',
    '/preview/../../package.json',
    '/preview/..%2F..%2Fpackage.json',
    '/dist/faq-widget.js',
    '/package.json',
    '//etc/passwd',
    '/widget/chunks.json',
    '/widget/faq-widget.js/..%2F..%2Fpackage.json',
  ])('refuses %s: only the page, the widget\'s own files and the two content files are served', async (path) => {
    const url = await start();
    const { status, body } = await raw(url, path);
    expect(status).toBe(404);
    expect(body).not.toContain('"name"');
  });

  it('answers only at its own address, so a page elsewhere cannot read the content through another name', async () => {
    const url = await start();
    const { status, body } = await raw(url, '/content/lv.json', { host: 'attacker.example:80' });
    expect(status).toBe(421);
    expect(body).toBe(`this server answers only at ${url}\n`);
    expect((await raw(url, '/content/lv.json', { host: new URL(url).host.replace('127.0.0.1', 'localhost') })).status).toBe(200);
  });
});

describe('builtFiles: the widget the page shows', () => {
  it('is the package\'s own dist/', () => {
    expect(builtFiles()).toEqual({ dist: DIST });
  });

  it('says to run the build where it has not run (from source)', () => {
    expect(builtFiles(dir)).toEqual({
      problem: `the widget is not built in ${dir}: run "npm run build" there first (the page needs dist/faq-widget.js, dist/preview/preview.js, dist/preview/preview.css)`,
    });
  });
});

describe('faq-widget preview: the command', () => {
  /** Runs the command as the CLI would, keeping what it prints; for the outcomes that end at once. */
  async function run(...args: string[]) {
    const log: string[] = [];
    const errors: string[] = [];
    const code = await main(args, { log: (l) => log.push(l), error: (l) => errors.push(l) });
    return { code, log: log.join('\n'), errors: errors.join('\n') };
  }

  it('exits with 2 and names both files when the template finds no content', async () => {
    const { code, errors } = await run(join(dir, 'help', '{{lng}}.json'));
    expect(code).toBe(2);
    expect(errors).toBe(`faq-widget preview: no content at ${shown(dir)}/help/{{lng}}.json: there is neither ${shown(dir)}/help/lv.json nor ${shown(dir)}/help/en.json`);
  });

  it('exits with 2 and says what to do when the port is in use', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as { port: number };
    try {
      const { code, errors } = await run(dir, '--port', String(port));
      expect(code).toBe(2);
      expect(errors).toBe(`faq-widget preview: port ${port} is in use: choose another with --port, or leave --port out for a free one`);
    } finally {
      other.close();
    }
  });

  it.each([
    [[], 'say where your content is'],
    [['--port', 'http'], '--port needs a port number from 1 to 65535'],
    [['--watch'], 'unknown option "--watch"'],
    [['a/{{lng}}.json', 'b/{{lng}}.json'], 'one template at a time'],
  ])('exits with 2 and shows the usage for %j', async (args, message) => {
    const { code, errors } = await run(...args);
    expect(code).toBe(2);
    expect(errors).toContain(message);
    expect(errors).toContain('Usage: faq-widget preview <template or folder>');
  });

  it('prints the address, and stops cleanly with exit code 0 on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/preview.ts', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const m = /^faq-widget preview: (http:\/\/127\.0\.0\.1:\d+) shows (.+) \(0 errors, 0 warnings\); Ctrl-C to stop$/m.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(out)));
    });
    expect((await fetch(`${url}/content/lv.json`)).status).toBe(200);
    await nextEvent(url); // an open page must not keep the server from stopping
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/faq-widget preview: stopped\n$/);
  }, 20_000);

  it('prints each finding in the terminal too, at start and after each save, as file:line:column', async () => {
    const lv = join(dir, 'lv.json');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/preview.ts', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const until = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const look = () => pattern.test(out) && resolve();
        child.stdout.on('data', look);
        child.on('exit', () => reject(new Error(out)));
        look();
      });
    await until(/Ctrl-C to stop/);
    writeFileSync(lv, readFileSync(lv, 'utf8').replace(/\}\s*$/, ',\n}\n'));
    await until(/saved: 1 error[^]*not valid JSON/);
    expect(out).toMatch(new RegExp(`\\n  ${lv.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+ error: not valid JSON`));
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('exit', resolve));
  }, 20_000);
});
