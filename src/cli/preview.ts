/**
 * `faq-widget preview <template or folder>`: the owner's content in the widget on a local page,
 * beside the checker's findings and every entry side by side, updated each time a file is saved.
 *
 * A small server on 127.0.0.1 that serves exactly three kinds of thing: the page (built into
 * dist/preview/ from src/pages/), the widget's own files from dist/, and the owner's files as
 * /content/lv.json and /content/en.json, read from disk on every request so an edit shows at once.
 * Nothing else on the machine can be asked for: each route is matched whole, never mapped onto a
 * path. Saves are pushed to the page as Server-Sent Events on /events.
 *
 * Exit codes: 0 stopped with Ctrl-C, 2 wrong arguments, no content at the template, the widget
 * not built, or a port that cannot be used.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatFinding, fromOwner, type Finding } from '../core/check';
import { checkContent, schemaRule } from './check';
import { LANGS } from '../core/locale';
import type { Lang } from '../types';
import type { Io } from './build';

export const USAGE = `Usage: faq-widget preview <template or folder> [--port <n>] [--open]

Shows your content in the widget on a local page, beside what the checks find in it and every
entry in both languages side by side. Save a file and the page updates by itself.

  <template>     where your files are, with {{lng}} for the language: "public/help/{{lng}}.json"
                 (quote it in the shell), or the folder that holds lv.json and en.json
  --port <n>     serve on this port (default: a free one)
  --open         open the page in your browser
  -h, --help     show this help

Exit codes: 0 stopped with Ctrl-C, 2 wrong arguments, no files at the template, the widget not
built, or a port that cannot be used.`;

const consoleIo: Io = { log: (line) => console.log(line), error: (line) => console.error(line) };

/** One language's content file as the owner names it. */
export interface ContentFile {
  lang: Lang;
  /** The path, as findings show it (relative to where the command runs). */
  file: string;
  /** Its text, or undefined when there is no such file. */
  text?: string;
}

/**
 * The findings the page shows, for the owner's files: those of `faq-widget check` (every rule of
 * `i18n:check` and the owner's own), as the page groups them (`key` is the JSON path). A language
 * without a file is said once, as a warning.
 */
export function checkFiles(files: ContentFile[]): Finding[] {
  const absent: Finding[] = files
    .filter((f) => f.text === undefined)
    .map(({ lang, file }) => ({ level: 'warning', file, key: '', message: `there is no such file: the widget finds no ${lang} content at this address` }));
  // As the browser reads it: a byte-order mark is dropped (the checker says so where it matters).
  const sources = files.flatMap(({ lang, file, text }) => (text === undefined ? [] : [{ file, lang, text: text.replace(/^\uFEFF/, '') }]));
  const found = checkContent(sources, { schema: schemaRule() }).map(fromOwner);
  return [...absent, ...found];
}

/** A path as findings show it: relative to where the command runs, with "/". */
const shown = (path: string) => {
  const near = relative(process.cwd(), path) || '.';
  return (near.startsWith('..') || isAbsolute(near) ? resolve(path) : near).split(sep).join('/');
};

/** `{{lang}}`, `{lng}`, `%lng%`…: what an owner may have meant by `{{lng}}`. */
const MISSPELT = /\{\{?\s*(?:lng|lang|language|locale)\s*\}?\}|%(?:lng|lang)%|:(?:lng|lang)\b/;

/**
 * The file of each language a template or folder names, or what is wrong with it in words.
 * `{{lng}}` is replaced as the widget replaces it; a folder stands for `<folder>/{{lng}}.json`.
 */
export function resolveTemplate(target: string): { template: string; files: { lang: Lang; path: string }[] } | { problem: string } {
  // The widget replaces {{ lng }} with spaces too.
  let template = target.replace(/\{\{\s*lng\s*\}\}/g, '{{lng}}');
  if (!template.includes('{{lng}}')) {
    const misspelt = MISSPELT.exec(template)?.[0];
    if (misspelt) return { problem: `"${misspelt}" in ${target} is not what the widget replaces: write {{lng}}, e.g. "${target.replace(misspelt, '{{lng}}')}"` };
    if (!existsSync(target) || !statSync(target).isDirectory()) {
      return { problem: `${target} has no {{lng}}: give the template with {{lng}} where the language goes, e.g. "public/help/{{lng}}.json" (quoted), or the folder that holds lv.json and en.json` };
    }
    template = join(target, '{{lng}}.json');
  }
  const files = LANGS.map((lang) => ({ lang, path: resolve(template.replaceAll('{{lng}}', lang)) }));
  if (!files.some(({ path }) => existsSync(path) && statSync(path).isFile())) {
    return { problem: `no content at ${shown(template)}: there is neither ${files.map(({ path }) => shown(path)).join(' nor ')}` };
  }
  return { template: shown(template), files };
}

