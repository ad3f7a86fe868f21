import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, USAGE } from '../../src/cli/i18n-check';

/** `npm run i18n:check` driven as a translator or CI runs it, on the guard's fixtures. */
const FIX = 'tests/fixtures/guard';

/** A locales folder: the ok fixture with `fixture`'s files (and a glossary) in their place. */
function folder(fixture: string, glossary?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  for (const name of ['lv/ui.json', 'lv/faq.json', 'en/ui.json', 'en/faq.json']) {
    mkdirSync(join(dir, name.split('/')[0]), { recursive: true });
    const own = join(FIX, fixture, name);
    copyFileSync(existsSync(own) ? own : join(FIX, 'ok', name), join(dir, name));
  }
  if (glossary) copyFileSync(join(FIX, glossary, 'glossary.json'), join(dir, 'glossary.json'));
  return dir;
}

function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('npm run i18n:check', () => {
  it('passes the shipped locales with --strict: no error, and no warning a note does not justify', () => {
    const { code, out, err } = run('--strict');
    expect(err).toBe('');
    // ui.json and faq.json of both languages, and the glossary.
    expect(out).toMatch(/^i18n:check: 5 files checked, 0 errors, 0 warnings(, \d+ justified by a note)? — ok$/m);
    expect(code).toBe(0);
  });

  it('exits 0 on warnings, and 1 on the same warnings with --strict', () => {
    const dir = folder('identical');
    expect(run(dir)).toMatchObject({ code: 0, out: expect.stringContaining('0 errors, 1 warning — ok') });
    expect(run('--strict', dir)).toMatchObject({ code: 1, out: expect.stringContaining('0 errors, 1 warning — failed (--strict)') });
  });

  it('passes --strict when every warning is justified by a note, and prints them as justified', () => {
    const { code, out } = run('--strict', folder('length-ratio-note'));
    expect(code).toBe(0);
    expect(out).toMatch(/lv\/faq\.json:\d+:\d+ justified \[entries\.hard\.answer\]: .*\[length-ratio\] \(note: "length-ratio: /);
    expect(out).toContain('0 errors, 0 warnings, 1 justified by a note — ok');
  });

  it('exits 1 on errors, printed to stderr with file, line and column', () => {
    const dir = folder('plural-count');
    const { code, err } = run(dir);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^${dir}/lv/ui\\.json:6:22 error \\[resultCount_one\\]: the _one form has no \\{\\{count\\}\\}`, 'm'));
  });

  it('exits 2 on a usage mistake, saying what and how to get help', () => {
    expect(run('--colour')).toMatchObject({ code: 2, err: expect.stringContaining('unknown option "--colour"') });
    expect(run('a', 'b')).toMatchObject({ code: 2, err: expect.stringContaining('one folder at a time') });
  });

  it('documents --strict, notes, rule names and exit codes in --help', () => {
    expect(run('--help')).toMatchObject({ code: 0, out: USAGE });
    for (const part of ['--strict', '"note"', 'length-ratio', 'plural-count', 'glossary', '0  no errors', '1  errors found', '2  wrong arguments']) expect(USAGE).toContain(part);
  });

  it('applies the glossary beside the locale files and checks it against its schema, at the place', () => {
    const { code, out, err } = run(folder('ok', 'glossary-bad'));
    expect(code).toBe(1);
    expect(err).toContain('glossary.json:10:7 error [terms[1].id]: must match pattern "^[a-z0-9][a-z0-9-]*$" (glossary.schema.json: Lowercase letters');
    expect(err).toContain('glossary.json:9:5 error [terms[1].lv]: "lv" is missing (glossary.schema.json)');
    expect(err).toContain('starts a word of the preferred "operators"');
    expect(out).toContain('5 files checked');
  });
});
