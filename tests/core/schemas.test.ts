import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

/** The JSON Schemas that let an editor underline a mistake while the translator types. */
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const ajv = new Ajv({ allErrors: true });
ajv.addKeyword('x-audience'); // ui.schema.json: who meets a key's text ("visible" or "screen-reader"), for the translator page
const validate = { ui: ajv.compile(read('locales/ui.schema.json')), faq: ajv.compile(read('locales/faq.schema.json')) };
const FILES = ['lv/ui.json', 'en/ui.json', 'lv/faq.json', 'en/faq.json'] as const;
const kind = (file: string) => (file.endsWith('ui.json') ? 'ui' : 'faq');

describe('JSON Schemas for translators', () => {
  it.each(FILES)('locales/%s names its schema through $schema, and it exists', (file) => {
    const { $schema } = read(join('locales', file));
    expect($schema).toBe(`../${kind(file)}.schema.json`);
    expect(existsSync(join(dirname(join('locales', file)), $schema))).toBe(true);
  });

  it.each(FILES)('locales/%s satisfies its schema', (file) => {
    const check = validate[kind(file)];
    expect(check(read(join('locales', file))), JSON.stringify(check.errors)).toBe(true);
  });

  it.each([
    ['an unknown ui key', 'ui', (d: Record<string, unknown>) => (d.titel = 'Help')],
    ['an empty ui string', 'ui', (d: Record<string, unknown>) => (d.title = ' ')],
    ['a missing ui key', 'ui', (d: Record<string, unknown>) => delete d.back],
    ['an entry without an answer', 'faq', (d: { entries: Record<string, Record<string, unknown>> }) => delete d.entries.salary.answer],
    ['an empty question', 'faq', (d: { entries: Record<string, Record<string, unknown>> }) => (d.entries.salary.question = '')],
    ['an unknown entry field', 'faq', (d: { entries: Record<string, Record<string, unknown>> }) => (d.entries.salary.colour = 'red')],
    ['an entry id with spaces', 'faq', (d: { entries: Record<string, unknown> }) => (d.entries['my entry'] = d.entries.salary)],
    ['keywords that are not a list', 'faq', (d: { entries: Record<string, Record<string, unknown>> }) => (d.entries.salary.keywords = 'pay')],
  ] as const)('underlines %s', (_, which, breakIt) => {
    const data = read(`locales/en/${which}.json`);
    (breakIt as (d: unknown) => void)(data);
    expect(validate[which](data)).toBe(false);
  });
});

describe("the content schema and an owner's own parts", () => {
  it('accepts interface text in the owner\'s words, featured entries and declared languages', () => {
    const data = { ...read('locales/en/faq.json'), ui: { title: 'Shop help', launcher: 'Questions?' }, featured: ['salary'], languages: ['en'] };
    expect(validate.faq(data), JSON.stringify(validate.faq.errors)).toBe(true);
  });

  it.each([
    ['a ui key the widget does not have', { ui: { titel: 'Help' } }],
    ['an empty ui text', { ui: { title: ' ' } }],
    ['a language the widget does not speak', { languages: ['lt'] }],
    ['featured ids that are not ids', { featured: ['Salary Info'] }],
  ])('underlines %s', (_, extra) => {
    expect(validate.faq({ ...read('locales/en/faq.json'), ...extra })).toBe(false);
  });

  it('lets the "ui" block name exactly the keys of ui.json', () => {
    const keys = Object.keys(read('locales/ui.schema.json').properties).filter((k) => k !== '$schema' && k !== '_notes');
    expect(read('locales/faq.schema.json').properties.ui.propertyNames.enum).toEqual(keys);
  });
});
