/** Public types of the widget: what `mount()` takes and returns. */

export type Lang = 'lv' | 'en';
export type LangOption = Lang | 'auto';
export type Mode = 'launcher' | 'inline';
export type Theme = 'light' | 'dark' | 'auto';
export type Position = 'right' | 'left';
export type Preload = 'intent' | 'idle' | 'eager';

/** Options of `mount()`: the `data-*` attributes of the script tag, camelCased. */
export interface WidgetOptions {
  /** Interface and content language; `auto` (default) detects it. */
  lang?: LangOption;
  /** `launcher` (default): floating button and panel. `inline`: rendered inside `target`. */
  mode?: Mode;
  /** Container for inline mode: a CSS selector or an element. */
  target?: string | Element;
  /** URL template of replacement FAQ content; `{{lng}}` becomes `lv` or `en`. */
  content?: string;
  /** Colour scheme; `auto` (default) follows `prefers-color-scheme`. */
  theme?: Theme;
  /** Any CSS colour for buttons, focus rings and highlights. */
  accent?: string;
  /** Side of the screen for the launcher; default `right`. */
  position?: Position;
  /** Where "Still need help?" sends the visitor (URL, `mailto:` or `tel:`); hidden when absent. */
  contactUrl?: string;
  /** Keep the open article in the page URL (`#faq=lv/getting-hired`). */
  urlState?: boolean;
  /** CSP nonce for the widget's own chunk scripts, and for the fallback `<style>` element in browsers without constructable stylesheets. */
  nonce?: string;
  /**
   * Script-tag build: when the rest of the widget is fetched. `intent` (default): when a visitor
   * reaches for help (pointer near or on the launcher, focus, touch, an API call, a `#faq=` link);
   * `idle`: shortly after the page has loaded; `eager`: at once.
   */
  preload?: Preload;
  /**
   * The site's languages (`data-languages="lv"`). With one, the widget is in that language only:
   * no language switch, no request for the other language's file, no results from it.
   */
  languages?: Lang[];
  /** Entry ids suggested for this page (`data-suggest="id,id"`), shown first on the home view and when nothing is found. */
  suggest?: string[];
}

/** One search result, best first. */
export interface SearchHit {
  id: string;
  /** Language of the hit; differs from the current one when results fall back to the other language. */
  lang: Lang;
  question: string;
  /** Relevance between 0 and 1, higher is better. */
  score: number;
}

export interface WidgetEventMap {
  /** Once, when the first content load has settled: content is in, or the error state is reached (after `error`). */
  ready: { widget: WidgetHandle };
  open: Record<string, never>;
  close: Record<string, never>;
  search: { query: string; lang: Lang; resultCount: number; fallbackLang?: Lang };
  article: { id: string; lang: Lang };
  feedback: { id: string; lang: Lang; helpful: boolean };
  language: { lang: Lang };
  /** A misused API call, or content that could not be loaded: each distinct load failure once, however often it recurs. */
  error: { message: string };
}
export type WidgetEvent = keyof WidgetEventMap;

/**
 * A mounted widget. Every method is safe to call at any time. After `destroy()` each does nothing
 * (no request, no console line) and its promises resolve: `search()` to `[]`, `setLanguage()` to undefined.
 */
export interface WidgetHandle {
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  /** Current language. */
  readonly language: Lang;
  setLanguage(lang: Lang): Promise<void>;
  /**
   * Best hits first in `lang` (default: current); when that language has no match,
   * the other language's hits, each marked by its `lang`. The same results the panel shows.
   * `opts` that is null or not an object means the defaults, as does a `limit` that is not a finite number.
   */
  search(query: string, opts?: { limit?: number; lang?: Lang }): Promise<SearchHit[]>;
  openArticle(id: string): void;
  /**
   * Suggests these entries for the current page (a single-page app calls it on each route):
   * shown first on the home view and when a search finds nothing; an empty list goes back to
   * the owner's `featured` entries. Unknown ids are reported in the console and left out.
   * Before the widget's code has loaded, the ids are kept, without loading it.
   */
  suggest(ids: string[]): void;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends WidgetEvent>(event: E, handler: (detail: WidgetEventMap[E]) => void): () => void;
  /** Removes every node, listener and timer the widget added. */
  destroy(): void;
}

/** The `window.FaqWidget` object of the script-tag build. */
export interface FaqWidgetApi {
  version: string;
  mount(options?: WidgetOptions): WidgetHandle;
  /** The auto-mounted instance. */
  get(): WidgetHandle | undefined;
  /** Runs `fn` with the auto-mounted handle (at once when it exists; queued until then). */
  push(fn: (widget: WidgetHandle) => void): void;
}
