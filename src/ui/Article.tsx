import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Answer } from './Answer';
import { Back } from './Back';
import { Feedback } from './Feedback';
import { useWidget } from './context';

export interface ArticleProps {
  id: string;
  onBack: () => void;
}

/** One entry: heading, answer, related entries, feedback and the way back. */
export function Article({ id, onBack }: ArticleProps) {
  const { controller, state, t, uid } = useWidget();
  const heading = useRef<HTMLHeadingElement>(null);
  const entry = state.catalog.entry(id, state.lang);

  // Screen readers start reading at the new heading, not at the old focus; in the same task as
  // the article's render, so no moment passes with focus on an element that is gone.
  useLayoutEffect(() => heading.current?.focus(), [id, entry?.lang]);

  if (!entry) return null;
  const foreign = entry.lang !== state.lang ? entry.lang : undefined;
  const related = entry.related
    .map((other) => state.catalog.entry(other, state.lang))
    .filter((e) => e !== undefined);

  return (
    <article class="faq-article" aria-labelledby={`${uid}-article`}>
      <Back onBack={onBack} />
      {foreign && <p class="faq-notice">{t('onlyInOther')}</p>}
      <div lang={foreign}>
        <h3 id={`${uid}-article`} class="faq-article-title" tabIndex={-1} ref={heading}>{entry.question}</h3>
        <Answer blocks={state.catalog.answer(entry).blocks} />
      </div>
      {related.length > 0 && (
        <nav class="faq-related" aria-labelledby={`${uid}-related`}>
          <h4 id={`${uid}-related`}>{t('related')}</h4>
          <ul>
            {related.map((r) => (
              <li key={r.id} lang={r.lang !== state.lang ? r.lang : undefined}>
                <button type="button" class="faq-link-button" onClick={() => controller.actions.openArticle(r.id)}>
                  {r.question}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Feedback id={entry.id} lang={entry.lang} />
    </article>
  );
}
