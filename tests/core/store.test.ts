import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/core/store';

describe('store', () => {
  it('tells every listener of a change even when one of them throws', () => {
    const onError = vi.fn();
    const store = createStore({ n: 0 }, onError);
    const seen: number[] = [];
    store.subscribe(() => {
      throw new DOMException('replaceState refused', 'SecurityError');
    });
    store.subscribe((s) => seen.push(s.n));
    store.set({ n: 1 });
    store.set({ n: 2 });
    expect(seen).toEqual([1, 2]);
    expect(store.get().n).toBe(2);
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
