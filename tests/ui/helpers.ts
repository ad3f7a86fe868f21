import { act, within } from '@testing-library/preact';
import { mount } from '../../src/mount';
import type { WidgetHandle, WidgetOptions } from '../../src/types';

/** Mounts a widget and gives queries scoped to its shadow root. */
export async function mountWidget(options: WidgetOptions = {}) {
  let widget!: WidgetHandle;
  let settled!: Promise<unknown>;
  await act(() => {
    widget = mount(options);
    // Content arrives asynchronously (the built-in content is a chunk of its own): wait for it, or its failure.
    settled = new Promise((resolve) => {
      widget.on('ready', resolve);
      widget.on('error', resolve);
    });
  });
  await act(async () => void (await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2000))])));
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
