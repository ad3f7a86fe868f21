import { h } from 'preact';
import { categoryName } from '../core/browse';
import { useWidget } from './context';

/** Announces the result count politely as the visitor types, and which category a category view shows. */
export function LiveRegion() {
  const { state, t } = useWidget();
  const { query, results, view } = state;
  let message = '';
  if (view.name === 'home' && query.trim()) {
    const count = results.hits.length;
    if (!count) message = t('noResults', { query });
    else message = t(results.fallbackLang ? 'fallbackCount' : 'resultCount', { count });
  } else if (view.name === 'category') {
    const category = categoryName(state, view.id);
    message = t('categoryCount', { category, count: state.catalog.inCategory(state.lang, view.id).length });
  }
  return (
    <div class="faq-sr" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
