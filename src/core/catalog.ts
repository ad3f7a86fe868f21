import type { Lang } from '../types';
import type { Category, Content, Entry } from './content';
import { parseMarkup, type Markup } from './markup';
import { createSearchIndex, indexJob, STOPWORDS, type Match, type SearchIndex, type Searchable } from './search';
import { runInSlices } from './slices';

export const otherLang = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');

export interface Hit {
  entry: Entry;
  score: number;
  terms: Set<string>;
}

export interface Results {
  hits: Hit[];
  /**
   * Set when the query's language had no match and these hits are in the other one: only real
   * matches of the query's words there (see `confident`), never a prefix or a typo's guess.
   */
  fallbackLang?: Lang;
  /**
   * Set when the query's language had no match and the other language could not be asked yet
   * (not loaded or not indexed): the widget prepares it in the background and searches again.
   */
  pending?: Lang;
}

type Contents = Partial<Record<Lang, Content>>;

/** Parsed answers kept for the view: the results list asks for up to 30 on every keystroke. */
const PARSED = 100;

/**
 * Both languages' content, searchable. Content can arrive one language at a time (`add`).
 * An index is built per language: by `prepare`, in slices that leave the page responsive, or
 * (for tools and tests, `onDemand`) on first search. The widget never builds one during a
 * keystroke: a search whose fallback language is not ready says so in `pending`.
 */
export class Catalog {
  private readonly indexes = new Map<Lang, { index: SearchIndex; byId: Map<string, Entry> }>();
  private readonly preparing = new Map<Lang, Promise<void>>();
  private read?: Contents;
  /** entries(lang), worked out once: the panel asks on every render. */
  private readonly lists = new Map<Lang, Entry[]>();
  /** entries(lang) by category, grouped once: browsing asks on every render and keystroke. */
  private readonly groups = new Map<Lang, Map<string, Entry[]>>();
  /** Answers parsed lately, the most recent last. */
  private readonly parsed = new Map<Entry, Markup>();

  /** Content, or a function that reads it: then it is read on first use, not while the page starts. */
  constructor(
    private readonly source: Contents | (() => Contents),
    private readonly onDemand = true,
  ) {}

  private get contents(): Contents {
    return (this.read ??= typeof this.source === 'function' ? this.source() : { ...this.source });
  }

  /** Adds (or replaces) one language's content. */
  add(lang: Lang, content: Content): void {
    this.contents[lang] = content;
    this.indexes.delete(lang);
    this.preparing.delete(lang);
    this.lists.clear();
    this.groups.clear();
    this.parsed.clear();
  }

  has(lang: Lang): boolean {
    return Boolean(this.contents[lang]?.entries.length);
  }

  /** Whether `lang` can be searched now, without building anything. */
  ready(lang: Lang): boolean {
    return this.indexes.has(lang);
  }

  /** Builds the index of `lang` in slices of a few ms; resolves at once when built or when there is no content. */
  prepare(lang: Lang, aborted?: AbortSignal): Promise<void> {
    const content = this.contents[lang];
    if (!content || this.indexes.has(lang)) return Promise.resolve();
    let job = this.preparing.get(lang);
    if (!job) {
      job = runInSlices(indexJob(searchable(content), lang), 8, aborted).then((index) => {
        if (this.contents[lang] === content) this.indexes.set(lang, { index, byId: byId(content) });
      });
      job.catch(() => this.preparing.delete(lang));
      this.preparing.set(lang, job);
    }
    return job;
  }

  categories(lang: Lang): Category[] {
    return this.contents[lang]?.categories ?? this.contents[otherLang(lang)]?.categories ?? [];
  }

  /** Entries in content order; an entry missing in `lang` comes from the other language. */
  entries(lang: Lang): Entry[] {
    let list = this.lists.get(lang);
    if (!list) {
      const own = this.contents[lang]?.entries ?? [];
      const ids = new Set(own.map((e) => e.id));
      const borrowed = (this.contents[otherLang(lang)]?.entries ?? []).filter((e) => !ids.has(e.id));
      this.lists.set(lang, (list = [...own, ...borrowed]));
    }
    return list;
  }

