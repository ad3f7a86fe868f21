import { h } from 'preact';
import type { Ref } from 'preact';
import { optionsOf } from '../core/browse';
import { MAX_QUERY_LENGTH } from '../core/search';
import { CloseIcon } from './Icons';
import { useWidget } from './context';

export interface SearchBoxProps {
  inputRef: Ref<HTMLInputElement>;
}

/** The WAI-ARIA combobox: the input owns the results listbox and its highlight. */
export function SearchBox({ inputRef }: SearchBoxProps) {
  const { controller, state, t, uid } = useWidget();
  const { actions } = controller;
  // The home and category views show the listbox; an article does not.
  const listing = state.view.name !== 'article';
  const count = listing ? optionsOf(state).length : 0;

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys confirm or cancel an input method's composition; they are not ours then.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (state.view.name === 'article') actions.back();
      actions.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      if (listing && actions.choose()) event.preventDefault();
    } else if (event.key === 'Escape' && state.query) {
      // First Esc clears; the next one reaches the panel and closes it.
      event.stopPropagation();
      actions.setQuery('');
    }
  };

  return (
    <div class="faq-search" role="search">
      <svg class="faq-search-icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="10.5" cy="10.5" r="6.5" />
        <path d="m15.5 15.5 5 5" />
      </svg>
      <input
        ref={inputRef}
        class="faq-input"
        type="text"
        role="combobox"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        aria-autocomplete="list"
        aria-controls={count > 0 ? `${uid}-list` : undefined}
        aria-expanded={count > 0 ? 'true' : 'false'}
        aria-activedescendant={count > 0 && state.active >= 0 ? `${uid}-opt-${state.active}` : undefined}
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        enterKeyHint="search"
        maxLength={MAX_QUERY_LENGTH}
        value={state.query}
        onInput={(e) => actions.setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {state.query && (
        <button type="button" class="faq-icon-button faq-clear" aria-label={t('clear')} onClick={() => actions.setQuery('')}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
