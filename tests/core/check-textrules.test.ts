import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/core/ownercheck';
import { duplicateKeywords, englishKeywords, invisibleInside, justification, lengthRatio, nearEnglish, noteJustifies, pluralCountProblem, pluralNumbers, spacing, vocabulary } from '../../src/core/textrules';

/** The text rules i18n:check and faq-widget check share, as pure functions on strings. */
describe('text rules', () => {
  it.each([
    ['a zero-width space', 'al\u200bga', 2, 'U+200B ZERO WIDTH SPACE'],
    ['a soft hyphen', 'atalgo\u00adjums', 6, 'U+00AD SOFT HYPHEN'],
    ['a byte-order mark inside', 'Darba\ufefflaiks', 5, 'U+FEFF BYTE ORDER MARK'],
    ['a zero-width joiner between letters', 'al\u200dga', 2, 'U+200D ZERO WIDTH JOINER'],
  ])('finds %s inside a word, at its index', (_, text, index, name) => {
    expect(invisibleInside(text, true)).toEqual([{ index, message: expect.stringContaining(name) }]);
  });

  it('lets a zero-width joiner join an emoji sequence (👩‍💻)', () => {
    expect(invisibleInside('Atbalsts 👩\u200d💻', true)).toEqual([]);
  });

  it('accepts a non-breaking space where typography wants one, and names one pasted between words', () => {
    expect(spacing('Aptuveni 14\u00a0$ stundā, 5\u00a0% vairāk, Nr.\u00a05, a\u00a0b')).toEqual([]);
    expect(spacing('zvanu\u00a0centrs')).toEqual([{ index: 5, message: expect.stringContaining('between "zvanu" and "centrs"') }]);
  });

  it('does not call the spaces that indent a line of an answer doubled', () => {
    expect(spacing('Saraksts:\n  - viens\n  - divi')).toEqual([]);
  });

  it('knows from the plural rules which forms serve more than one number', () => {
    expect(pluralNumbers('lv', 'one').slice(0, 4)).toEqual([1, 21, 31, 41]);
    expect(pluralNumbers('en', 'one')).toEqual([1]);
    expect(pluralCountProblem('en', 'one', 'One result', true)).toBeUndefined();
    expect(pluralCountProblem('lv', 'zero', 'Nav rezultātu', true)).toContain('Latvian uses _zero for 0, 10, 11, 12, 13');
    expect(pluralCountProblem('lv', 'one', 'Viens rezultāts', false)).toBeUndefined();
  });

  it('compares lengths only of answers long enough to say something', () => {
    expect(lengthRatio('Jā, protams, tā tas ir.', 'Yes.')).toBeUndefined();
    const en = 'A short answer of about eighty characters, written to be compared with another.';
    expect(lengthRatio(en.repeat(3), en)).toContain('3.0 times as long as the English one by characters');
    expect(lengthRatio('Ļoti īsi.', en + en)).toContain('times shorter than the English one by characters');
  });

  it('reads few false positives into Latvian with English terms, and catches text left half in English', () => {
    expect(nearEnglish('Attālinātais darbs (remote, work from home) ir izplatīts zvanu centros.')).toBeUndefined();
    expect(nearEnglish('Tas ir par to, no kā viss sākas.')).toBeUndefined();
    expect(nearEnglish('You can darbu atrast in the portāli.')).toContain('English words such as "you", "can", "in"');
  });

  it('compares keywords folded: case and accents aside', () => {
    expect(duplicateKeywords(['alga', 'Alga', 'algā', 'atalgojums'])).toEqual([
      { index: 1, first: 0 },
      { index: 2, first: 0 },
    ]);
  });

  it('speaks of English keywords only when they are more than half of an entry’s', () => {
    const en = vocabulary(['salary pay wage remote']);
    const lv = vocabulary(['alga darbs']);
    expect(englishKeywords(['alga', 'atalgojums', 'remote'], en, lv)).toBeUndefined();
    expect(englishKeywords(['salary', 'pay', 'alga'], en, lv)?.indexes).toEqual([0, 1]);
    expect(englishKeywords(['e-pasts', 'darbs'], vocabulary(['e mail']), lv)).toBeUndefined();
  });

  it.each([
    ['an entry’s note, for what is in that entry', 'faq', { entries: { pay: { note: 'length-ratio: on purpose' } } }, ['entries', 'pay', 'answer'], 'length-ratio: on purpose'],
    ['a { "name", "note" } category’s note, for its name', 'faq', { categories: { it: { name: 'IT', note: 'identical: the same' } } }, ['categories', 'it', 'name'], 'identical: the same'],
    ['no note of another entry', 'faq', { entries: { pay: { note: 'length-ratio: x' }, hard: {} } }, ['entries', 'hard', 'answer'], undefined],
    ['ui.json’s "_notes", by key', 'ui', { _notes: { title: 'identical: a name' } }, ['title'], 'identical: a name'],
    ['ui.json’s "_notes", a plural’s by its base', 'ui', { _notes: { resultCount: 'identical: numbers' } }, ['resultCount_one'], 'identical: numbers'],
  ] as const)('finds the note that justifies a warning: %s', (_, kind, data, path, note) => {
    expect(justification(kind, data as Record<string, unknown>, [...path], 'length-ratio') ?? justification(kind, data as Record<string, unknown>, [...path], 'identical')).toBe(note);
  });

  it('takes a note as a justification only when it names the rule as a word', () => {
    expect(noteJustifies('length-ratio: more examples on purpose', 'length-ratio')).toBe(true);
    expect(noteJustifies('See LENGTH-RATIO.', 'length-ratio')).toBe(true);
    expect(noteJustifies('length-ratios', 'length-ratio')).toBe(false);
    expect(noteJustifies('ratio', 'length-ratio')).toBe(false);
  });
});

describe('the shared rules take time in proportion to the text', () => {
  /** Best of three CPU times of `run` on `text`, in ms. */
  const time = (run: () => unknown) => {
    let best = Infinity;
    for (let turn = 0; turn < 3; turn++) {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  it.each([
    ['invisible characters between letters', 'a\u200b'],
    ['non-breaking spaces between words', 'ab\u00a0'],
    ['double spaces', 'ab  '],
    ['English function words', 'the '],
  // Linear is about 10 alone; other test files running beside it have pushed that past 20.
  // Quadratic work would be a hundred.
  ])('%s: ten times the answer takes at most thirty times as long, and says the rest in one line', { timeout: 60_000 }, (_, unit) => {
    const file = (n: number) =>
      JSON.stringify({ categories: { c: 'C' }, entries: { e: { category: 'c', question: 'Q?', answer: unit.repeat(n), keywords: Array(n / 10).fill('alga') } } });
    const [small, large] = [file(10_000), file(100_000)];
    const check = (text: string) => () => checkContent([{ file: 'lv.json', lang: 'lv', text }]);
    expect(time(check(large))).toBeLessThanOrEqual(30 * Math.max(time(check(small)), 1));
    expect(checkContent([{ file: 'lv.json', lang: 'lv', text: large }]).filter((f) => f.path === 'entries.e.answer').length).toBeLessThanOrEqual(12);
  });
});
