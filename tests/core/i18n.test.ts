import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../src/core/i18n';

describe('translations', () => {
  it.each([
    [0, '0 rezultātu'],
    [1, '1 rezultāts'],
    [2, '2 rezultāti'],
    [10, '10 rezultātu'],
    [11, '11 rezultātu'],
    [21, '21 rezultāts'],
    [22, '22 rezultāti'],
    [111, '111 rezultātu'],
  ])('counts %i in Latvian as "%s"', (count, text) => {
    expect(createTranslator('lv').t('resultCount', { count })).toBe(text);
  });

  it.each([
    [1, '1 result'],
    [2, '2 results'],
    [21, '21 results'],
  ])('counts %i in English as "%s"', (count, text) => {
    expect(createTranslator('en').t('resultCount', { count })).toBe(text);
  });

  it('switches language per instance: two widgets never share one', () => {
    const a = createTranslator('lv');
    const b = createTranslator('lv');
    b.setLanguage('en');
    expect(a.t('title')).toBe('Palīdzības centrs');
    expect(b.t('title')).toBe('Help centre');
  });

  it('inserts placeholders as text, not HTML', () => {
    expect(createTranslator('en').t('noResults', { query: '<b>x</b>' })).toBe('Nothing was found for “<b>x</b>”.');
  });

  it('shows the other language for a key missing in one, and warns once naming it', async () => {
    vi.resetModules();
    vi.doMock('../../locales/en/ui.json', async (load) => {
      const { default: en } = await load<{ default: Record<string, string> }>();
      const { title: _, ...rest } = en;
      return { default: rest };
    });
    const { createTranslator: create } = await import('../../src/core/i18n');
    const warn = vi.fn();
    const { t } = create('en', warn);
    expect(t('title')).toBe('Palīdzības centrs');
    expect(t('title')).toBe('Palīdzības centrs');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('locales/en/ui.json has no "title"');
    vi.doUnmock('../../locales/en/ui.json');
  });
});
