import { h } from 'preact';
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
}
export interface ResultListProps {
  label: string;
  groups: ResultGroup[];
}

/** The listbox of the combobox; options are numbered across groups as ↑/↓ walk them. */
export function ResultList({ label, groups }: ResultListProps) {
  const { controller, state, uid } = useWidget();
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const active = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    active?.scrollIntoView?.({ block: 'nearest' });
  }, [state.active]);

  let index = 0;
  const option = ({ entry, question, snippet }: ResultItem) => {
    const i = index++;
    const foreign: Lang | undefined = entry.lang !== state.lang ? entry.lang : undefined;
    return (
      <div
        key={`${entry.lang}/${entry.id}`}
        id={`${uid}-opt-${i}`}
        role="option"
        class="faq-option"
        lang={foreign}
        aria-selected={i === state.active ? 'true' : 'false'}
        onClick={() => controller.actions.openArticle(entry.id)}
      >
        <span class="faq-option-question">{question ? <Highlight segments={question} /> : entry.question}</span>
        {snippet && <span class="faq-option-snippet"><Highlight segments={snippet} /></span>}
      </div>
    );
  };

  return (
    <div ref={listRef} id={`${uid}-list`} role="listbox" aria-label={label} class="faq-list">
      {groups.map((group, g) =>
        group.label ? (
          <div key={g} role="group" aria-labelledby={`${uid}-group-${g}`} class="faq-group">
            <div id={`${uid}-group-${g}`} class="faq-group-label" role="presentation">{group.label}</div>
            {group.items.map(option)}
          </div>
        ) : (
          group.items.map(option)
        ),
      )}
    </div>
  );
}
