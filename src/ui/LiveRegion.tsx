import { useWidget } from './context';

/** Announces the result count politely as the visitor types. */
export function LiveRegion() {
  const { state, t } = useWidget();
  const { query, results, view } = state;
  let message = '';
  if (view.name === 'home' && query.trim()) {
    const count = t('resultCount', { count: results.hits.length });
    if (!results.hits.length) message = t('noResults', { query });
    else message = results.fallbackLang ? `${t('fallbackNotice')} ${count}` : count;
  }
  return (
    <div class="faq-sr" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
