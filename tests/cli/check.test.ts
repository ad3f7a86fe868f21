import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLocales, type LocaleFiles } from '../../src/core/check';
import { main } from '../../src/cli/check';
import { run } from '../../src/cli/faq-widget';

/**
 * `faq-widget check` driven as an owner runs it, on fixtures with every mistake the issue lists.
 * Each expected place is found by a plain text search of the fixture, not by the scanner under
 * test, and each message must say what to do.
 */
const FIX = 'tests/fixtures/owner';
const LV = `${FIX}/shop/lv.json`;
const EN = `${FIX}/shop/en.json`;

async function check(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** `file:line:column` of the `nth` `needle` in the file, moved on by `shift` characters. */
function at(file: string, needle: string, { nth = 0, shift = 0 } = {}): string {
  const text = readFileSync(file, 'utf8');
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in ${file}`);
  }
  const before = text.slice(0, i + shift).split('\n');
  return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

/** The output lines at `where` with `level` that say every one of `parts`. */
function said(out: string, where: string, level: 'error' | 'warning', ...parts: string[]): string[] {
  return out.split('\n').filter((l) => l.startsWith(`${where}  ${level.padEnd(7)}  `) && parts.every((p) => l.includes(p)));
}

let shop: Awaited<ReturnType<typeof check>>;
beforeAll(async () => {
  shop = await check(LV, EN);
});

describe('faq-widget check on an owner’s interface words (the `ui` block)', () => {
  const UI = `${FIX}/ui-words`;
  it('reports a placeholder the widget will not fill and an unknown key, each at its key, saying the widget shows its own text', async () => {
    const { code, out } = await check(`${UI}/lv.json`, `${UI}/en.json`);
    expect(said(out, at(`${UI}/en.json`, '"noResults"'), 'error', 'ui.noResults', '{{q}}', 'needs {{query}}', 'the widget ignores it')).toHaveLength(1);
    expect(said(out, at(`${UI}/lv.json`, '"launchr"'), 'error', 'ui.launchr', 'not an interface text', 'see ui.json')).toHaveLength(1);
    // Accepted by the widget, but shown wrong: Latvian says "Viens rezultāts" for 21 and 31 too.
    expect(said(out, at(`${UI}/lv.json`, '"Viens rezultāts"'), 'error', 'ui.resultCount_one', 'no {{count}}', '21 and 31')).toHaveLength(1);
    expect(out).not.toMatch(/ui\.title/);
    expect(code).toBe(1);
  });
});

describe('faq-widget check on an owner’s content', () => {
  it('passes valid files with exit code 0 and a one-line summary', async () => {
    const { code, out } = await check(`${FIX}/ok/lv.json`, `${FIX}/ok/en.json`);
    expect(out).toBe('faq-widget check: 2 files checked, 0 errors, 0 warnings — ok\n');
    expect(code).toBe(0);
  });

  it('accepts notes for translators on entries and categories, and checks no text rule against them', async () => {
    const { code, out } = await check(`${FIX}/notes/lv.json`, `${FIX}/notes/en.json`);
    expect(out).toBe('faq-widget check: 2 files checked, 0 errors, 0 warnings — ok\n');
    expect(code).toBe(0);
  });

  it('exits 1 when it finds errors, and says how many', () => {
    expect(shop.code).toBe(1);
    expect(shop.out).toMatch(/^faq-widget check: 2 files checked, \d+ errors, \d+ warnings$/m);
  });

  it('reports a duplicate id with both line numbers, at the later one, and says which entry is lost', () => {
    const [first, second] = [at(LV, '"gift":'), at(LV, '"gift":', { nth: 1 })].map((w) => w.split(':')[1]);
    expect(said(shop.out, at(LV, '"gift":', { nth: 1 }), 'error', `entry id "gift" is used twice, on lines ${first} and ${second}`, `the entry on line ${first} is lost`, 'Give one of them another id')).toHaveLength(1);
  });

  it('reports a key written twice in one entry with both line numbers', () => {
    const [first, second] = [at(LV, '"question": "Cik ilgi jāgaida piegāde?"'), at(LV, '"question": "Cik ilgi jāgaida?"')];
    expect(said(shop.out, second, 'error', `on lines ${first.split(':')[1]} and ${second.split(':')[1]}`, 'only the value on line', 'Remove one')).toHaveLength(1);
  });

  it.each([
    ['a "##" heading', '## Noteikumi', 'start the line with "### "', 'It shows as: "## Noteikumi"'],
    ['HTML bold', '<b>', 'write **bold** instead', 'It shows as: "Skatīt <b>noteikumus</b> un !karte."'],
    ['an image', '![karte]', 'write [karte](https://veikals.lv/karte.png) without the "!"', 'It shows as: "Skatīt <b>noteikumus</b> un !karte."'],
    ['a table', '| Veids', 'write each row as a "- " list item', 'It shows as: "| Veids | Cena |"'],
    ['a code block', '```', 'put ` around each piece of code', 'It shows as: "```"'],
  ])('reports %s, shown as typed, as an error at its line and column, with what to write and what it will look like', (_, needle, todo, shows) => {
    expect(said(shop.out, at(LV, needle), 'error', todo, shows)).toHaveLength(1);
  });

  it('reports a www. link without a scheme as an error, at the address, with the full address to write', () => {
    expect(said(shop.out, at(LV, 'www.veikals.lv'), 'error', 'link "www.veikals.lv" has no https://', 'write https://www.veikals.lv')).toHaveLength(1);
  });

  it('reports a link to a domain written without a scheme as an error, with the full address to write', () => {
    expect(said(shop.out, at(LV, 'veikals.lv/akcijas'), 'error', 'link "veikals.lv/akcijas" has no https://', 'write https://veikals.lv/akcijas')).toHaveLength(1);
  });

  it('warns about a link relative to the page, showing where it lands and what to write', () => {
    expect(said(shop.out, at(LV, 'cenas.html'), 'warning', 'opens https://example.lv/shop/cenas.html', 'write /cenas.html or a full https:// address')).toHaveLength(1);
  });

  it('reports a #faq/ link to an entry the file does not have', () => {
    expect(said(shop.out, at(LV, '#faq/atgriesana'), 'error', 'opens entry "atgriesana", which this file does not have', 'use one of the ids under "entries"')).toHaveLength(1);
  });

  it('reports an id that links and the address cannot carry, at its key', () => {
    expect(said(shop.out, at(LV, '"\\ud83d":'), 'error', 'unpaired surrogate', 'no link (#faq/…) or address (#faq=lv/…) can carry it', 'Use lowercase letters')).toHaveLength(1);
  });

  it('reports text of invisible characters only, naming them, once', () => {
    const where = at(LV, '"\\u200b\\u200b"');
    expect(said(shop.out, where, 'error', 'only invisible characters (U+200B)', 'Write the text, or remove it')).toHaveLength(1);
    expect(shop.out.split('\n').filter((l) => l.startsWith(where))).toHaveLength(1);
  });

  it('reports text that is not NFC at the letter whose accent is stored apart', () => {
    expect(said(shop.out, at(LV, '"Da\\u0304vanas"', { shift: 2 }), 'error', 'not Unicode NFC', 'retype it or normalise the file')).toHaveLength(1);
  });

  it('reports a related id that does not exist at that item of the list', () => {
    expect(said(shop.out, at(LV, '"gift-cards"'), 'error', 'related entry "gift-cards" does not exist')).toHaveLength(1);
  });

  it('reports an unknown field at its value', () => {
    expect(said(shop.out, at(LV, '"red"'), 'error', 'entries.pay.colour: unknown field "colour"')).toHaveLength(1);
  });

  it('checks the content schema: an id outside what it allows, with the schema’s own description', () => {
    expect(said(shop.out, at(LV, '"Bad Id":'), 'error', 'must match pattern', 'Lowercase letters, digits and hyphens')).toHaveLength(1);
  });

  it('checks a "ui" block against the widget’s interface text, at the key the widget would ignore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-ui-'));
    const [lv, en] = [join(dir, 'lv.json'), join(dir, 'en.json')];
    writeFileSync(lv, readFileSync(`${FIX}/ok/lv.json`, 'utf8').replace(/^\{/, '{\n  "ui": { "titel": "Veikala palīdzība" },'));
    writeFileSync(en, readFileSync(`${FIX}/ok/en.json`, 'utf8'));
    const { code, out } = await check(lv, en);
    expect(said(out, at(lv, '"titel"'), 'error', 'ui.titel: "titel" is not an interface text of the widget', 'the widget ignores it', '[ui]')).toHaveLength(1);
    expect(code).toBe(1);
  });

  it('checks the two languages against each other: entries and categories in one only', () => {
    expect(said(shop.out, at(LV, '"pay":'), 'warning', `entry "pay" is missing from ${EN}`, 'English visitors see it in Latvian')).toHaveLength(1);
    expect(said(shop.out, at(EN, '"exchange":'), 'warning', `entry "exchange" is missing from ${LV}`, 'Latvian visitors see it in English')).toHaveLength(1);
    expect(said(shop.out, at(LV, '"gifts":'), 'error', `category "gifts" is missing from ${EN}`)).toHaveLength(1);
  });

  it('runs every rule of i18n:check on content files: each of its findings is reported here too', () => {
    const files: LocaleFiles = {
      'lv/ui.json': readFileSync('locales/lv/ui.json', 'utf8'),
      'en/ui.json': readFileSync('locales/en/ui.json', 'utf8'),
      'lv/faq.json': readFileSync(LV, 'utf8'),
      'en/faq.json': readFileSync(EN, 'utf8'),
    };
    const theirs = checkLocales(files, 'x').filter((f) => f.file.endsWith('faq.json'));
    expect(theirs.length).toBeGreaterThan(10);
    const ours = shop.out.split('\n');
    for (const f of theirs) {
      const named = (text: string) => text.replace('x/lv/faq.json', LV).replace('x/en/faq.json', EN);
      const file = named(f.file);
      // i18n:check says "question must be a non-empty string" where the text is invisible characters; this names them.
      const message = named(f.message)
        .replace(/^answer line \d+: /, '').replace(/^question must be a non-empty string$/, 'only invisible characters');
      // An entry in one language only is an owner's warning (the widget shows it in the other language).
      const level = /^entry ".*" is missing from/.test(f.message) ? 'warning' : f.level;
      const same = ours.filter((l) => l.startsWith(file) && l.includes(`  ${level.padEnd(7)}  `) && l.includes(message));
      expect(same, `${f.file} ${f.key}: ${f.message}`).not.toHaveLength(0);
    }
  });

  it('names a trailing comma’s line and column and says to remove it; the visitor’s consequence too', async () => {
    const lv = `${FIX}/trailing-comma/lv.json`;
    const { code, out } = await check(lv, `${FIX}/trailing-comma/en.json`);
    expect(said(out, at(lv, ',\n    }'), 'error', 'not valid JSON: a comma before "}"', 'remove it', 'Latvian visitors get the other language')).toHaveLength(1);
    expect(code).toBe(1);
  });

  it('reads a file with a byte-order mark as browsers do (they drop it) and warns that other tools do not', async () => {
    const lv = `${FIX}/bom/lv.json`;
    const { code, out } = await check(lv, `${FIX}/bom/en.json`);
    expect(said(out, `${lv}:1:1`, 'warning', 'byte-order mark', 'Browsers drop it', 'Save it as "UTF-8" without BOM')).toHaveLength(1);
    expect(out).toContain('0 errors, 1 warning — ok');
    expect(code).toBe(0);
  });

  it('fails on warnings with --strict', async () => {
    const { code, out } = await check('--strict', `${FIX}/bom/lv.json`, `${FIX}/bom/en.json`);
    expect(out).toContain('0 errors, 1 warning — failed (--strict)');
    expect(code).toBe(1);
  });

  it('reports a UTF-16 file and bytes that are not UTF-8, with where', async () => {
    const { out } = await check(`${FIX}/encoding/lv.json`, `${FIX}/encoding/en.json`);
    expect(said(out, `${FIX}/encoding/lv.json:1:1`, 'error', 'UTF-16', 'Save it as "UTF-8"')).toHaveLength(1);
    const latin = readFileSync(`${FIX}/encoding/en.json`, 'latin1').split('\n');
    const line = latin.findIndex((l) => l.includes('\xf6'));
    expect(said(out, `${FIX}/encoding/en.json:${line + 1}:${latin[line].indexOf('\xf6') + 1}`, 'error', 'not UTF-8', 'Save the file as "UTF-8"')).toHaveLength(1);
  });
});

