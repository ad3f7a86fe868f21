import { h } from 'preact';
import { useWidget } from './context';

/** Announces the result count politely as the visitor types. */
export function LiveRegion() {
  const { state, t } = useWidget();
  const { query, results, view } = state;
  let message = '';
  if (view.name === 'home' && query.trim()) {
    const count = results.hits.length;
    if (!count) message = t('noResults', { query });
    else message = t(results.fallbackLang ? 'fallbackCount' : 'resultCount', { count });
  }
  return (
    <div class="faq-sr" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
