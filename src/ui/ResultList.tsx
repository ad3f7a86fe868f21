import { h, Fragment, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Entry } from '../core/content';
import type { Segment } from '../core/highlight';
import type { Lang } from '../types';
import { Highlight } from './Highlight';
import { useWidget } from './context';

export interface ResultItem {
  entry: Entry;
  question?: Segment[];
  snippet?: Segment[];
}
export interface ResultGroup {
  label?: string;
  items: ResultItem[];
  /** The option after the items that shows more of a category ("Show all 12 questions"). */
  more?: { category: string; label: string };
}
export interface ResultListProps {
  label: string;
  groups: ResultGroup[];
}

/** The listbox of the combobox; options are numbered across groups as ↑/↓ walk them. */
export function ResultList({ label, groups }: ResultListProps) {
  const { controller, state, uid } = useWidget();
  const { actions } = controller;
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const active = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    active?.scrollIntoView?.({ block: 'nearest' });
  }, [state.active]);

  let index = 0;
  const option = (key: string, onClick: () => void, children: ComponentChildren, kind = '', lang?: Lang) => {
    const i = index++;
    return (
      <div
        key={key}
        id={`${uid}-opt-${i}`}
        role="option"
        class={`faq-option${kind}`}
        lang={lang}
        aria-selected={i === state.active ? 'true' : 'false'}
        onClick={onClick}
      >
        {children}
      </div>
    );
  };
  const options = ({ items, more }: ResultGroup) => [
    ...items.map(({ entry, question, snippet }) =>
      option(
        `${entry.lang}/${entry.id}`,
        () => actions.openArticle(entry.id),
        <>
          <span class="faq-option-question">{question ? <Highlight segments={question} /> : entry.question}</span>
          {snippet && <span class="faq-option-snippet"><Highlight segments={snippet} /></span>}
        </>,
        '',
        entry.lang !== state.lang ? entry.lang : undefined,
      ),
    ),
    more && option(`more/${more.category}`, () => actions.browse(more.category), more.label, ' faq-more'),
  ];

  return (
    <div ref={listRef} id={`${uid}-list`} role="listbox" aria-label={label} class="faq-list">
      {groups.map((group, g) =>
        group.label ? (
          <div key={g} role="group" aria-labelledby={`${uid}-group-${g}`} class="faq-group">
            <div id={`${uid}-group-${g}`} class="faq-group-label" role="presentation">{group.label}</div>
            {options(group)}
          </div>
        ) : (
          options(group)
        ),
      )}
    </div>
  );
}
