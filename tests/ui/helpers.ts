import { act, within } from '@testing-library/preact';
import { mount } from '../../src/mount';
import type { WidgetHandle, WidgetOptions } from '../../src/types';

/** Mounts a widget and gives queries scoped to its shadow root. */
export async function mountWidget(options: WidgetOptions = {}) {
  let widget!: WidgetHandle;
  await act(() => {
    widget = mount(options);
  });
  const hosts = document.querySelectorAll('faq-widget-host');
  const host = hosts[hosts.length - 1] as HTMLElement;
  const root = host.shadowRoot!;
  return {
    widget,
    host,
    root,
    // Queries run inside the widget's root element: testing-library cannot report on a ShadowRoot.
    ui: within(root.querySelector<HTMLElement>('.faq-root')!),
    /** The element focused inside the widget. */
    focused: () => root.activeElement,
  };
}

/** Runs an action and lets Preact finish rendering. */
export const settle = (fn: () => unknown = () => undefined) => act(async () => void (await fn()));
