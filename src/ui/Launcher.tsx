import type { Ref } from 'preact';
import { useWidget } from './context';

export interface LauncherProps {
  buttonRef: Ref<HTMLButtonElement>;
}

/** The floating button that opens and closes the panel. */
export function Launcher({ buttonRef }: LauncherProps) {
  const { controller, state, t, uid } = useWidget();
  return (
    <button
      ref={buttonRef}
      type="button"
      class="faq-launcher"
      aria-haspopup="dialog"
      aria-expanded={state.open ? 'true' : 'false'}
      aria-controls={state.open ? `${uid}-panel` : undefined}
      onClick={controller.actions.toggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {state.open ? (
          <path d="m6 6 12 12M18 6 6 18" />
        ) : (
          <path d="M12 21a9 9 0 1 0-8-4.9L3 21l4.9-1A9 9 0 0 0 12 21Zm-2.6-11.5a2.6 2.6 0 1 1 3.6 2.4c-.6.3-1 .8-1 1.5v.6M12 17h.01" />
        )}
      </svg>
      <span class="faq-launcher-text">{t('launcher')}</span>
    </button>
  );
}
