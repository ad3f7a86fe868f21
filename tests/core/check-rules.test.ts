import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLocales, formatFinding, summary, type Finding, type LocaleFiles } from '../../src/core/check';
import { checkContent } from '../../src/core/ownercheck';

/**
 * The translators' guard, one fixture per rule (tests/fixtures/guard/<rule>/ holds the one file it
 * breaks; the rest come from ok/). Each expected place is found by searching the fixture's text
 * here, never by the scanner under test: the place of the value, not the first mention of its id.
 */
const FIX = 'tests/fixtures/guard';
const NAMES = ['lv/ui.json', 'lv/faq.json', 'en/ui.json', 'en/faq.json'] as const;
type Name = (typeof NAMES)[number];

const textOf = (fixture: string, name: Name) => readFileSync(existsSync(`${FIX}/${fixture}/${name}`) ? `${FIX}/${fixture}/${name}` : `${FIX}/ok/${name}`, 'utf8');
const filesOf = (fixture: string): LocaleFiles => Object.fromEntries(NAMES.map((n) => [n, textOf(fixture, n)]));
const run = (fixture: string) => checkLocales(filesOf(fixture), `${FIX}/${fixture}`);

/** `file:line:column` of the `nth` `needle` in a fixture's file, moved on by `shift` characters. */
function at(fixture: string, name: Name, needle: string, { nth = 0, shift = 0 } = {}): string {
  const text = textOf(fixture, name);
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in ${fixture}/${name}`);
  }
  const before = text.slice(0, i + shift).split('\n');
  return `${FIX}/${fixture}/${name}:${before.length}:${before[before.length - 1].length + 1}`;
}

const place = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.level} ${f.rule}`;

describe('i18n:check: every finding at the value it is about', () => {
  it('passes the fixture every rule starts from', () => {
    expect(run('ok')).toEqual([]);
  });

  it('points a syntax error at the smart quote, not past the end of the file, and says nothing else', () => {
    const findings = run('smart-quotes');
    expect(findings.map(place)).toEqual([`${at('smart-quotes', 'lv/ui.json', '“')} error json`]);
    expect(findings[0].message).toMatch(/^not valid JSON: expected a value .* but found "“"/);
    expect(findings[0].message).toContain('nor compared with');
  });

  it('reports a broken faq.json once, at the character, not as every entry missing from it', () => {
    const findings = run('broken-faq');
    expect(findings.map(place)).toEqual([`${at('broken-faq', 'lv/faq.json', '"answer": "Reizēm.')} error json`]);
    expect(findings[0].message).toContain('a comma is missing');
  });

  it('points a related id that does not exist at its item, not at an earlier related list naming the entry', () => {
    const findings = run('related');
    expect(findings.map(place)).toEqual([`${at('related', 'lv/faq.json', '"salry"')} error content`]);
    expect(findings[0].key).toBe('entries.hard.related[1]');
  });

  it('reports a link to an entry that does not exist as an error, at the link', () => {
    const findings = run('dangling-link');
    expect(findings.map(place)).toEqual([`${at('dangling-link', 'lv/faq.json', '#faq/salry')} error link`]);
    expect(findings[0].message).toContain('opens entry "salry", which this file does not have');
  });

  it('reports a www. link without https:// as an error, at the address, with the address to write', () => {
    const findings = run('www-link');
    expect(findings.map(place)).toEqual([`${at('www-link', 'lv/faq.json', 'www.darbs.lv)')} error link`]);
    expect(findings[0].message).toContain('write https://www.darbs.lv');
  });

  it('reports a Latvian _one form without {{count}}, and says it would be shown for 21 and 31', () => {
    const findings = run('plural-count');
    expect(findings.map(place)).toEqual([`${at('plural-count', 'lv/ui.json', '"Viens rezultāts"')} error plural-count`]);
    expect(findings[0].message).toContain('"Viens rezultāts" would be shown for 21 and 31 too');
  });

  it('reports a key written twice at the second one, with both lines', () => {
    const findings = run('duplicate-key');
    expect(findings.map(place)).toEqual([`${at('duplicate-key', 'lv/ui.json', '"title"', { nth: 1 })} error duplicate-key`]);
    expect(findings[0].message).toContain('on lines 3 and 4');
  });

  it('reports a zero-width space inside a keyword at the character, and that "alga" then finds nothing', () => {
    const findings = run('invisible');
    expect(findings.map(place)).toEqual([`${at('invisible', 'lv/faq.json', '\u200b')} error invisible`]);
    expect(findings[0].message).toContain('U+200B ZERO WIDTH SPACE');
    expect(findings[0].message).toContain('a visitor searching "alga" does not find it');
  });

  it('reports markup the widget shows as typed as an error, at the tag', () => {
    const findings = run('markup');
    expect(findings.map(place)).toEqual([`${at('markup', 'lv/faq.json', '<b>')} error markup`]);
    expect(findings[0].message).toContain('write **bold** instead');
  });

  it('warns about an answer far longer than its counterpart, saying by what and how much', () => {
    const findings = run('length-ratio');
    expect(findings.map(place)).toEqual([`${at('length-ratio', 'lv/faq.json', '"Reizēm.')} warning length-ratio`]);
    expect(findings[0].message).toMatch(/^the Latvian answer is \d\.\d times as long as the English one by characters \(\d+ vs \d+; expected within 0\.5–2×\)/);
  });

  it('warns about Latvian text that reads as English', () => {
    const findings = run('near-english');
    expect(findings.map(place)).toEqual([`${at('near-english', 'lv/faq.json', '"Is the darbs')} warning near-english`]);
    expect(findings[0].message).toContain('3 of its 8 words (38 %) are English words such as "is", "the", "in"');
  });

  it('warns about Latvian keywords copied from the English file, at the first of them', () => {
    const findings = run('english-keywords');
    expect(findings.map(place)).toEqual([`${at('english-keywords', 'lv/faq.json', '"salary"')} warning english-keyword`]);
    expect(findings[0].message).toContain('2 of the 3 Latvian keywords are English words ("salary", "pay")');
  });

  it('warns about keywords that repeat one another once folded, at each repeat', () => {
    expect(run('duplicate-keywords').map(place)).toEqual([
      `${at('duplicate-keywords', 'lv/faq.json', '"Alga"')} warning duplicate-keyword`,
      `${at('duplicate-keywords', 'lv/faq.json', '"algā"')} warning duplicate-keyword`,
    ]);
  });

  it('warns about a non-breaking space between words, a double space and a trailing space, each at its place', () => {
    const findings = run('spacing');
    expect(findings.map(place)).toEqual([
      `${at('spacing', 'lv/faq.json', '? "', { shift: 1 })} warning spacing`,
      `${at('spacing', 'lv/faq.json', '\u00a0')} warning spacing`,
      `${at('spacing', 'lv/faq.json', '  operatoram')} warning spacing`,
    ]);
    expect(findings.map((f) => f.message.split(':')[0])).toEqual([
      'the text ends with a space or a line break',
      'a non-breaking space (U+00A0) between "zvanu" and "centra" keeps the two on one line where a normal space would let the line break (pasted from a word processor?). Type a normal space.'.split(':')[0],
      '2 spaces in a row',
    ]);
  });

  it('keeps Latvian identical to English a warning, with exit code 0', () => {
    const findings = run('identical');
    expect(findings.map(place)).toEqual([`${at('identical', 'lv/ui.json', '"Help"')} warning identical`]);
    expect(summary(findings, 4)).toBe('i18n:check: 4 files checked, 0 errors, 1 warning — ok');
    expect(summary(findings, 4, true)).toBe('i18n:check: 4 files checked, 0 errors, 1 warning — failed (--strict)');
  });
});

describe('notes that justify a warning', () => {
  it("marks a warning the entry's note names by its rule as justified, and does not count it", () => {
    const findings = run('length-ratio-note');
    expect(findings.map(place)).toEqual([`${at('length-ratio-note', 'lv/faq.json', '"Reizēm.')} warning length-ratio`]);
    expect(findings[0].justified).toBe('length-ratio: the Latvian answer repeats the advice for each shift on purpose');
    expect(formatFinding(findings[0])).toMatch(/ justified \[entries\.hard\.answer\]: .* \[length-ratio\] \(note: "length-ratio: the Latvian/);
    expect(summary(findings, 4, true)).toBe('i18n:check: 4 files checked, 0 errors, 0 warnings, 1 justified by a note — ok');
  });

  it('marks a ui.json warning justified by the note for its key', () => {
    const [finding] = run('identical-note');
    expect(finding).toMatchObject({ rule: 'identical', justified: 'identical: the product is called Help in both languages' });
  });

  it('does not justify a warning whose note names another rule, or only part of its name', () => {
    for (const note of ['near-english: a quote', 'length: on purpose', 'xlength-ratio']) {
      const files = filesOf('length-ratio-note');
      files['lv/faq.json'] = files['lv/faq.json']!.replace(/"note": "[^"]*"/, `"note": ${JSON.stringify(note)}`);
      const [finding] = checkLocales(files);
      expect(finding.justified, note).toBeUndefined();
    }
  });

  it('never justifies an error', () => {
    const files = filesOf('dangling-link');
    files['lv/faq.json'] = files['lv/faq.json']!.replace('"related": ["hard"]', '"related": ["hard"],\n      "note": "link: on purpose"');
    expect(checkLocales(files)).toEqual([expect.objectContaining({ rule: 'link', level: 'error' })]);
    expect(checkLocales(files)[0].justified).toBeUndefined();
  });
});

describe('the same rules for owner content (faq-widget check)', () => {
  it.each(['dangling-link', 'invisible', 'markup', 'length-ratio', 'near-english', 'english-keywords', 'duplicate-keywords', 'spacing', 'length-ratio-note'])(
    '%s: the owner checker reports what i18n:check reports about faq.json, at the same place',
    (fixture) => {
      const guard = run(fixture).filter((f) => f.file.endsWith('faq.json'));
      const owner = checkContent((['lv', 'en'] as const).map((lang) => ({ file: `${FIX}/${fixture}/${lang}/faq.json`, lang, text: textOf(fixture, `${lang}/faq.json`) })));
      expect(owner.map((f) => [f.file, f.line, f.column, f.level, f.rule, f.message, f.justified])).toEqual(guard.map((f) => [f.file, f.line, f.column, f.level, f.rule, f.message, f.justified]));
    },
  );
});
