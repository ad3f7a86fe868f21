import { h, Fragment } from 'preact';
import type { Ref } from 'preact';
import { CloseIcon } from './Icons';
import { useWidget } from './context';

export interface LauncherProps {
  buttonRef: Ref<HTMLButtonElement>;
}

/** The floating button that opens and closes the panel. */
export function Launcher({ buttonRef }: LauncherProps) {
  const { controller, state, t } = useWidget();
  return (
    <button
      ref={buttonRef}
      type="button"
      class="faq-launcher"
      aria-haspopup="dialog"
      aria-expanded={state.open ? 'true' : 'false'}
      onClick={controller.actions.toggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {state.open ? (
          <CloseIcon.Path />
        ) : (
          <>
            <circle cx="12" cy="12" r="9" />
            <path d="M9.5 9.5a2.5 2.5 0 1 1 3 2.4c-.5.2-.5.6-.5 1.1M12 17h.01" />
          </>
        )}
      </svg>
      <span class="faq-launcher-text">{t('launcher')}</span>
    </button>
  );
}
