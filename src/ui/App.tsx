import { h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Controller } from '../core/controller';
import type { Translate } from '../core/i18n';
import type { Shell } from '../shell';
import type { Mode, Position, Theme } from '../types';
import { Panel } from './Panel';
import { WidgetContext } from './context';

export interface AppProps {
  controller: Controller;
  t: Translate;
  mode: Mode;
  theme: Theme;
  position: Position;
  contactUrl?: string;
  uid: string;
  /** The host, theme root and launcher drawn before the panel (by the loader, or by mount()). */
  shell: Shell;
}

/** The widget's panel: renders the controller's state into the shell and re-renders when it changes. */
export function App({ controller, t, mode, theme, position, contactUrl, uid, shell }: AppProps) {
  const [state, setState] = useState(controller.store.get());
  const wasOpen = useRef(state.open);

  // Subscribed during the first commit, so a call right after mount() (a queued
  // `widget.open()`) is never lost; the current state is re-read for the same reason.
  useLayoutEffect(() => {
    setState(controller.store.get());
    return controller.store.subscribe(setState);
  }, [controller]);

  useLayoutEffect(() => {
    shell.show({ open: state.open, lang: state.lang, theme, position, label: t('launcher') });
  }, [shell, state.open, state.lang, theme, position, t]);

  useEffect(() => {
    // Closing returns focus to the launcher, unless the visitor has already moved on.
    const active = document.activeElement;
    if (wasOpen.current && !state.open && (!active || active === document.body || active === shell.host)) {
      shell.launcher?.focus();
    }
    wasOpen.current = state.open;
  }, [state.open]);

  return (
    <WidgetContext.Provider value={{ controller, state, t, mode, contactUrl, uid }}>
      {(mode === 'inline' || state.open) && <Panel />}
    </WidgetContext.Provider>
  );
}
