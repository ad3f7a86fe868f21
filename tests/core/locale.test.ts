import { describe, expect, it } from 'vitest';
import { detectLanguage, loadSavedLanguage, saveLanguage, toLang } from '../../src/core/locale';

describe('detectLanguage', () => {
  it.each([
    ['the saved choice first', { saved: 'en', htmlLang: 'lv', navigatorLanguages: ['lv'] }, 'en'],
    ['then <html lang>', { htmlLang: 'en-GB', navigatorLanguages: ['lv-LV'] }, 'en'],
    ['then navigator.languages, first supported one', { htmlLang: 'de', navigatorLanguages: ['de-DE', 'en-US', 'lv'] }, 'en'],
    ['then Latvian', { htmlLang: 'fr', navigatorLanguages: ['fr'] }, 'lv'],
    ['Latvian when nothing is known', {}, 'lv'],
    ['nonsense ignored', { saved: '💥', htmlLang: 'x-klingon', navigatorLanguages: [''] }, 'lv'],
  ] as const)('uses %s', (_, signals, lang) => {
    expect(detectLanguage(signals)).toBe(lang);
  });

  it.each([['lv-LV', 'lv'], ['EN_gb', 'en'], [' en ', 'en'], ['lt', undefined], [null, undefined]] as const)('reads %j as %j', (tag, lang) => {
    expect(toLang(tag)).toBe(lang);
  });
});

describe('saved language', () => {
  it('round-trips through storage', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } as unknown as Storage;
    saveLanguage(() => storage, 'en');
    expect(loadSavedLanguage(() => storage)).toBe('en');
  });

  it('tolerates storage that throws or is absent', () => {
    const throwing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const broken = { getItem: throwing, setItem: throwing } as unknown as Storage;
    expect(() => saveLanguage(() => broken, 'en')).not.toThrow();
    expect(loadSavedLanguage(() => broken)).toBeUndefined();
    expect(loadSavedLanguage(throwing)).toBeUndefined();
    expect(loadSavedLanguage(() => undefined)).toBeUndefined();
  });
});
