import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Article } from './Article';
import { Category } from './Category';
import { Home } from './Home';
import { CloseIcon } from './Icons';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveRegion } from './LiveRegion';
import { SearchBox } from './SearchBox';
import { Status } from './Status';
import { useWidget } from './context';

const TABBABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The help panel: a labelled dialog in launcher mode, a labelled region inline. `warming`: laid
 * out hidden for a moment before the first open (App), so it takes no focus.
 */
export function Panel({ warming = false }: { warming?: boolean }) {
  const { controller, state, t, mode, uid } = useWidget();
  const { actions } = controller;
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const dialog = mode === 'launcher';

  // Focus moves in the same task as the panel appears: keys typed at once land in the search box.
  useLayoutEffect(() => {
    // An article opened with the panel (API, shared link) has already taken focus to its heading.
    if (dialog && !warming && state.view.name !== 'article') input.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229 || !dialog) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.close();
    } else if (event.key === 'Tab') {
      // Focus stays inside the open dialog: wrap around at both ends.
      const items = [...panel.current!.querySelectorAll<HTMLElement>(TABBABLE)];
      const root = panel.current!.getRootNode() as ShadowRoot | Document;
      const at = items.indexOf(root.activeElement as HTMLElement);
      // From anything else (the focused article heading), the browser's own order is right.
      const target = event.shiftKey ? (at === 0 ? items[items.length - 1] : null) : at === items.length - 1 ? items[0] : null;
      if (target) {
        event.preventDefault();
        target.focus();
      }
    }
  };

  const back = () => {
    actions.back();
    input.current?.focus();
  };

  return (
    <div
      ref={panel}
      class="faq-panel"
      role={dialog ? 'dialog' : 'region'}
      aria-modal={dialog ? 'true' : undefined}
      aria-labelledby={`${uid}-title`}
      onKeyDown={onKeyDown}
    >
      <header class="faq-header">
        <h2 id={`${uid}-title`} class="faq-title">{t('title')}</h2>
        {state.langs.length > 1 && <LanguageSwitch />}
        {dialog && (
          <button type="button" class="faq-icon-button" aria-label={t('close')} onClick={actions.close}>
            <CloseIcon />
          </button>
        )}
      </header>
      <SearchBox inputRef={input} />
      {/* Focusable so keyboard users can scroll it even when it holds no button (WCAG 2.1.1). */}
      <div class="faq-body" tabIndex={0}>
        <Status />
        {state.status !== 'error' &&
          (state.view.name === 'article' ? (
            <Article id={state.view.id} onBack={back} />
          ) : (
            state.status === 'ready' && (state.view.name === 'category' ? <Category view={state.view} onBack={back} /> : <Home />)
          ))}
      </div>
      <LiveRegion />
    </div>
  );
}
