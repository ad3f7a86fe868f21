import { act, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createWidgetEvents } from '../../src/core/store';
import { builtInContent, createWidget, type Widget } from '../../src/mount';
import { resolveOptions } from '../../src/options';
import { createShell } from '../../src/shell';
import type { WidgetHandle } from '../../src/types';

let widget: Widget | undefined;
afterEach(() => {
  widget?.handle.destroy();
  widget = undefined;
});

/** A widget as the loader starts it: the runtime takes over the shell the loader drew. */
async function takenOver() {
  const config = resolveOptions({ lang: 'lv' });
  const shell = createShell(config, () => widget?.handle.toggle());
  // Everything the panel adds to the shadow root, with what it looked like when added.
  const added: { warm: boolean; hidden: string | null; inert: boolean; dialog: boolean }[] = [];
  new MutationObserver((records) => {
    for (const node of records.flatMap((r) => [...r.addedNodes])) {
      if (!(node instanceof HTMLElement)) continue;
      added.push({
        warm: node.classList.contains('faq-warm'),
        hidden: node.getAttribute('aria-hidden'),
        inert: node.hasAttribute('inert'),
        dialog: !!node.querySelector('[role="dialog"]'),
      });
    }
  }).observe(shell.slot, { childList: true });
  const ready = new Promise((resolve) => {
    act(() => {
      widget = createWidget(config, builtInContent, { shell, lang: 'lv', resolveOptions, facade: {} as WidgetHandle, events: createWidgetEvents(), open: false, warmUp: true });
      widget.handle.on('ready', resolve);
    });
  });
  await act(async () => void (await ready));
  return { shell, added, ui: within(shell.shadow.querySelector<HTMLElement>('.faq-root')!) };
}

describe('the panel before its first open, on a visitor’s intent', () => {
  it('is laid out once, hidden from sight, from assistive technology and from focus, then removed', async () => {
    const before = document.activeElement;
    const { shell, added } = await takenOver();
    await waitFor(() => expect(added.some((a) => a.warm)).toBe(true));
    await waitFor(() => expect(shell.slot.querySelector('.faq-warm')).toBeNull());
    expect(added.filter((a) => a.warm)).toEqual([{ warm: true, hidden: 'true', inert: true, dialog: true }]);
    expect(document.activeElement).toBe(before);
    expect(shell.launcher!.getAttribute('aria-expanded')).toBe('false');
  });

  it('then opens as usual, with the search box focused, and is not laid out again', async () => {
    const { shell, added, ui } = await takenOver();
    await waitFor(() => expect(added.some((a) => a.warm)).toBe(true));
    await waitFor(() => expect(shell.slot.querySelector('.faq-warm')).toBeNull());
    await act(() => shell.launcher!.click());
    const input = ui.getByRole('combobox', { name: 'Meklēt palīdzības rakstos' });
    expect(shell.shadow.activeElement).toBe(input);
    await act(() => widget!.handle.close());
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(added.filter((a) => a.warm)).toHaveLength(1);
  });

  it('is skipped when the visitor opens the panel first', async () => {
    const config = resolveOptions({ lang: 'lv' });
    const shell = createShell(config, () => widget?.handle.toggle());
    act(() => {
      widget = createWidget(config, builtInContent, { shell, lang: 'lv', resolveOptions, facade: {} as WidgetHandle, events: createWidgetEvents(), open: true, warmUp: true });
    });
    await waitFor(() => expect(shell.shadow.querySelector('[role="dialog"] [role="combobox"]')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(shell.slot.querySelector('.faq-warm')).toBeNull();
    expect(shell.shadow.querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });
});
