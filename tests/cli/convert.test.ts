import { describe, expect, it } from 'vitest';
import { assemble, idFrom } from '../../src/cli/assemble';
import { readCsv } from '../../src/cli/csv';
import { readFolder } from '../../src/cli/folder';
import { readMarkdown, toMarkup } from '../../src/cli/markdown';
import { parseMarkup } from '../../src/core/markup';

/** The markup and notes of a Markdown body whose folder has the entries `ids` (file = id + ".md"). */
function convert(markdown: string, ids: string[] = []) {
  const tree = readMarkdown(markdown);
  return toMarkup(tree.children, {
    file: 'lv/x.md',
    entryOf: (target) => ids.find((id) => target === `${id}.md` || target === `./${id}.md`),
    hasEntry: (id) => ids.includes(id),
  });
}
const messages = (notes: { line?: number; column?: number; message: string }[]) => notes.map((n) => `${n.line}:${n.column} ${n.message}`);

describe('Markdown → the widget markup', () => {
  it.each([
    ['_italic_ and __bold__', '*italic* and **bold**'],
    ['***both***', '***both***'],
    ['a  \nb\\\nc<br>d', 'a\nb\nc\nd'],
    ['- a\n\n- b', '- a\n- b'],
    ['3. three\n4. four', '3. three\n4. four'],
    ['[ref][1]\n\n[1]: https://example.lv/x', '[ref](https://example.lv/x)'],
    ['see https://example.lv', 'see [https://example.lv](https://example.lv)'],
    ['[**bold link**](https://example.lv)', '[bold link](https://example.lv)'],
    ['[![logo](logo.png)](https://example.lv)', '[logo](https://example.lv)'],
    ['# One\n\n###### Six', '### One\n\n### Six'],
    ['<!-- a note to myself -->\n\nText', 'Text'],
    ['[pay](pay.md#extras)', '[pay](#faq/pay)'],
    // A bare address in the text is linked with https, as a written [x](www.…) link is.
    ['pay at www.inbank.lv', 'pay at [www.inbank.lv](https://www.inbank.lv)'],
    ['see http://www.example.lv', 'see [http://www.example.lv](http://www.example.lv)'],
  ])('%j → %j', (markdown, markup) => {
    expect(convert(markdown, ['pay']).answer).toBe(markup);
  });

  it('reports nothing for what the widget shows as written', () => {
    const { notes } = convert('Text with **bold**, *italic*, `code` and [a link](https://example.lv).\n\n### Sub\n\n- a\n- b\n\n1. one\n2. two\n\n> quote', []);
    expect(notes).toEqual([]);
  });

  it('warns, at the paragraph, where text would turn into markup in the widget (it has no escapes)', () => {
    const { notes } = convert('First paragraph.\n\nPrices in \\*stars\\* are new.');
    expect(messages(notes)).toEqual([expect.stringMatching(/^3:1 this part will look different in the widget/)]);
  });

  it('reports a link to an entry the language does not have', () => {
    expect(messages(convert('[x](#faq/ghost)').notes)).toEqual(['1:1 the link "#faq/ghost" names entry "ghost", which this language does not have']);
  });

  it('reports a page-dependent address that the widget refuses, and keeps its text', () => {
    const { answer, notes } = convert('[x](https:evil.example)');
    expect(answer).toBe('x');
    expect(messages(notes)).toEqual([expect.stringMatching(/^1:1 the link "https:evil.example" is read by browsers as another address/)]);
  });

  it('keeps a code span that holds a "`" as text, saying so', () => {
    const { answer, notes } = convert('Type ``a`b`` here.');
    expect(answer).toBe('Type a`b here.');
    expect(messages(notes)).toEqual(['1:6 a `code` span containing "`" cannot be shown as code: it became plain text']);
  });

  it.each([
    ['a quote with a list and a sub-heading', '> - a\n> - b\n>\n> ### In a quote'],
    ['a numbered item that goes on after a hard break', '1. **a**\\\n   continued\n2. b'],
    ['a table with code and bold cells', '| a | b |\n|---|---|\n| `x` | **y** |'],
  ])('writes %s so that the widget reads back the tree it was built from', (_, markdown) => {
    const { answer, notes } = convert(markdown);
    expect(notes.filter((n) => /look different/.test(n.message))).toEqual([]);
    expect(parseMarkup(answer).problems).toEqual([]);
  });

  it('warns where a hard line break is followed by a line the widget reads as a list item', () => {
    const { answer, notes } = convert('a\\\n\\- not a list');
    expect(answer).toBe('a\n- not a list');
    expect(messages(notes)).toEqual([expect.stringMatching(/^1:1 this part will look different in the widget/)]);
  });
});

