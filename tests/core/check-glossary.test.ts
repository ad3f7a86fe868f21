import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkLocales } from '../../src/core/check';
import { checkGlossary, checkGlossaryFile, foldWithMap, type Glossary } from '../../src/core/glossary';

/** The glossary rule: forbidden variants in the locale files, at the variant, with the preferred term. */
const FIX = 'tests/fixtures/guard';
const read = (path: string) => readFileSync(path, 'utf8');
const GLOSSARY = `${FIX}/glossary/glossary.json`;
const LV_FAQ = `${FIX}/glossary/lv/faq.json`;
const glossary = () => JSON.parse(read(GLOSSARY)) as Glossary;

/** `line:column` of a needle in a text, found by a plain search. */
function at(text: string, needle: string): string {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

describe('the glossary', () => {
  it('finds each forbidden variant at a word start, case and accents aside, at its line and column, with the term to write', () => {
    const text = read(LV_FAQ);
    const findings = checkGlossary(glossary(), [{ file: LV_FAQ, lang: 'lv', kind: 'faq', text }]);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.level} ${f.rule} ${f.key}`)).toEqual([
      `${at(text, 'Aģents')} warning glossary entries.hard.answer`,
      `${at(text, 'eskalētos')} warning glossary entries.hard.answer`,
      `${at(text, 'Eskalācija')} warning glossary entries.hard.answer`,
    ]);
    expect(findings[1].message).toBe(
      `"eskalētos" is a variant the glossary forbids for "escalation" (forbidden: "eskalēt"): write "sarežģīta saruna, ko nodod vadītājam". Latvian has no settled loanword; describe what happens. (locales/glossary.json)`,
    );
  });

  it('matches at word starts only, and only in the variant’s language', () => {
    const g = glossary();
    const ui = (lang: 'lv' | 'en', title: string) => checkGlossary(g, [{ file: 'ui.json', lang, kind: 'ui', text: JSON.stringify({ title }) }]);
    expect(ui('lv', 'Deeskalēt sarunu')).toEqual([]);
    expect(ui('en', 'eskalēt')).toEqual([]);
    expect(ui('en', 'An Operative will call')).toEqual([expect.objectContaining({ key: 'title', column: 14, message: expect.stringContaining('write "agent"') })]);
  });

  it('reads the text visitors read: not the entry ids of links, nor {{placeholders}}', () => {
    const g: Glossary = { terms: [{ id: 'inbound', en: 'inbound', lv: 'ienākošie zvani', forbidden: { lv: ['inbound', 'kategorij'] } }] };
    const text = JSON.stringify({ title: '[Ienākošo zvanu operators](#faq/inbound-agent) {{kategorija}}', other: 'inbound' });
    expect(checkGlossary(g, [{ file: 'ui.json', lang: 'lv', kind: 'ui', text }]).map((f) => f.key)).toEqual(['other']);
  });

  it('does not report a forbidden variant inside the preferred term ("KPIs" in "metrics (KPIs)")', () => {
    const g: Glossary = { terms: [{ id: 'kpi', en: 'metrics (KPIs)', lv: 'rādītāji', forbidden: { en: ['KPIs'] } }] };
    const text = JSON.stringify({ a: 'Track your metrics (KPIs) daily.', b: 'Track your KPIs.' });
    expect(checkGlossary(g, [{ file: 'ui.json', lang: 'en', kind: 'ui', text }]).map((f) => f.key)).toEqual(['b']);
    expect(checkGlossaryFile(JSON.stringify(g), 'g.json').findings).toEqual([]);
  });

  it('checks category names, and leaves keywords (what visitors type), notes and the $schema alone', () => {
    const text = JSON.stringify({ $schema: 'eskalēt', categories: { work: 'Eskalācija' }, entries: { a: { question: 'Q?', answer: 'A.', keywords: ['aģents'], note: 'eskalēt' } } }, null, 2);
    const keys = checkGlossary(glossary(), [{ file: 'faq.json', lang: 'lv', kind: 'faq', text }]).map((f) => f.key);
    expect(keys).toEqual(['categories.work']);
  });

  it('keeps each match’s place in the original text when folding removes accents', () => {
    const { folded, from } = foldWithMap('Šī Eskalācija');
    expect(folded).toBe('si eskalacija');
    expect(from[folded.indexOf('eskalacija')]).toBe(3);
  });

  it('runs in npm run i18n:check when the folder has a glossary.json, and a note naming "glossary" justifies a finding', () => {
    const files = {
      'lv/ui.json': read(`${FIX}/ok/lv/ui.json`),
      'en/ui.json': read(`${FIX}/ok/en/ui.json`),
      'en/faq.json': read(`${FIX}/ok/en/faq.json`),
      'lv/faq.json': read(LV_FAQ),
    };
    const findings = checkLocales(files, 'x', { glossary: read(GLOSSARY) }).filter((f) => f.rule === 'glossary');
    expect(findings).toHaveLength(3);
    expect(findings[0].message).toContain('(x/glossary.json)');
    files['lv/faq.json'] = files['lv/faq.json'].replace('"related": ["pay"]', '"related": ["pay"],\n      "note": "glossary: quotes a caller\'s words"');
    const justified = checkLocales(files, 'x', { glossary: read(GLOSSARY) }).filter((f) => f.rule === 'glossary');
    expect(justified.map((f) => f.justified)).toEqual(Array(3).fill("glossary: quotes a caller's words"));
  });
});

describe('the glossary file itself', () => {
  it('passes the fixture glossary, which its schema accepts', () => {
    expect(checkGlossaryFile(read(GLOSSARY), GLOSSARY).findings).toEqual([]);
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(read('locales/glossary.schema.json')));
    expect(validate(glossary()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reports a forbidden variant that would flag the preferred term itself, at the variant', () => {
    const path = `${FIX}/glossary-bad/glossary.json`;
    const text = read(path);
    const findings = checkGlossaryFile(text, path).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.level} ${f.key}`)).toEqual([`${at(text, '"opera"')} error terms[0].forbidden.lv[0]`]);
    expect(findings[0].message).toContain('starts a word of the preferred "operators"');
  });

  it('its schema refuses an id that is not lowercase and a term without its Latvian', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(read('locales/glossary.schema.json')));
    expect(validate(JSON.parse(read(`${FIX}/glossary-bad/glossary.json`)))).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`).sort()).toEqual([
      "/terms/1 must have required property 'lv'",
      '/terms/1/id must match pattern "^[a-z0-9][a-z0-9-]*$"',
    ]);
  });

  it('points a syntax error in the glossary at its character and says the glossary is not applied', () => {
    const text = '{\n  "terms": [\n    { "id": "x", }\n  ]\n}';
    const [finding] = checkGlossaryFile(text, 'g.json').findings;
    expect(`${finding.line}:${finding.column} ${finding.rule}`).toBe(`${at(text, ', }')} json`);
    expect(finding.message).toContain('The glossary is not applied until it is fixed');
  });
});
