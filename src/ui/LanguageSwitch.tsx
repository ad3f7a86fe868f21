import { h } from 'preact';
import type { Lang } from '../types';
import { useWidget } from './context';

// Each language is named in itself, whatever the interface language.
const LANGUAGES: { lang: Lang; short: string; name: string }[] = [
  { lang: 'lv', short: 'LV', name: 'latviešu' },
  { lang: 'en', short: 'EN', name: 'English' },
];

/** The visible language switcher: changes text and content at once, keeps the query. */
export function LanguageSwitch() {
  const { controller, state, t } = useWidget();
  return (
    <div class="faq-langs" role="group" aria-label={t('language')}>
      {LANGUAGES.map(({ lang, short, name }) => (
        <button
          key={lang}
          type="button"
          class="faq-lang"
          lang={lang}
          aria-pressed={state.lang === lang ? 'true' : 'false'}
          onClick={() => void controller.actions.setLanguage(lang)}
        >
          {short}
          <span class="faq-sr"> – {name}</span>
        </button>
      ))}
    </div>
  );
}
