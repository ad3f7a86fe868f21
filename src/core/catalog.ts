import type { Lang } from '../types';
import type { Category, Content, Entry } from './content';
import { createSearchIndex, type SearchIndex } from './search';

export const otherLang = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');

export interface Hit {
  entry: Entry;
  score: number;
  terms: Set<string>;
}

export interface Results {
  hits: Hit[];
  /** Set when the query's language had no match and these hits are in the other one. */
  fallbackLang?: Lang;
}

/**
 * Both languages' content, searchable. An index is built the first time its
 * language is searched, so the other language costs nothing until a fallback needs it.
 */
export class Catalog {
  /** Per language, built on first search: the index and entries by id (not rebuilt per keystroke). */
  private readonly indexes = new Map<Lang, { index: SearchIndex; byId: Map<string, Entry> }>();

  private read?: Partial<Record<Lang, Content>>;
  /** entries(lang), worked out once: the panel asks on every render. */
  private readonly lists = new Map<Lang, Entry[]>();

  /** Content, or a function that reads it: then it is read on first use, not while the page starts. */
  constructor(private readonly source: Partial<Record<Lang, Content>> | (() => Partial<Record<Lang, Content>>)) {}

  private get contents(): Partial<Record<Lang, Content>> {
    return (this.read ??= typeof this.source === 'function' ? this.source() : this.source);
  }

  has(lang: Lang): boolean {
    return Boolean(this.contents[lang]?.entries.length);
  }

  categories(lang: Lang): Category[] {
    return this.contents[lang]?.categories ?? this.contents[otherLang(lang)]?.categories ?? [];
  }

  /** Entries of a category in content order; an entry missing in `lang` comes from the other language. */
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

  entry(id: string, lang: Lang): Entry | undefined {
    const find = (l: Lang) => this.contents[l]?.entries.find((e) => e.id === id);
    return find(lang) ?? find(otherLang(lang));
  }

  search(query: string, lang: Lang, limit = 10): Results {
    const hits = this.searchIn(query, lang, limit);
    if (hits.length || !query.trim()) return { hits };
    const fallbackLang = otherLang(lang);
    const fallback = this.searchIn(query, fallbackLang, limit);
    return fallback.length ? { hits: fallback, fallbackLang } : { hits: [] };
  }

  private searchIn(query: string, lang: Lang, limit: number): Hit[] {
    const content = this.contents[lang];
    if (!content) return [];
    let built = this.indexes.get(lang);
    if (!built) {
      const names = new Map(content.categories.map((c) => [c.id, c.name]));
      built = {
        index: createSearchIndex(
          content.entries.map((e) => ({ ...e, category: names.get(e.category) ?? '', answer: e.answer.text })),
          lang,
        ),
        byId: new Map(content.entries.map((e) => [e.id, e])),
      };
      this.indexes.set(lang, built);
    }
    const { index, byId } = built;
    return index.search(query, limit).map((m) => ({ entry: byId.get(m.id)!, score: m.score, terms: m.terms }));
  }
}