describe('faq-widget check on a data-content template', () => {
  it('expands {{lng}} for lv and en and checks both files against each other', async () => {
    const { code, out } = await check('--root', FIX, '/shop/{{lng}}.json');
    expect(out).toMatch(/2 files checked/);
    expect(said(out, at(LV, '"pay":').replace(LV, `${FIX}/shop/lv.json`), 'warning', 'is missing from')).toHaveLength(1);
    expect(code).toBe(1);
  });

  it('says what the widget does when one language’s file is missing, not a raw ENOENT', async () => {
    const { code, out } = await check(`${FIX}/lv-only/{{lng}}.json`);
    // As the widget does: a file not there makes the site Latvian-only for the visit, without a notice.
    const lines = said(out, `${FIX}/lv-only/en.json`, 'warning', 'no English file', 'treats the site as Latvian-only', 'add data-languages="lv"', 'no language switch');
    expect(lines).toHaveLength(1);
    expect(out).not.toContain('notice');
    expect(out).not.toContain('ENOENT');
    expect(code).toBe(0);
  });

  it('takes a folder as its lv.json and en.json, as build and preview do', async () => {
    const { code, out } = await check(`${FIX}/ok`);
    expect(out).toMatch(/2 files checked, 0 errors/);
    expect(code).toBe(0);
  });

  it("reads a relative template under --root, as the site's home page would", async () => {
    const { out } = await check('--root', FIX, 'shop/{{lng}}.json');
    expect(out).toMatch(/2 files checked/);
    expect(said(out, 'shop/{{lng}}.json', 'warning', 'is relative')).toHaveLength(1);
  });

  it('says to name the site\'s folder with --root when a path from the root finds nothing here', async () => {
    const { code, out } = await check('/shop/{{lng}}.json');
    expect(said(out, '/shop/{{lng}}.json', 'error', 'neither', 'say which with --root, e.g. --root public')).toHaveLength(1);
    expect(code).toBe(2);
  });

  it('points a Markdown or CSV file to faq-widget build, which reads it', async () => {
    const { code, out } = await check('content/lv/salary.md');
    expect(said(out, 'content/lv/salary.md', 'error', 'faq-widget build <folder or .csv> --out <dir>')).toHaveLength(1);
    expect(code).toBe(2);
  });

  it('exits 2 when no file of the template exists', async () => {
    const { code, err } = await check(`${FIX}/nowhere/{{lng}}.json`);
    expect(err).toContain('nothing to check');
    expect(code).toBe(2);
  });

  it.each([
    ['{{lang}}', '/shop/{{lang}}.json'],
    ['{lng}', '/shop/{lng}.json'],
    ['{{{lng}}}', '/shop/{{{lng}}}.json'],
    ['%7B%7Blng%7D%7D', '/shop/%7B%7Blng%7D%7D.json'],
  ])('reports a misspelt %s as an error with the template to write, and checks what was meant', async (written, template) => {
    const { out } = await check('--root', `${FIX}/..`, `/owner${template}`);
    expect(said(out, `/owner${template}`, 'error', `"${written}" is not replaced by the widget (only {{lng}} is)`, 'write data-content="/owner/shop/{{lng}}.json"')).toHaveLength(1);
    expect(out).toMatch(/2 files checked/);
  });

  it('accepts "{{ lng }}" as the widget does, and suggests the usual spelling', async () => {
    const { out } = await check('--root', FIX, '/ok/{{ lng }}.json');
    expect(said(out, '/ok/{{ lng }}.json', 'warning', 'works (the widget allows spaces)', '"/ok/{{lng}}.json"')).toHaveLength(1);
    expect(out).toContain('0 errors');
  });

  it('warns that a template without {{lng}} gives every language the same file', async () => {
    const { out } = await check('--root', FIX, '/ok/lv.json');
    expect(said(out, '/ok/lv.json', 'warning', 'every language gets the same file', 'Put {{lng}} where the language goes')).toHaveLength(1);
  });

  it('warns that a relative template resolves against each page and suggests a root-relative one', async () => {
    const { out } = await check(`${FIX}/ok/{{lng}}.json`);
    expect(said(out, `${FIX}/ok/{{lng}}.json`, 'warning', 'resolves against each page', `https://example.lv/shop/${FIX}/ok/lv.json`, `Write it from the site's root (/${FIX}/ok/{{lng}}.json)`)).toHaveLength(1);
  });
});

