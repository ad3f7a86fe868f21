import { describe, expect, it } from 'vitest';
import lvUi from '../../locales/lv/ui.json';
import enUi from '../../locales/en/ui.json';
import { checkOverrides } from '../../src/core/overrides';

const check = (given: Record<string, string>, lang: 'lv' | 'en' = 'en') => checkOverrides(given, lang === 'lv' ? lvUi : enUi, lang);

describe("checkOverrides: the owner's interface text", () => {
  it('takes texts of keys the widget has, with their placeholders', () => {
    const given = { title: 'Shop help', launcher: 'Questions?', searchPlaceholder: 'Ask about orders…', noResults: 'No answer for “{{query}}”.' };
    expect(check(given)).toEqual({ valid: given, problems: [] });
  });

  it('leaves out a key the widget does not have, naming it', () => {
    expect(check({ titel: 'Help' })).toEqual({ valid: {}, problems: [{ key: 'titel', message: '"titel" is not an interface text of the widget (see ui.json for the keys)' }] });
  });

  it('names the plural forms when the owner gives a plural key without its suffix', () => {
    expect(check({ showAll: 'All {{count}}' }, 'lv').problems[0].message).toBe('"showAll" is not an interface text of the widget (it has plural forms: give showAll_zero, showAll_one, showAll_other)');
  });

  it.each([
    [{ noResults: 'Nothing found.' }, '"noResults" has placeholders none; it needs {{query}}, as in ui.json'],
    [{ title: 'Help for {{name}}' }, '"title" has placeholders {{name}}; it needs none, as in ui.json'],
    [{ noResults: 'Nothing for {{qeury}}.' }, '"noResults" has placeholders {{qeury}}; it needs {{query}}, as in ui.json'],
  ])('leaves out %j, whose placeholders differ', (given, message) => {
    expect(check(given)).toEqual({ valid: {}, problems: [{ key: Object.keys(given)[0], message }] });
  });

  it('leaves out an empty or invisible text', () => {
    expect(check({ title: ' \u200b ' }).problems).toEqual([{ key: 'title', message: '"title" is empty' }]);
  });

  it('takes a plural only with every form the language needs (Latvian: _zero, _one, _other)', () => {
    const whole = { showAll_zero: 'Visi {{count}} jautājumu', showAll_one: 'Visi {{count}} jautājums', showAll_other: 'Visi {{count}} jautājumi' };
    expect(check(whole, 'lv')).toEqual({ valid: whole, problems: [] });
    const { showAll_zero: _, ...part } = whole;
    expect(check(part, 'lv')).toEqual({ valid: {}, problems: [{ key: 'showAll', message: 'plural "showAll" lacks the form showAll_zero; give every form or none' }] });
  });

  it('lets a plural form spell out its count ("One question")', () => {
    const given = { showAll_one: 'Show the one question', showAll_other: 'Show all {{count}} questions' };
    expect(check(given).valid).toEqual(given);
  });
});
