import { h } from 'preact';
import { Contact } from './Contact';
import { useWidget } from './context';

/** Loading and failure of the owner's content, in plain words. */
export function Status() {
  const { controller, state, t } = useWidget();
  // The button goes away with the error it answers: focus moves to the search box, not to <body>.
  const retry = (event: MouseEvent) => {
    ((event.currentTarget as Element).getRootNode() as ShadowRoot).querySelector<HTMLElement>('.faq-input')?.focus();
    controller.actions.retry();
  };
  if (state.status === 'loading') return <p class="faq-status" role="status">{t('loading')}</p>;
  if (state.status === 'error') {
    return (
      <div class="faq-status faq-error" role="alert">
        <p>{t('loadError')}</p>
        <button type="button" class="faq-button" onClick={retry}>{t('retry')}</button>
        <Contact />
      </div>
    );
  }
  // The visitor's own language failed and the other one's entries are shown (each marked with its lang).
  if (state.unavailable) return <p class="faq-notice">{t('langUnavailable')}</p>;
  return state.partial ? <p class="faq-notice">{t('partialError')}</p> : null;
}