describe('a Markdown folder', () => {
  const categories = { path: 'lv/_categories.md', text: '---\npay: Alga\n---\n' };

  it('takes the id from the file name, the question from the first "# " heading and lists from one line', () => {
    const { entries, notes } = readFolder([categories, { path: 'lv/pay-day.md', text: '---\ncategory: pay\nkeywords: alga; nauda\n---\n# Kad?\n\nKatra mēneša 10. datumā.\n' }], 'content');
    expect(notes).toEqual([]);
    expect(entries).toEqual([expect.objectContaining({ id: 'pay-day', question: 'Kad?', answer: 'Katra mēneša 10. datumā.', keywords: ['alga', 'nauda'], file: 'content/lv/pay-day.md' })]);
  });

  it('reads a file saved with a byte-order mark and Windows line ends', () => {
    const { entries, notes } = readFolder([categories, { path: 'lv/a.md', text: '\uFEFF---\r\ncategory: pay\r\n---\r\n# Kad?\r\n\r\nRīt\r\nno rīta.\r\n' }], 'c');
    expect(notes).toEqual([]);
    expect(entries).toEqual([expect.objectContaining({ question: 'Kad?', answer: 'Rīt no rīta.' })]);
  });

  it('says how to name the categories when _categories.md is missing', () => {
    const { notes } = readFolder([{ path: 'lv/a.md', text: '---\ncategory: pay\n---\n# Q\n\nA.' }], 'content');
    expect(notes).toEqual([{ level: 'error', file: 'content/lv/_categories.md', message: 'missing: it names the categories, e.g.\n---\npay: Name of pay\n---' }]);
  });

  it('reports an empty answer and a bad category id with their lines', () => {
    const { notes } = readFolder([{ path: 'lv/_categories.md', text: '---\npay: Alga\nMy Cat: X\n---' }, { path: 'lv/a.md', text: '---\ncategory: pay\n---\n# Only a question\n' }], 'c');
    expect(notes).toEqual([
      { level: 'error', file: 'c/lv/_categories.md', line: 3, message: 'category id "My Cat" is not allowed: ids are lowercase letters, digits and "-" (e.g. "opening-hours"); e.g. "my-cat"' },
      { level: 'error', file: 'c/lv/a.md', line: 1, message: 'the answer is empty: write it under the front matter' },
    ]);
  });
});

describe('a CSV file', () => {
  const HEADER = 'lang,id,category,category_title,question,answer';

  it('reads ";"-separated files, as spreadsheets set to Latvian export them, with a byte-order mark', () => {
    const { entries, notes } = readCsv('\uFEFFlang;id;category;question;answer;keywords\nlv;a;pay;Kad?;"Jā; tā";alga, nauda\n', 'x.csv');
    expect(notes).toEqual([]);
    expect(entries).toEqual([expect.objectContaining({ lang: 'lv', id: 'a', answer: 'Jā; tā', keywords: ['alga', 'nauda'], line: 2 })]);
  });

  it('names the header line when a required column is missing', () => {
    expect(readCsv('lang,id,question,answer\n', 'x.csv').notes).toEqual([
      { level: 'error', file: 'x.csv', line: 1, message: 'the first line must name the columns lang, id, category, question, answer (and may name category_title, keywords, related); it lacks "category"' },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    const { notes } = readCsv(`${HEADER}\nlv,a,pay,Alga,Q?,A.\nlv,b,pay,Alga,Q?,"A.\n`, 'x.csv');
    expect(notes).toEqual([expect.objectContaining({ level: 'error', line: 3, message: expect.stringMatching(/opening quote.*must be in double quotes/) })]);
  });

  it('refuses a row with more cells than the header names, and warns about unknown columns and a second category title', () => {
    const { notes, entries } = readCsv(`${HEADER},colour\nlv,a,pay,Alga,Q?,"A",red\nlv,b,pay,Nauda,Q?,A, with a comma,red\nlv,c,pay,Nauda,Q?,A.,\n`, 'x.csv');
    expect(notes.map((n) => `${n.line} ${n.level} ${n.message}`)).toEqual([
      '1 warning column 7 "colour" is not one the build reads and was ignored; the columns are lang, id, category, question, answer, category_title, keywords, related',
      '3 error this row has 8 cells, the first line names 7; put a cell that contains "," in double quotes',
      '4 warning category "pay" is named "Nauda" here and "Alga" on line 2; the first name is used',
    ]);
    expect(entries.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('reports the same id twice in one language with both lines', () => {
    const { entries, categories } = readCsv(`${HEADER}\nlv,a,pay,Alga,Q?,A.\nen,a,pay,Pay,Q?,A.\nlv,a,pay,,Q2?,B.\n`, 'x.csv');
    const { notes, files } = assemble(categories, entries, () => '');
    expect(notes).toEqual([{ level: 'error', file: 'x.csv', line: 4, message: 'entry id "a" is already used by x.csv:2; each entry of a language needs its own id' }]);
    expect(files.lv?.entries.a.question).toBe('Q?');
  });
});

describe('idFrom', () => {
  it.each([
    ['Darba laiks', 'darba-laiks'],
    ['Ģimenes Ārsts!', 'gimenes-arsts'],
    ['  --x--  ', 'x'],
  ])('suggests %j → %j', (text, id) => expect(idFrom(text)).toBe(id));
});