  /** The entries of one category, in content order, as entries(lang) gives them. */
  inCategory(lang: Lang, category: string): Entry[] {
    let groups = this.groups.get(lang);
    if (!groups) {
      this.groups.set(lang, (groups = new Map()));
      for (const entry of this.entries(lang)) {
        const list = groups.get(entry.category);
        if (list) list.push(entry);
        else groups.set(entry.category, [entry]);
      }
    }
    return groups.get(category) ?? [];
  }

  /** An entry's answer as a tree and as plain text, parsed when asked; the last few are kept. */
  answer(entry: Entry): Markup {
    let markup = this.parsed.get(entry);
    if (markup) this.parsed.delete(entry);
    else markup = parseMarkup(entry.answer);
    this.parsed.set(entry, markup);
    if (this.parsed.size > PARSED) this.parsed.delete(this.parsed.keys().next().value!);
    return markup;
  }

  entry(id: string, lang: Lang): Entry | undefined {
    const find = (l: Lang) => this.indexes.get(l)?.byId.get(id) ?? this.contents[l]?.entries.find((e) => e.id === id);
    return find(lang) ?? find(otherLang(lang));
  }

  search(query: string, lang: Lang, limit = 10): Results {
    const hits = this.searchIn(query, lang, limit);
    if (hits.length || !query.trim()) return { hits };
    const fallbackLang = otherLang(lang);
    if (!this.built(fallbackLang)) return { hits: [], pending: fallbackLang };
    const fallback = this.searchIn(query, fallbackLang, limit, confident);
    return fallback.length ? { hits: fallback, fallbackLang } : { hits: [] };
  }

  /** The index of `lang`, built now only for a catalog made `onDemand`. */
  private built(lang: Lang) {
    const content = this.contents[lang];
    if (!this.indexes.has(lang) && content && this.onDemand) {
      this.indexes.set(lang, { index: createSearchIndex(searchable(content), lang), byId: byId(content) });
    }
    return this.indexes.get(lang);
  }

  private searchIn(query: string, lang: Lang, limit: number, keep: (match: Match) => boolean = () => true): Hit[] {
    const built = this.built(lang);
    if (!built) return [];
    const { index, byId } = built;
    return index
      .search(query, limit)
      .filter(keep)
      .map((m) => ({ entry: byId.get(m.id)!, score: m.score, terms: m.terms }));
  }
}

/**
 * What the index reads of each entry: category names instead of ids, the answer's plain text.
 * Made one entry at a time as the index asks, so the texts of all answers are never held at once.
 */
export function* searchable(content: Content): Generator<Searchable> {
  const names = new Map(content.categories.map((c) => [c.id, c.name]));
  for (const { id, question, keywords, category, answer } of content.entries) {
    yield { id, question, keywords, category: names.get(category) ?? '', answer: parseMarkup(answer).text };
  }
}

/**
 * Whether a hit in the other language is worth showing: it meets at least half of the words the
 * index searched for that are not a function word in either language, and at least one, each as
 * a whole word or its stem after folding. A prefix or a typo's guess counts for nothing there:
 * "sunu" (suņu) starting "sunday" is a coincidence of two languages, not an answer, and the
 * no-results view, with its suggestions and contact, serves the visitor better. A word still
 * being typed ("salar") therefore falls back only once it is whole.
 */
function confident({ searched, kinds }: Match): boolean {
  let meaningful = 0;
  let met = 0;
  for (const word of searched) {
    if (STOPWORDS.lv.has(word) || STOPWORDS.en.has(word)) continue;
    meaningful++;
    if (kinds.get(word) === 'word' || kinds.get(word) === 'stem') met++;
  }
  return met > 0 && met * 2 >= meaningful;
}

const byId = (content: Content) => new Map(content.entries.map((e) => [e.id, e]));
