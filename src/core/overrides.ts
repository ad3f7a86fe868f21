import type { Lang } from '../types';

/**
 * The owner's interface text (a content file's `ui` block), checked as translators' ui.json is:
 * only keys the widget has, the same {{placeholders}}, every plural form the language needs.
 * What fails is left out, so a visitor never sees a raw key or an unfilled placeholder.
 */

/** CLDR plural categories each language needs (Intl.PluralRules, as i18next uses). */
export const PLURAL_FORMS: Record<Lang, string[]> = { lv: ['zero', 'one', 'other'], en: ['one', 'other'] };
export const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cc}]/u;

/** The names of a text's {{placeholders}}, sorted. */
export const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
const list = (names: string[]) => names.map((p) => `{{${p}}}`).join(' ') || 'none';

export interface OverrideProblem {
  key: string;
  message: string;
}

/** Checks `given` against the language's own ui.json (`base`): what may be used, and what is wrong with the rest. */
export function checkOverrides(given: Record<string, string>, base: Record<string, string>, lang: Lang): { valid: Record<string, string>; problems: OverrideProblem[] } {
  const valid: Record<string, string> = {};
  const problems: OverrideProblem[] = [];
  for (const [key, value] of Object.entries(given)) {
    const form = PLURAL.exec(key)?.[1];
    if (key === '$schema' || typeof base[key] !== 'string') {
      const forms = PLURAL_FORMS[lang].filter((f) => typeof base[`${key}_${f}`] === 'string');
      const hint = forms.length ? `it has plural forms: give ${forms.map((f) => `${key}_${f}`).join(', ')}` : 'see ui.json for the keys';
      problems.push({ key, message: `"${key}" is not an interface text of the widget (${hint})` });
    } else if (!VISIBLE.test(value)) problems.push({ key, message: `"${key}" is empty` });
    else {
      // "One question" may spell its {{count}} out; every other value must be there, and no other.
      const want = placeholders(base[key]).filter((p) => !form || p !== 'count');
      const got = placeholders(value).filter((p) => !form || p !== 'count');
      if (want.join() !== got.join()) problems.push({ key, message: `"${key}" has placeholders ${list(got)}; it needs ${list(want)}, as in ui.json` });
      else valid[key] = value;
    }
  }
  // A plural is given whole or not at all: i18next would mix the owner's words and ours.
  const plurals = new Set(Object.keys(valid).map((key) => PLURAL.test(key) && key.replace(PLURAL, '')).filter(Boolean) as string[]);
  for (const name of plurals) {
    const missing = PLURAL_FORMS[lang].filter((f) => typeof base[`${name}_${f}`] === 'string' && !(`${name}_${f}` in valid));
    if (!missing.length) continue;
    for (const f of PLURAL_FORMS[lang]) delete valid[`${name}_${f}`];
    problems.push({ key: name, message: `plural "${name}" lacks the form${missing.length > 1 ? 's' : ''} ${missing.map((f) => `${name}_${f}`).join(', ')}; give every form or none` });
  }
  return { valid, problems };
}
