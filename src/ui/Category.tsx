import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { categoryName, categoryPage } from '../core/browse';
import type { CategoryView } from '../core/controller';
import { Back } from './Back';
import { ResultList } from './ResultList';
import { useWidget } from './context';

export interface CategoryProps {
  view: CategoryView;
  onBack: () => void;
}

/**
 * Every entry of one category, a page at a time ("Show N more" adds the next): the same listbox
 * as the home view, walked with ↑/↓ from the search box. The live region names the category.
 */
export function Category({ view, onBack }: CategoryProps) {
  const { state, t, uid } = useWidget();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = categoryName(state, view.id);
  const { entries, more } = categoryPage(state, view.id, view.shown);

  // The body keeps the home view's scroll: start at the heading (the list then scrolls to its highlight).
  useLayoutEffect(() => heading.current?.scrollIntoView?.({ block: 'nearest' }), [view.id]);

  return (
    <section class="faq-category" aria-labelledby={`${uid}-category`}>
      <Back onBack={onBack} />
      <h3 id={`${uid}-category`} class="faq-article-title" ref={heading}>{name}</h3>
      <ResultList
        label={name}
        groups={[{ items: entries.map((entry) => ({ entry })), more: more && { category: view.id, label: t('showMore', { count: more.count }) } }]}
      />
    </section>
  );
}
