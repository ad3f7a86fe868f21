import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run demo` in a copy of the project: the Vite dev server with its watch build of the widget.
 * Tests edit the copy's locale files, never the ones other tests read. `before` prepares the copy
 * (e.g. writes a glossary) before the server starts.
 */
export async function startDemo(before: (copy: string) => void = () => undefined) {
  const copy = mkdtempSync(join(tmpdir(), 'faq-live-'));
  for (const entry of ['src', 'locales', 'demo', 'package.json', 'tsconfig.json', 'vite.config.ts']) cpSync(entry, join(copy, entry), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(copy, 'node_modules'), 'dir');
  before(copy);
  let log = '';
  // The same command as `npm run demo`, minus the browser opening; Vitest's own variables removed.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const server: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', '0', '--strictPort'], { cwd: copy, env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      log += d;
      const m = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error(`vite exited: ${out}`)));
  });
  // The first watch build writes dist/ in the copy.
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    try {
      readFileSync(join(copy, 'dist/faq-widget.js'));
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    copy,
    log: () => log,
    /** Saves a locale file in place, as VS Code and most editors do. */
    save(file: string, change: (data: Record<string, unknown>) => void) {
      const path = join(copy, 'locales', file);
      const data = JSON.parse(readFileSync(path, 'utf8'));
      change(data);
      writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
    },
    /** Writes a locale file's text as it is, broken or not. */
    write(file: string, text: string) {
      writeFileSync(join(copy, 'locales', file), text);
    },
    read: (file: string) => readFileSync(join(copy, 'locales', file), 'utf8'),
    stop() {
      server.kill();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
