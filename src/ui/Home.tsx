import { h, Fragment } from 'preact';
import { browseGroups, picks, suggestions } from '../core/browse';
import { matchRanges, snippet, toSegments } from '../core/highlight';
import { Contact } from './Contact';
import { ResultList, type ResultGroup } from './ResultList';
import { useWidget } from './context';

/** Search results, the browse-by-topic list on an empty query, or the no-results help. */
export function Home() {
  const { state, t } = useWidget();
  const { query, results } = state;

  if (!query.trim()) {
    const groups: ResultGroup[] = browseGroups(state).map(({ id, label, entries, more }) => ({
      label,
      items: entries.map((entry) => ({ entry })),
      more: more && { category: id, label: t('showAll', { count: more.count }) },
    }));
    // The owner's picks for this page (or their featured entries) come first, as a group of their own.
    const top = picks(state);
    if (top.entries.length) groups.unshift({ label: t(top.page ? 'suggestedHere' : 'featured'), items: top.entries.map((entry) => ({ entry })) });
    return <ResultList label={t('browse')} groups={groups} />;
  }

  if (results.hits.length) {
    const items = results.hits.map(({ entry, terms }) => ({
      entry,
      question: toSegments(entry.question, matchRanges(entry.question, terms)),
      snippet: snippet(state.catalog.answer(entry), terms),
    }));
    return (
      <>
        {results.fallbackLang && <p class="faq-notice">{t('fallbackNotice')}</p>}
        <ResultList label={t('resultsLabel')} groups={[{ items }]} />
        <Contact />
      </>
    );
  }

  return (
    <>
      <div class="faq-empty">
        <p class="faq-empty-title">{t('noResults', { query })}</p>
        <p>{t('noResultsHint')}</p>
      </div>
      <ResultList label={t('suggestions')} groups={[{ items: suggestions(state).map((entry) => ({ entry })) }]} />
      <Contact />
    </>
  );
}
