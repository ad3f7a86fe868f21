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
  /**
   * Lay the panel out once, hidden, when the content is in and the panel still closed: the
   * first open then finds its styles, fonts and code warm (at 4× CPU the first open took 66 to
   * 118 ms, a second 10 to 39). For the loader, whose runtime arrives on a visitor's intent.
   */
  warmUp?: boolean;
}

/** When the page is idle, or soon: the warm-up must not hold up the page's own work. */
const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 300 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
};

/** The widget's panel: renders the controller's state into the shell and re-renders when it changes. */
export function App({ controller, t, mode, theme, position, contactUrl, uid, shell, warmUp }: AppProps) {
  const [state, setState] = useState(controller.store.get());
  const wasOpen = useRef(state.open);
  const [warming, setWarming] = useState<'no' | 'now' | 'done'>('no');
  const warm = useRef<HTMLDivElement>(null);

  // Subscribed during the first commit, so a call right after mount() (a queued
  // `widget.open()`) is never lost; the current state is re-read for the same reason.
  useLayoutEffect(() => {
    setState(controller.store.get());
    return controller.store.subscribe(setState);
  }, [controller]);

  // The owner's launcher label (the content's "ui") applies once their content is in.
  const label = t('launcher');
  useLayoutEffect(() => {
    shell.show({ open: state.open, lang: state.lang, theme, position, label });
  }, [shell, state.open, state.lang, theme, position, label]);

  // In the same task as the panel's removal, so focus never rests on <body> in between.
  useLayoutEffect(() => {
    // Closing returns focus to the launcher, unless the visitor has already moved on.
    const active = document.activeElement;
    if (wasOpen.current && !state.open && (!active || active === document.body || active === shell.host)) {
      shell.launcher?.focus();
    }
    wasOpen.current = state.open;
  }, [state.open]);

  const ready = state.status === 'ready';
  useEffect(() => {
    if (!warmUp || mode !== 'launcher' || warming !== 'no' || !ready || state.open || state.view.name !== 'home') return;
    return whenIdle(() => setWarming('now'));
  }, [warmUp, mode, warming, ready, state.open, state.view.name]);
  useLayoutEffect(() => {
    if (warming !== 'now') return;
    warm.current?.getBoundingClientRect(); // style and layout, now, in this one task
    setWarming('done'); // and gone again before anything is painted
  }, [warming]);

  return (
    <WidgetContext.Provider value={{ controller, state, t, mode, contactUrl, uid }}>
      {(mode === 'inline' || state.open) && <Panel />}
      {warming === 'now' && !state.open && (
        <div ref={warm} class="faq-warm" aria-hidden="true" inert>
          <Panel warming />
        </div>
      )}
    </WidgetContext.Provider>
  );
}
