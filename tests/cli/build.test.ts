import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutput, main } from '../../src/cli/build';
import { readContent } from '../../src/core/content';
import { parseMarkup, unsupportedMarkup, type Block } from '../../src/core/markup';

const FIXTURES = 'tests/fixtures/owner-build';
const MARKDOWN = `${FIXTURES}/markdown`;
const HOURS = `${MARKDOWN}/lv/hours.md`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faq-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command as the CLI would, keeping what it prints. */
async function build(...args: string[]) {
  const log: string[] = [];
  const errors: string[] = [];
  const code = await main(args, { log: (l) => log.push(l), error: (l) => errors.push(l) });
  return { code, log: log.join('\n'), errors };
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const out = () => join(dir, 'out');
/** The output folder as the command names it in its findings. */
const shownOut = () => {
  const near = relative(process.cwd(), out());
  return near.startsWith('..') ? out() : near;
};

describe('faq-widget build: a Markdown folder', () => {
  it('writes lv.json and en.json as expected: front matter, "# " question, default ids, order, links between files', async () => {
    const { code } = await build(MARKDOWN, '--out', out());
    expect(code).toBe(0);
    for (const lang of ['lv', 'en']) {
      expect(readFileSync(join(out(), `${lang}.json`), 'utf8')).toBe(readFileSync(`${FIXTURES}/expected/${lang}.json`, 'utf8'));
    }
    // What the expected files promise, spelled out.
    const lv = read(join(out(), 'lv.json'));
    expect(lv.entries.salary.question).toBe('Cik maksā zvanu centrā?'); // the first "# " heading
    expect(lv.entries.salary.answer).toContain('[darba laiku](#faq/hours)'); // ./hours.md
    expect(Object.keys(read(join(out(), 'en.json')).entries)).toEqual(['overtime', 'salary']); // order: 1 first
  });

  it('writes files valid against locales/faq.schema.json, pretty-printed and ending in a newline', async () => {
    await build(MARKDOWN, '--out', out());
    const validate = new Ajv({ allErrors: true }).compile(read('locales/faq.schema.json'));
    for (const lang of ['lv', 'en']) {
      const text = readFileSync(join(out(), `${lang}.json`), 'utf8');
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    }
  });

  it('writes answers the widget reads back to the structure the Markdown has, with nothing shown as raw markup', async () => {
    await build(MARKDOWN, '--out', out());
    for (const lang of ['lv', 'en'] as const) {
      const { content, problems } = readContent(read(join(out(), `${lang}.json`)), lang, `${lang}.json`);
      expect(problems).toEqual([]);
      for (const entry of content.entries) expect(unsupportedMarkup(entry.answer), entry.id).toEqual([]);
    }
    const t = (text: string) => ({ type: 'text', text }) as const;
    const { blocks } = parseMarkup(read(join(out(), 'lv.json')).entries.salary.answer);
    expect(blocks).toEqual<Block[]>([
      {
        type: 'paragraph',
        children: [
          t('Vidēji '),
          { type: 'strong', children: [t('ap 14 $ stundā')] },
          t(', pieredzējušiem '),
          { type: 'em', children: [t('vairāk')] },
          // A soft line break is a space, as in Markdown; a hard one ("  ") a line break.
          t('. Šī rinda turpina to pašu rindkopu.'),
          { type: 'break' },
          t('Pēc cietās pārnešanas: kods '),
          { type: 'code', text: 'A-123' },
          t('.'),
        ],
      },
      { type: 'heading', children: [t('Kas nosaka algu')] },
      // "-" then "*": two lists in Markdown, two in the widget.
      { type: 'list', ordered: false, items: [[{ type: 'strong', children: [t('Amats')] }, t(': aģents vai vadītājs')]] },
      { type: 'list', ordered: false, items: [[t('Pieredze')]] },
      { type: 'list', ordered: true, items: [[t('Piesakies')], [t('Ej uz interviju')], [t('Saņem piedāvājumu')]] },
      {
        type: 'quote',
        blocks: [
          { type: 'paragraph', children: [t('Citāts ar '), { type: 'link', href: 'https://example.lv/alga', children: [t('saiti')] }, t('. Tā pati rinda.')] },
          { type: 'paragraph', children: [t('Otrā rindkopa citātā.')] },
        ],
      },
      {
        type: 'paragraph',
        children: [
          t('Skatīt arī '),
          { type: 'link', href: '#faq/hours', children: [t('darba laiku')] },
          t(', '),
          { type: 'link', href: '#faq/hours', children: [t('to pašu')] },
          t(', '),
          { type: 'link', href: 'mailto:darbs@example.lv', children: [t('rakstīt')] },
          t(', '),
          { type: 'link', href: 'tel:+37120000000', children: [t('zvanīt')] },
          t(' un '),
          { type: 'link', href: '/help', children: [t('palīdzību')] },
          t('.'),
        ],
      },
    ]);
  });

  it('turns headings of every level into "### " sub-headings, without a warning', async () => {
    const { errors } = await build(MARKDOWN, '--out', out());
    expect(read(join(out(), 'lv.json')).entries.hours.answer).toContain('\n\n### Grafiks\n\n'); // "## Grafiks"
    expect(read(join(out(), 'en.json')).entries.salary.answer).toContain('\n\n### Extras\n\n'); // "#### Extras"
    // "## Grafiks" is line 10 of hours.md, "#### Extras" line 8 of en/salary.md.
    expect(errors.join('\n')).not.toMatch(/hours\.md:10\b|en\/salary\.md:8\b/);
  });

  // Each line of hours.md that the widget cannot show as written: where, and what was done.
  it.each([
    ['6', 'unknown front matter field "colour" was ignored'],
    ['12:1', 'images are not supported: "Maiņu grafiks" became a link to the picture'],
    ['14:1', 'tables are not supported: each row became a list item'],
    ['19:1', 'HTML is not supported: "<div>HTML bloks</div>" was dropped'],
    ['21:11', 'the tag "<b>" was dropped, the text around it kept'],
    ['21:20', 'the tag "</b>" was dropped'],
    ['23:1', 'the struck-through text "Vecā" was dropped'],
    ['23:23', 'the reference "[^1]" was dropped'],
    ['25:1', 'the footnote "[^1]" was dropped'],
    ['27:1', 'a horizontal rule ("---") is not supported and was dropped'],
    ['30:3', 'lists inside lists are not supported: the inner items became lines of the item above, starting with "–"'],
    ['32:1', 'task list boxes are not supported: "[x]" became "☑"'],
    ['34:1', 'code blocks are not supported: each line became a `code` span'],
    ['39:3', 'a quote inside a quote is not supported: its text was merged into the outer quote'],
    ['41:9', 'the link "www.example.lv" has no scheme and would open as a page of your own site: written as "https://www.example.lv"'],
    ['41:35', 'the link "javascript:alert(1)" uses a scheme other than https, http, mailto or tel: kept as text'],
    ['41:66', 'the link to "./missing.md" names no entry file of this folder: kept as text'],
  ])('reports hours.md:%s: %s', async (at, message) => {
    const { errors } = await build(MARKDOWN, '--out', out());
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${HOURS}:${at} warning: .*${escape(message)}`)));
  });

  it('does what it reported: the answer holds each conversion and none of what was dropped', async () => {
    await build(MARKDOWN, '--out', out());
    const answer: string = read(join(out(), 'lv.json')).entries.hours.answer;
    expect(answer).toContain('[Maiņu grafiks](https://example.lv/grafiks.png)');
    expect(answer).toContain('- Maiņa: Rīts; Stundas: 8\n- Maiņa: Vakars; Stundas: 6');
    expect(answer).toContain('- Maiņas\n– rīta\n– vakara\n- ☑ Pārtraukums');
    expect(answer).toContain('`grafiks --nedēļa 12`');
    expect(answer).toContain('> Ārējais citāts\n>\n> iekšējais citāts');
    expect(answer).toContain('Saites: [vietne](https://www.example.lv), slikta, nav.');
    expect(answer).toContain('Teksts ar treknu HTML.');
    for (const gone of ['<', 'Vecā', 'Zemsvītras', '[^1]', '***', '```']) expect(answer).not.toContain(gone);
  });

  it('warns about entries one language has and the other lacks, at the entry that has it', async () => {
    const { code, errors } = await build(MARKDOWN, '--out', out());
    expect(code).toBe(0);
    expect(errors).toContain(`${HOURS}:1 warning: entry "hours" has no English (en) version`);
    expect(errors).toContain(`${MARKDOWN}/en/overtime.md:1 warning: entry "overtime" has no Latvian (lv) version`);
  });

  it.each([
    ['a-yaml.md:3:23', 'the front matter is not valid YAML'],
    ['Bad Name.md:1', 'the file name "Bad Name" cannot be an entry id'],
    ['f-question.md:1', 'the entry needs a question: "question: …" in the front matter, or a first line "# …"'],
    ['c-second.md:1', `entry id "salary" is already used by ${FIXTURES}/markdown-errors/lv/b-first.md:1`],
    ['d-category.md:1', `category "bonuses" has no Latvian (lv) name; add "bonuses: Name" to ${FIXTURES}/markdown-errors/lv/_categories.md`],
    ['e-related.md:4', 'related entry "ghost" does not exist in Latvian (lv)'],
  ])('names the mistake at %s: %s', async (at, message) => {
    const { code, errors } = await build(`${FIXTURES}/markdown-errors`, '--out', out());
    expect(code).toBe(1);
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${escape(`${FIXTURES}/markdown-errors/lv/${at}`)} error: ${escape(message)}`)));
  });

  it('says a mistake once: an entry left out for it is not also "missing" where others name it', async () => {
    const src = join(dir, 'content');
    mkdirSync(join(src, 'lv'), { recursive: true });
    writeFileSync(join(src, 'lv/_categories.md'), '---\nshop: Veikals\n---\n');
    writeFileSync(join(src, 'lv/lockers.md'), '---\ncatgory: shop\n---\n# Pakomāti?\n\nJā.\n');
    writeFileSync(join(src, 'lv/delivery.md'), '---\ncategory: shop\nrelated: [lockers]\n---\n# Piegāde?\n\nDivas dienas.\n');
    const { code, errors } = await build(src, '--out', out());
    expect(code).toBe(1);
    expect(errors.filter((e) => / error: /.test(e))).toEqual([expect.stringMatching(/lockers\.md:1 error: the front matter needs "category: <id>"/)]);
    expect(errors.join('\n')).not.toMatch(/related entry "lockers" does not exist/);
  });

  it('writes nothing when the content has a mistake, and leaves the files already there as they were', async () => {
    mkdirSync(out());
    writeFileSync(join(out(), 'lv.json'), 'the site loads this');
    const { code, log } = await build(`${FIXTURES}/markdown-errors`, '--out', out());
    expect(code).toBe(1);
    expect(log).toMatch(/6 errors, 0 warnings; nothing written/);
    expect(readdirSync(out())).toEqual(['lv.json']);
    expect(readFileSync(join(out(), 'lv.json'), 'utf8')).toBe('the site loads this');
  });

  it('replaces the files of an earlier build and leaves no temporary file behind', async () => {
    mkdirSync(out());
    writeFileSync(join(out(), 'lv.json'), '{}');
    expect((await build(MARKDOWN, '--out', out())).code).toBe(0);
    expect(readdirSync(out()).sort()).toEqual(['en.json', 'lv.json']);
    expect(read(join(out(), 'lv.json')).entries.salary).toBeDefined();
  });

  it('writes only the languages the input has, and says when an earlier build left the other', async () => {
    const only = join(dir, 'content');
    cpSync(`${MARKDOWN}/lv`, join(only, 'lv'), { recursive: true });
    mkdirSync(out());
    writeFileSync(join(out(), 'en.json'), '{}');
    const { code, errors } = await build(only, '--out', out());
    expect(code).toBe(0);
    expect(errors).toContainEqual(expect.stringMatching(/en\.json warning: the input has no en entries; this file is from an earlier build/));
    // One language: no "missing from en" warnings.
    expect(errors.join('\n')).not.toMatch(/has no English/);
    expect(readFileSync(join(out(), 'en.json'), 'utf8')).toBe('{}');
  });
});

describe('faq-widget build --watch', () => {
  it('builds again when a Markdown file is saved, and keeps the last good files while the content has an error', async () => {
    const src = join(dir, 'content');
    cpSync(MARKDOWN, src, { recursive: true });
    const log: string[] = [];
    const stop = new AbortController();
    const running = main([src, '--out', out(), '--watch'], { log: (l) => log.push(l), error: () => undefined }, stop.signal);
    const waitFor = async (test: () => boolean) => {
      for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(test()).toBe(true);
    };
    const lv = () => readFileSync(join(out(), 'lv.json'), 'utf8');
    await waitFor(() => existsSync(join(out(), 'lv.json')) && log.some((l) => /watching/.test(l)));
    const hours = join(src, 'lv/hours.md');
    writeFileSync(hours, readFileSync(hours, 'utf8').replace('**8 stundas**', '**9 stundas**'));
    await waitFor(() => lv().includes('9 stundas'));
    const good = lv();
    // A broken front matter: nothing written, the files stay as they were.
    writeFileSync(hours, '---\ncategory: [\n---\nx');
    await waitFor(() => log.filter((l) => /nothing written/.test(l)).length > 0);
    expect(lv()).toBe(good);
    stop.abort();
    expect(await running).toBe(0);
  });
});

describe('faq-widget build: a CSV file', () => {
  it('reads one row per entry and language, with quoted multi-line answers, ";"- or ","-separated lists and category titles', async () => {
    const { code, errors } = await build(`${FIXTURES}/csv/content.csv`, '--out', out());
    expect([code, errors]).toEqual([0, []]);
    const lv = read(join(out(), 'lv.json'));
    expect(lv.categories).toEqual({ pay: 'Alga', work: 'Darbs' });
    expect(lv.entries.salary).toEqual({
      category: 'pay',
      question: 'Cik maksā?',
      answer: 'Vidēji **14 $ stundā**.\n\n### Piemaksas\n- nakts maiņas\n- svētku dienas',
      keywords: ['alga', 'atalgojums, bruto'], // ";" in the cell: "," is part of a keyword
      related: ['hours'],
    });
    const en = read(join(out(), 'en.json'));
    expect(en.entries.salary.answer).toBe('About **$14 an hour**, on average.\nNight shifts pay more.');
    expect(en.entries.salary.keywords).toEqual(['pay', 'wage']);
    expect(en.entries.hours.answer).toBe('Usually 8 hours, with a "short" break.');
  });

  it('names the line of a row that lacks a required cell (after a row of several lines), and writes nothing', async () => {
    mkdirSync(out());
    writeFileSync(join(out(), 'lv.json'), 'the site loads this');
    const { code, errors } = await build(`${FIXTURES}/csv/bad-row.csv`, '--out', out());
    expect(code).toBe(1);
    expect(errors).toEqual([
      `${FIXTURES}/csv/bad-row.csv:4 error: the row has no "answer"; every row needs lang, id, category, question, answer`,
      `${FIXTURES}/csv/bad-row.csv:5 error: lang "de" is not one of lv, en`,
    ]);
    expect(readFileSync(join(out(), 'lv.json'), 'utf8')).toBe('the site loads this');
  });

  it('runs the content checks on the result and says which row each finding comes from; markup shown as typed is an error', async () => {
    const csv = join(dir, 'help.csv');
    writeFileSync(csv, 'lang,id,category,category_title,question,answer\nlv,salary,pay,Alga,Cik maksā?,Vidēji <b>14 $</b> stundā.\n');
    const { code, errors } = await build(csv, '--out', out());
    expect(code).toBe(1);
    expect(errors).toEqual([
      `${shownOut()}/lv.json:9:25 error [entries.salary.answer]: HTML such as "<b>" is not supported and shows as typed; write **bold** instead. It shows as: "Vidēji <b>14 $</b> stundā." (written in ${relative(process.cwd(), csv).startsWith('..') ? csv : relative(process.cwd(), csv)}:2) [markup]`,
    ]);
  });
});

describe('checkOutput', () => {
  it("gives the content checker's findings by output file and line, leaving out what a build reports itself", () => {
    const file = (answer: string, ids: string[]) =>
      JSON.stringify({ categories: { pay: 'Pay' }, entries: Object.fromEntries(ids.map((id) => [id, { category: 'pay', question: 'Same?', answer }])) }, null, 2);
    // "b" is missing from en: the build warns about that at its source, the checker's error is left out.
    const findings = checkOutput({ lv: file('Teksts.', ['a', 'b']), en: file('Text.', ['a']) }, 'public/help');
    expect(findings).toEqual([
      expect.objectContaining({ level: 'warning', file: 'public/help/lv.json', key: 'categories.pay', message: expect.stringMatching(/identical to the English/) }),
      // At the value itself ("question": "Same?" on line 8), not at the entry's id.
      expect.objectContaining({ level: 'warning', file: 'public/help/lv.json', line: 8, column: 19, key: 'entries.a.question', message: expect.stringMatching(/identical to the English/) }),
    ]);
  });
});

describe('faq-widget build: arguments and files', () => {
  it.each([
    [[MARKDOWN], /say where to write the files: --out <dir>/],
    [['--out', 'x'], /say what to build/],
    [[MARKDOWN, '--out'], /--out needs a folder/],
    [[MARKDOWN, '--out', 'x', '--json'], /unknown option "--json"/],
    [['tests/fixtures/owner-build/nowhere', '--out', 'x'], /cannot read tests\/fixtures\/owner-build\/nowhere \(ENOENT\)/],
    [['package.json', '--out', 'x'], /package\.json is neither a folder nor a \.csv file/],
    [[FIXTURES, '--out', 'x'], /tests\/fixtures\/owner-build has no lv\/ or en\/ folder/],
  ])('exits 2 and says what to do for %j', async (args, message) => {
    const { code, errors } = await build(...args);
    expect(code).toBe(2);
    expect(errors.join('\n')).toMatch(message);
    expect(existsSync('x')).toBe(false);
  });

  it('prints its usage with the folder layout, CSV columns and exit codes for --help', async () => {
    const { code, log } = await build('--help');
    expect(code).toBe(0);
    expect(log).toMatch(/_categories\.md/);
    expect(log).toMatch(/lang,id,category,question,answer/);
    expect(log).toMatch(/Exit codes: 0 written, 1 mistakes in the content \(nothing written\), 2/);
  });

  it('exits 2 when the output folder cannot be written, leaving no temporary file', async () => {
    writeFileSync(out(), 'a file, not a folder');
    const { code, errors } = await build(MARKDOWN, '--out', out());
    expect(code).toBe(2);
    expect(errors.at(-1)).toMatch(/cannot write to .*out \(EEXIST\)/);
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

describe('the widget carries none of it', () => {
  it('no file outside src/cli imports the build, its parsers or anything in src/cli', () => {
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'cli' ? [] : files(join(d, e.name))) : [join(d, e.name)]));
    for (const file of files('src')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](mdast|micromark|yaml|csv-parse)|from ['"][./]*cli\//);
    }
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
