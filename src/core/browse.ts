import { otherLang } from './catalog';
import type { Entry } from './content';
import type { State } from './controller';

/**
 * The option after a category's entries that shows more of it: "Show all N" on the home view
 * (`count` is the category's size), "Show N more" in the category view (`count` is the next page).
 */
export interface More {
  more: string;
  count: number;
}
/** What one option of the listbox stands for: ↑/↓ walk these, Enter chooses one. */
export type Option = Entry | More;
export const isMore = (option: Option): option is More => 'more' in option;

/**
 * The category view lists this many entries, and this many more each time the visitor asks:
 * a category of 5,000 entries renders as fast as one of 50, and ↑/↓ still reach every entry.
 */
export const PAGE = 50;

export interface BrowseGroup {
  id: string;
  label: string;
  entries: Entry[];
  more?: More;
}

/**
 * Every category with entries, in content order: what the panel shows on an empty query. A large
 * help centre is searched, not scrolled: about 40 entries at most, between 2 and 8 per category;
 * a category with more ends in its "Show all" option, which opens the category view.
 */
export function browseGroups({ catalog, lang }: State): BrowseGroup[] {
  const categories = catalog.categories(lang);
  const each = Math.max(2, Math.min(8, Math.floor(40 / categories.length)));
  return categories
    .map((c) => {
      const all = catalog.inCategory(lang, c.id);
      return { id: c.id, label: c.name, entries: all.slice(0, each), ...(all.length > each && { more: { more: c.id, count: all.length } }) };
    })
    .filter((g) => g.entries.length);
}

/** The first `shown` entries of a category, and the "Show N more" option while some are still hidden. */
export function categoryPage({ catalog, lang }: State, id: string, shown: number): { entries: Entry[]; more?: More } {
  const all = catalog.inCategory(lang, id);
  const rest = all.length - shown;
  return rest > 0 ? { entries: all.slice(0, shown), more: { more: id, count: Math.min(PAGE, rest) } } : { entries: all };
}

/** A category's name in the visitor's language (its id if the content no longer has it). */
export const categoryName = ({ catalog, lang }: State, id: string): string => catalog.categories(lang).find((c) => c.id === id)?.name ?? id;

const SUGGESTIONS = 3;

/**
 * What the owner puts first: the entries the page suggests (`page`), else the content's
 * featured ones; ids the content does not have are left out (the controller tells the console).
 */
export function picks({ catalog, lang, suggested, featured }: State): { page: boolean; entries: Entry[] } {
  const find = (ids: string[]) => ids.map((id) => catalog.entry(id, lang)).filter((e): e is Entry => Boolean(e));
  const page = find(suggested);
  if (page.length) return { page: true, entries: page };
  // The visitor's language not in (its file failed): the other language's choice.
  return { page: false, entries: find(featured[lang] ?? featured[otherLang(lang)] ?? []) };
}

/** The no-results view's suggestions: the owner's picks, else the first entries. */
export const suggestions = (state: State): Entry[] => {
  const { entries } = picks(state);
  return entries.length ? entries : state.catalog.entries(state.lang).slice(0, SUGGESTIONS);
};

/** The options the listbox shows for a state, in order: what ↑/↓ move through. */
export function optionsOf(state: State): Option[] {
  const { view } = state;
  const flat = ({ entries, more }: { entries: Entry[]; more?: More }): Option[] => (more ? [...entries, more] : entries);
  if (view.name === 'category') return flat(categoryPage(state, view.id, view.shown));
  if (!state.query.trim()) return [...picks(state).entries, ...browseGroups(state).flatMap(flat)];
  if (state.results.hits.length) return state.results.hits.map((h) => h.entry);
  return suggestions(state);
}