/** The folder the package is installed in (this file runs from src/cli/ or, bundled, from dist/cli/). */
function packageRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'faq-widget') return dir;
    } catch {
      // not here: one folder up
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The built files the page needs, or the problem: from source, dist/ exists only after a build. */
export function builtFiles(root = packageRoot()): { dist: string } | { problem: string } {
  const dist = root && join(root, 'dist');
  const needed = ['faq-widget.js', 'preview/preview.js', 'preview/preview.css'];
  if (dist && needed.every((file) => existsSync(join(dist, file)))) return { dist };
  return { problem: `the widget is not built${root ? ` in ${root}` : ''}: run "npm run build" there first (the page needs ${needed.map((f) => `dist/${f}`).join(', ')})` };
}

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', map: 'application/json; charset=utf-8', json: 'application/json; charset=utf-8' };
/** The widget's own files: the loader and the chunks it loads from beside itself, with their source maps. */
const WIDGET_FILE = /^\/widget\/(faq-widget(?:\.[\w-]+)*\.js(?:\.map)?)$/;
const PAGE_FILES: Record<string, string> = { '/preview/preview.js': 'preview/preview.js', '/preview/preview.css': 'preview/preview.css' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(template: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>faq-widget preview — ${escapeHtml(template)}</title>
  <link rel="stylesheet" href="/preview/preview.css">
</head>
<body class="preview">
  <header>
    <h1>Your content in the widget</h1>
    <p><code>${escapeHtml(template)}</code>, as the widget shows it to visitors, beside what the checks find in it.
      Save a file and this page updates by itself.</p>
    <p id="summary" role="status"></p>
    <p id="connection" role="alert"></p>
  </header>
  <main>
    <section id="widget-pane" aria-label="The widget"><div id="widget"></div></section>
    <section id="app" aria-label="Findings and entries"></section>
  </main>
  <script src="/widget/faq-widget.js" data-auto-mount="false"></script>
  <script type="module" src="/preview/preview.js"></script>
</body>
</html>
`;
}

/** What /state.json tells the page: the files as they are now and the findings about them. */
export interface PreviewState {
  template: string;
  files: { lang: Lang; file: string; text: string | null }[];
  findings: Finding[];
}

export interface Preview {
  url: string;
  /** Stops watching, ends every page's event stream and closes the server. */
  close(): Promise<void>;
}

export interface PreviewOptions {
  files: { lang: Lang; path: string }[];
  template: string;
  dist: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Told each time a save changed the files, with the findings about them now. */
  onChange?: (state: PreviewState) => void;
}

async function readContent(files: { lang: Lang; path: string }[]): Promise<ContentFile[]> {
  return Promise.all(
    files.map(async ({ lang, path }) => ({ lang, file: shown(path), text: await readFile(path, 'utf8').catch(() => undefined) })),
  );
}

/** Starts the server; rejects with the listen error (EADDRINUSE…) when the port cannot be used. */
export async function startPreview({ files, template, dist, port = 0, onChange }: PreviewOptions): Promise<Preview> {
  const streams = new Set<ServerResponse>();
  const state = async (): Promise<PreviewState> => {
    const content = await readContent(files);
    return { template, files: content.map(({ lang, file, text }) => ({ lang, file, text: text ?? null })), findings: checkFiles(content) };
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) =>
    void res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
  const notFound = (res: ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  const sendFile = async (res: ServerResponse, path: string) => {
    const body = await readFile(path).catch(() => undefined);
    if (!body) return notFound(res);
    send(res, 200, TYPES[path.slice(path.lastIndexOf('.') + 1) as keyof typeof TYPES] ?? 'application/octet-stream', body);
  };

  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Only pages of this server's own address: a site elsewhere that points a name of its own at
    // 127.0.0.1 (DNS rebinding) must not be able to read what the server serves.
    const host = req.headers.host ?? '';
    if (host !== origin.slice('http://'.length) && host !== origin.replace('127.0.0.1', 'localhost').slice('http://'.length)) {
      return send(res, 421, 'text/plain; charset=utf-8', `this server answers only at ${origin}\n`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n');
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', page(template));
    if (path === '/state.json') return send(res, 200, TYPES.json, JSON.stringify(await state()));
    const content = /^\/content\/(lv|en)\.json$/.exec(path);
    if (content) return sendFile(res, files.find((f) => f.lang === content[1])!.path);
    const widget = WIDGET_FILE.exec(path);
    if (widget) return sendFile(res, join(dist, widget[1]));
    if (Object.hasOwn(PAGE_FILES, path)) return sendFile(res, join(dist, PAGE_FILES[path]));
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
      res.write('retry: 1000\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    notFound(res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `faq-widget preview: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  // A save is a burst of events (editors write a temporary file and rename it over the old one,
  // which replaces the file a watch on the file itself would follow): the folders are watched,
  // and one look is taken once the burst is over. Only a real change of the text is announced.
  let last = JSON.stringify(await readContent(files));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = async () => {
    const now = await state();
    const seen = JSON.stringify(now.files.map(({ lang, file, text }) => ({ lang, file, text: text ?? undefined })));
    if (seen === last) return;
    last = seen;
    onChange?.(now);
    for (const res of streams) res.write(`event: change\ndata: ${Date.now()}\n\n`);
  };
  const folders = new Map<string, Set<string>>();
  for (const { path } of files) folders.set(dirname(path), (folders.get(dirname(path)) ?? new Set()).add(basename(path)));
  const watchers: FSWatcher[] = [];
  for (const [folder, names] of folders) {
    if (!existsSync(folder)) continue;
    const watcher = watch(folder, (_, name) => {
      if (name && !names.has(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void settle().catch(() => undefined), 60);
    });
    watcher.on('error', () => undefined); // a folder removed while watched: nothing more to see there
    watchers.push(watcher);
  }
  // Keeps each stream open through proxies and idle timeouts; never keeps the process alive by itself.
  const ping = setInterval(() => streams.forEach((res) => res.write(': ping\n\n')), 25_000);
  ping.unref();

  return {
    url: origin,
    close: () =>
      new Promise<void>((done) => {
        clearTimeout(timer);
        clearInterval(ping);
        watchers.forEach((w) => w.close());
        streams.forEach((res) => res.end());
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

type Parsed = { target?: string; port?: number; open?: boolean; help?: boolean; problem?: string };

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--open') parsed.open = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      if (!/^\d{1,5}$/.test(value ?? '') || Number(value) > 65535) return { problem: `--port needs a port number from 1 to 65535, e.g. --port 4000` };
      parsed.port = Number(value);
    } else if (arg.startsWith('-')) return { problem: `unknown option "${arg}"` };
    else if (parsed.target) return { problem: `one template at a time: "${parsed.target}" and "${arg}"` };
    else parsed.target = arg;
  }
  return parsed;
}

/** Opens the page in the system's browser; says so when there is none to open. */
function openBrowser(url: string, io: Io) {
  const [command, ...args] = process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.error(`faq-widget preview: could not open a browser; open ${url} yourself`));
  child.unref();
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const tally = (findings: Finding[]) => {
  const errors = findings.filter((f) => f.level === 'error').length;
  return `${count(errors, 'error')}, ${count(findings.length - errors, 'warning')}`;
};

/** Runs the command until Ctrl-C; `args` are those after "preview". Resolves to the exit code. */
export async function main(args: string[], io: Io = consoleIo): Promise<number> {
  const { target, port, open, help, problem } = parseArgs(args);
  if (help) {
    io.log(USAGE);
    return 0;
  }
  if (problem || !target) {
    io.error(`faq-widget preview: ${problem ?? 'say where your content is: a template such as "public/help/{{lng}}.json", or its folder'}\n\n${USAGE}`);
    return 2;
  }
  const resolved = resolveTemplate(target);
  if ('problem' in resolved) {
    io.error(`faq-widget preview: ${resolved.problem}`);
    return 2;
  }
  const built = builtFiles();
  if ('problem' in built) {
    io.error(`faq-widget preview: ${built.problem}`);
    return 2;
  }
  let preview: Preview;
  try {
    preview = await startPreview({
      ...resolved,
      dist: built.dist,
      port,
      onChange: (state) => {
        io.log(`${new Date().toLocaleTimeString('en-GB')} saved: ${tally(state.findings)}`);
        for (const f of state.findings) io.log(`  ${formatFinding(f)}`);
      },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is in use' : code === 'EACCES' ? 'is not open to this user' : `cannot be used (${code ?? (e as Error).message})`;
    io.error(`faq-widget preview: port ${port} ${why}: choose another with --port, or leave --port out for a free one`);
    return 2;
  }
  const findings = checkFiles(await readContent(resolved.files));
  io.log(`faq-widget preview: ${preview.url} shows ${resolved.template} (${tally(findings)}); Ctrl-C to stop`);
  // The page shows them beside the texts; the terminal keeps them too, for the editor's links.
  for (const f of findings) io.log(`  ${formatFinding(f)}`);
  if (open) openBrowser(preview.url, io);

  await new Promise<void>((stop) => {
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const done = () => {
      signals.forEach((s) => process.off(s, done));
      stop();
    };
    signals.forEach((s) => process.once(s, done));
  });
  await preview.close();
  io.log('faq-widget preview: stopped');
  return 0;
}

// Run as a command from source (`tsx src/cli/preview.ts …`); imported, it only exports. The file name
// is checked too: bundled into the `faq-widget` command, every module shares the bundle's URL, and
// only the dispatcher may act on the arguments.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && import.meta.url.endsWith('/cli/preview.ts')) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
