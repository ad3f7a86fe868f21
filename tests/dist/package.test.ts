import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** What `npm publish` would put in the tarball, from the built dist/ (npm test builds first). */
interface Packed {
  files: { path: string; mode: number }[];
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  license: string;
  main: string;
  module: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};

let packed: Map<string, number>;
beforeAll(() => {
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Packed[];
  packed = new Map(report.files.map((f) => [f.path, f.mode]));
}, 60_000);
const has = (pattern: RegExp) => [...packed.keys()].some((path) => pattern.test(path));

describe('the npm package', () => {
  it.each([
    ['the script-tag loader', /^dist\/faq-widget\.js$/],
    ['the runtime chunk', /^dist\/faq-widget\.runtime\.[\w-]+\.js$/],
    ['the Latvian content chunk', /^dist\/faq-widget\.content\.lv\.\w+\.js$/],
    ['the English content chunk', /^dist\/faq-widget\.content\.en\.\w+\.js$/],
    ['the ESM build', /^dist\/faq-widget\.mjs$/],
    ['the type declarations', /^dist\/types\/src\/index\.d\.ts$/],
    ['the content schema', /^dist\/schemas\/faq\.schema\.json$/],
    ['the interface-text schema', /^dist\/schemas\/ui\.schema\.json$/],
    ['the command', /^dist\/cli\/faq-widget\.js$/],
    ['the licence', /^LICENSE$/],
    ['the README', /^README\.md$/],
  ])('holds %s', (_, pattern) => {
    expect(has(pattern)).toBe(true);
  });

  it('holds every file package.json points at', () => {
    const exported = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
    for (const path of [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin), ...exported]) expect(packed.has(path.replace(/^\.\//, '')), path).toBe(true);
  });

  it('has the faq-widget command, executable', () => {
    expect(pkg.bin).toEqual({ 'faq-widget': 'dist/cli/faq-widget.js' });
    expect(packed.get('dist/cli/faq-widget.js')! & 0o111).toBe(0o111);
    expect(readFileSync('dist/cli/faq-widget.js', 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('carries the MIT licence its package.json names', () => {
    expect(pkg.license).toBe('MIT');
    const licence = readFileSync('LICENSE', 'utf8');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 faq-widget contributors\n/);
  });

  // The package page (npmjs.com) shows the README without the repository's files: every picture
  // is an address of a file this very version ships.
  it('shows README pictures that render on the package page: absolute, of this version, in the tarball', () => {
    const pictures = [...readFileSync('README.md', 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(pictures.length).toBeGreaterThanOrEqual(6);
    const base = `https://cdn.jsdelivr.net/npm/faq-widget@${pkg.version}/`;
    for (const url of pictures) {
      expect(url.startsWith(base), url).toBe(true);
      expect(packed.has(url.slice(base.length)), url).toBe(true);
    }
  });

  it('ships the schemas as they are in locales/, each with a stable $id where the package serves it', () => {
    for (const name of ['faq', 'ui']) {
      const shipped = readFileSync(`dist/schemas/${name}.schema.json`, 'utf8');
      expect(shipped).toBe(readFileSync(`locales/${name}.schema.json`, 'utf8'));
      expect(JSON.parse(shipped).$id).toBe(`https://cdn.jsdelivr.net/npm/faq-widget/dist/schemas/${name}.schema.json`);
    }
  });
});

describe('the faq-widget command as published', () => {
  /** The command copied away from the project and its node_modules: it must run on node alone. */
  let bin: string;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'faq-widget-bin-'));
    cpSync('dist/cli', join(dir, 'cli'), { recursive: true });
    cpSync('tests/fixtures/owner', join(dir, 'owner'), { recursive: true });
    bin = join(dir, 'cli/faq-widget.js');
  });
  const node = (...args: string[]) => spawnSync(bin, args, { encoding: 'utf8', cwd: dir });

  it('checks valid files with plain node and no node_modules, exit code 0', () => {
    const { status, stdout } = node('check', 'owner/ok/lv.json', 'owner/ok/en.json');
    expect(stdout).toBe('faq-widget check: 2 files checked, 0 errors, 0 warnings — ok\n');
    expect(status).toBe(0);
  });

  it('reports mistakes with file, line and column, exit code 1', () => {
    const { status, stdout } = node('check', '--root', 'owner', '/shop/{{lng}}.json');
    expect(stdout).toMatch(/^owner\/shop\/lv\.json:\d+:\d+ {2}error {4}entries\.gift: entry id "gift" is used twice/m);
    expect(status).toBe(1);
  });

  it('answers --version with the package version, and an unknown command with exit code 2', () => {
    expect(node('--version').stdout.trim()).toBe(pkg.version);
    expect(node('publish').status).toBe(2);
  });
});
