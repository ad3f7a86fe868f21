import type { WidgetEventMap } from '../types';

/**
 * A minimal observable value: one per widget, never shared between widgets. A listener
 * that throws is reported and skipped: the state has already changed, and the other
 * listeners (the view among them) must still hear of it, or the widget freezes.
 */
export interface Store<S> {
  get(): S;
  set(patch: Partial<S>): void;
  subscribe(listener: (state: S) => void): () => void;
}

export function createStore<S extends object>(
  initial: S,
  onListenerError = (error: unknown) => console.error('faq-widget: a state listener failed', error),
): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const listener of [...listeners]) {
        try {
          listener(state);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type Handler<M, K extends keyof M> = (detail: M[K]) => void;

/** Typed events whose handlers cannot break each other or the emitter. */
export function createEmitter<M>(onHandlerError: (error: unknown) => void = console.error) {
  const handlers = new Map<keyof M, Set<Handler<M, keyof M>>>();
  return {
    on<K extends keyof M>(event: K, handler: Handler<M, K>): () => void {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler as Handler<M, keyof M>);
      return () => set.delete(handler as Handler<M, keyof M>);
    },
    emit<K extends keyof M>(event: K, detail: M[K]): void {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          handler(detail);
        } catch (error) {
          // An analytics handler that throws must not take the widget down.
          onHandlerError(error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
export type Emitter<M> = ReturnType<typeof createEmitter<M>>;

/**
 * The events of one widget, where the page's handlers listen: made by the script-tag loader
 * before the runtime arrives (which then emits into it), or by the ESM build's mount().
 */
export const createWidgetEvents = (): Emitter<WidgetEventMap> =>
  createEmitter<WidgetEventMap>((error) => console.error('faq-widget: an event handler threw', error));