describe('faq-widget check on a URL template', () => {
  let server: Server;
  let base: string;
  const ok = readFileSync(`${FIX}/ok/lv.json`);
  beforeAll(async () => {
    server = createServer((req, res) => {
      const [, kind, file] = /^\/(\w[\w-]*)\/(\w+)\.json$/.exec(req.url ?? '') ?? [];
      if (kind === 'ok' || (kind === 'lv-only' && file === 'lv')) return res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(`${FIX}/ok/${file}.json`));
      if (kind === 'spa') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Shop</title>');
      if (kind === 'plain') return res.writeHead(200, { 'content-type': 'text/plain' }).end(readFileSync(`${FIX}/ok/${file}.json`));
      if (kind === 'broken') return res.writeHead(500).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(ok.length).toBeGreaterThan(0);
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('fetches both languages and checks them', async () => {
    const { code, out } = await check(`${base}/ok/{{lng}}.json`);
    expect(out).toBe('faq-widget check: 2 files checked, 0 errors, 0 warnings — ok\n');
    expect(code).toBe(0);
  });

  it('names the absolute URL of a language the server does not have, and what the widget does', async () => {
    const { out } = await check(`${base}/lv-only/{{lng}}.json`);
    expect(said(out, `${base}/lv-only/en.json`, 'warning', 'no English file', 'data-languages="lv"')).toHaveLength(1);
  });

  it('reports an HTML page served instead of JSON, with the URL', async () => {
    const { code, out } = await check(`${base}/spa/{{lng}}.json`);
    expect(said(out, `${base}/spa/lv.json`, 'error', 'an HTML page (content-type text/html), not JSON', 'Check the path')).toHaveLength(1);
    expect(code).toBe(2); // nothing could be read as content
  });

  it('warns about a JSON file served with another content-type', async () => {
    const { out } = await check(`${base}/plain/{{lng}}.json`);
    expect(said(out, `${base}/plain/en.json`, 'warning', 'content-type text/plain', 'application/json')).toHaveLength(1);
  });

  it('reports the HTTP status of a server error, with the URL', async () => {
    const { out } = await check(`${base}/broken/{{lng}}.json`);
    expect(said(out, `${base}/broken/lv.json`, 'error', `the server answered 500 Internal Server Error for ${base}/broken/lv.json`)).toHaveLength(1);
  });

  it('reports a server that cannot be reached', async () => {
    const { out } = await check('http://127.0.0.1:9/help/{{lng}}.json');
    expect(said(out, 'http://127.0.0.1:9/help/lv.json', 'error', 'could not be reached', 'check the address')).toHaveLength(1);
  });
});

describe('faq-widget check for CI and at the command line', () => {
  it('prints one JSON object of the documented shape with --json', async () => {
    const { code, out } = await check('--json', LV, EN);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['version', 'ok', 'strict', 'errors', 'warnings', 'files', 'findings']);
    expect(report).toMatchObject({ version: 1, ok: false, strict: false, files: [{ file: LV, lang: 'lv' }, { file: EN, lang: 'en' }] });
    expect(report.errors).toBe(report.findings.filter((f: { level: string }) => f.level === 'error').length);
    const duplicate = report.findings.find((f: { rule: string }) => f.rule === 'duplicate-id');
    const [, line, column] = at(LV, '"gift":', { nth: 1 }).split(':').slice(-3);
    expect(duplicate).toEqual({ level: 'error', rule: 'duplicate-id', file: LV, line: Number(line), column: Number(column), path: 'entries.gift', message: expect.stringContaining('used twice') });
    expect(code).toBe(1);
  });

  it('documents its options, output and exit codes in --help', async () => {
    const { code, out } = await check('--help');
    for (const part of ['--json', '--strict', '--root', '{{lng}}', '0  no errors', '1  errors found', '2  nothing could be checked']) expect(out).toContain(part);
    expect(code).toBe(0);
  });

  it.each([
    [[], 'name the content files'],
    [['--colour', LV], 'unknown option "--colour"'],
    [['--root'], '--root needs a folder'],
  ])('exits 2 with what to do on a usage mistake: %j', async (args, message) => {
    const { code, err } = await check(...args);
    expect(err).toContain(message);
    expect(err).toContain('faq-widget check --help');
    expect(code).toBe(2);
  });

  it('reports a named file that does not exist and exits 2', async () => {
    const { code, out } = await check(`${FIX}/none.json`);
    expect(out).toContain(`${FIX}/none.json  error    no such file`);
    expect(code).toBe(2);
  });

  it('warns that a file whose name says no language is checked on its own', async () => {
    const { code, out } = await check(`${FIX}/single/faq.json`);
    expect(said(out, `${FIX}/single/faq.json`, 'warning', 'the file name says no language', 'name the files lv.json and en.json')).toHaveLength(1);
    expect(code).toBe(0);
  });
});

describe('faq-widget, the command', () => {
  const io = () => {
    const io = { out: '', err: '' };
    return { io, sink: { out: (t: string) => (io.out += t), err: (t: string) => (io.err += t) } };
  };

  it('lists its commands in --help', async () => {
    const { io: got, sink } = io();
    expect(await run(['--help'], sink)).toBe(0);
    expect(got.out).toMatch(/^ {2}check +check content files/m);
  });

  it('says a command it does not know, and how to get help, with exit code 2', async () => {
    const { io: got, sink } = io();
    expect(await run(['chekc'], sink)).toBe(2);
    expect(got.err).toBe('faq-widget: unknown command "chekc". Commands: check, preview, build. Run "faq-widget --help".\n');
  });

  it('prints usage to stderr and exits 2 when given no command', async () => {
    const { io: got, sink } = io();
    expect(await run([], sink)).toBe(2);
    expect(got.err).toContain('Usage: faq-widget <command>');
  });
});
