import { h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Controller } from '../core/controller';
import type { Translate } from '../core/i18n';
import type { Mode, Position, Theme } from '../types';
import { Launcher } from './Launcher';
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
}

/** The widget's root: renders the controller's state and re-renders when it changes. */
export function App({ controller, t, mode, theme, position, contactUrl, uid }: AppProps) {
  const [state, setState] = useState(controller.store.get());
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(state.open);

  // Subscribed during the first commit, so a call right after mount() (a queued
  // `widget.open()`) is never lost; the current state is re-read for the same reason.
  useLayoutEffect(() => {
    setState(controller.store.get());
    return controller.store.subscribe(setState);
  }, [controller]);

  useEffect(() => {
    // Closing returns focus to the launcher, unless the visitor has already moved on.
    const active = document.activeElement;
    const host = launcher.current && (launcher.current.getRootNode() as ShadowRoot).host;
    if (wasOpen.current && !state.open && (!active || active === document.body || active === host)) {
      launcher.current?.focus();
    }
    wasOpen.current = state.open;
  }, [state.open]);

  const inline = mode === 'inline';
  return (
    <WidgetContext.Provider value={{ controller, state, t, mode, contactUrl, uid }}>
      <div class={`faq-root faq-mode-${mode} faq-${position}${state.open ? ' faq-open' : ''}`} data-theme={theme} lang={state.lang}>
        {(inline || state.open) && <Panel />}
        {!inline && <Launcher buttonRef={launcher} />}
      </div>
    </WidgetContext.Provider>
  );
}
