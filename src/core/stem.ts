import type { Lang } from '../types';

/**
 * A light suffix stripper over folded words, so "algas", "algu" and "alga" (or
 * "promotions" and "promoted") meet. It only has to conflate the forms a visitor
 * types with the forms in the content; over-stemming is cheap because ranking
 * still prefers exact words.
 */
const SUFFIXES: Record<Lang, string[]> = {
  // Folded Latvian noun, adjective and verb endings, longest first.
  lv: [
    'sanas', 'sanu', 'sana', 'ajiem', 'ajam', 'ajas', 'ajai', 'ajos', 'iem', 'ams', 'ama', 'ajs', 'ais',
    'ies', 'am', 'as', 'es', 'is', 'us', 'os', 'em', 'ai', 'ei', 'im', 'um', 'ot', 'at', 'et', 'it', 'ts',
    'a', 'e', 'i', 'u', 's', 'o', 't',
  ],
  en: ['ations', 'ation', 'ating', 'ated', 'ings', 'ing', 'ions', 'ion', 'ers', 'er', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'y', 'e'],
};

const MIN_STEM = 3;

export function stem(folded: string, lang: Lang): string {
  for (const suffix of SUFFIXES[lang]) {
    if (folded.length - suffix.length >= MIN_STEM && folded.endsWith(suffix)) {
      return folded.slice(0, -suffix.length);
    }
  }
  return folded;
}
