/**
 * The answer markup: paragraphs, "- " and "1. " lists, **bold** and [links](url).
 * Parsed into a small tree that the view turns into elements; nothing here is
 * ever treated as HTML, so "<script>" in an answer is just text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | {
      type: 'list';
      ordered: boolean;
      /** The owner's own first number, when an ordered list does not start at 1. */
      start?: number;
      items: Inline[][];
    };

export interface Markup {
  blocks: Block[];
  /** Plain text of the whole answer, for search and snippets. */
  text: string;
  /** Mistakes a translator should fix; the renderer has already made them harmless. */
  problems: string[];
}

const BULLET = /^\s*-\s+/;
// A number of at most nine digits (as CommonMark), a dot or ")", a space and text.
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(?=\S)/;
// Whatever comes before a colon in the first path segment counts as a scheme: "&#106;avascript:"
// is not one the URL parser knows, but it must not pass as an innocent relative link either.
const SCHEME = /^([^/?#]*):/;
const ALLOWED_SCHEME = /^(https?|mailto|tel)$/i;
// The URL parser drops ASCII tab and newline anywhere and trims control characters,
// so "java\tscript:" would run as "javascript:": judge the URL the browser would see.
// eslint-disable-next-line no-control-regex
const IGNORED_BY_URL_PARSER = /[\u0000-\u0020\u007f]/g;
// In http(s) addresses the parser reads "\" before the query as "/" and skips extra slashes
// before a host: "/\evil.example", "http:\\evil.example" and "///evil.example" all lead there.
const REWRITTEN = /^[^?#]*\\|^([a-z][a-z\d+.-]*:)?\/\/\//i;
// Two pages that differ in scheme, host and path: where a link lands from each tells what it is.
const BASES = [new URL('https://a.invalid/p/q'), new URL('http://b.invalid/r/s')];

/**
 * Whether an address means the same to a reader as to the browser: an absolute one lands on the
 * same URL from both bases, a relative one on each base's own site, a "//host" one on that host
 * with each base's scheme. Any other outcome ("https:host" is a path on an https page and a host
 * on an http one) depends on the page in a way no one writing it meant.
 */
function readsAsWritten(href: string): boolean {
  let at: URL[];
  try {
    at = BASES.map((base) => new URL(href, base));
  } catch {
    return false;
  }
  const [a, b] = at;
  return (
    a.href === b.href ||
    at.every((url, i) => url.origin === BASES[i].origin) ||
    (a.host === b.host && at.every((url, i) => url.protocol === BASES[i].protocol))
  );
}

/** Whether `href` has no scheme or an allowed one, and nothing that hides one from a reader. */
function allowedScheme(href: string): boolean {
  const scheme = SCHEME.exec(href);
  // Character references (&#106;) mean nothing in a URL but hide a scheme from a human reader.
  return !!href && !/&#?\w+;/.test(href) && (!scheme || ALLOWED_SCHEME.test(scheme[1]));
}

/**
 * The href to use for a link, or null: http(s), mailto, tel, relative URLs and `#faq/<id>` pass;
 * other schemes and addresses that the browser would read differently from how they are written
 * are refused. (The loader checks the contact link with this alone, without `checkHref`'s words.)
 */
export function safeHref(raw: string): string | null {
  const href = raw.replace(IGNORED_BY_URL_PARSER, '');
  return allowedScheme(href) && !REWRITTEN.test(href) && readsAsWritten(href) ? href : null;
}

/** What `safeHref` says, with the reason for a refusal in words for the owner. */
export function checkHref(raw: string): { href: string } | { problem: string } {
  const href = safeHref(raw);
  if (href !== null) return { href };
  return allowedScheme(raw.replace(IGNORED_BY_URL_PARSER, ''))
    ? { problem: 'is read by browsers as another address than it shows; write a full https:// address or a path such as /help' }
    : { problem: 'uses a scheme other than https, http, mailto or tel' };
}

/** The entry a `#faq/<id>` link opens inside the widget; null for other links and mangled ids. */
export function articleLinkId(href: string): string | null {
  if (!href.startsWith('#faq/')) return null;
  try {
    return decodeURIComponent(href.slice(5)) || null;
  } catch {
    return null;
  }
}

// What may follow "](": runs of characters other than parentheses and spaces, or one
// level of (…) inside the address; the link ends at the ")" after them.
const ADDRESS_PART = /[^()\s]+|\([^()\s]*\)/y;

/** Where the address that starts at `from` ends (its closing ")"), or -1. */
function addressEnd(text: string, from: number): number {
  let at = from;
  ADDRESS_PART.lastIndex = at;
  while (ADDRESS_PART.test(text)) at = ADDRESS_PART.lastIndex;
  return text[at] === ')' ? at : -1;
}

/** Appends the text and links of `text` to `out`. */
function parseLinks(text: string, problems: string[], out: Inline[] = []): Inline[] {
  let last = 0;
  // A scan, not one regex run from every "[": a regex that looks for "](" from each of
  // 250,000 "[" in a row reads the rest of the text each time and takes seconds.
  for (let open = text.indexOf('['); open >= 0; ) {
    const close = text.indexOf(']', open);
    if (close < 0) break; // no later "[" can be closed either
    const end = text[close + 1] === '(' ? addressEnd(text, close + 2) : -1;
    if (end < 0) {
      // Every "[" before `close` would meet the same "]" and fail the same way.
      open = text.indexOf('[', close + 1);
      continue;
    }
    if (open > last) out.push({ type: 'text', text: text.slice(last, open) });
    const address = text.slice(close + 2, end);
    const label = text.slice(open + 1, close) || address;
    const checked = checkHref(address);
    if ('problem' in checked) {
      problems.push(`link "${address}" ${checked.problem}`);
      out.push({ type: 'text', text: label });
    } else if (checked.href.startsWith('#faq/') && !articleLinkId(checked.href)) {
      problems.push(`link "${address}" names no entry`);
      out.push({ type: 'text', text: label });
    } else {
      out.push({ type: 'link', href: checked.href, children: [{ type: 'text', text: label }] });
    }
    last = end + 1;
    open = text.indexOf('[', last);
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

function parseInline(text: string, problems: string[]): Inline[] {
  // Most lines and bold parts are plain text: one node in an array of one, not a growable one
  // (a 1 MB list is 250,000 of them, and V8 pays for every slot it keeps in reserve).
  if (!text.includes('**') && !text.includes('[')) return text ? [{ type: 'text', text }] : [];
  const out: Inline[] = [];
  const reported = problems.length;
  let at = 0;
  for (let open = text.indexOf('**'); open >= 0; open = text.indexOf('**', at)) {
    const close = text.indexOf('**', open + 2);
    if (close < 0) {
      // An unpaired "**" stays literal text; it is reported before the links that follow it.
      problems.splice(reported, 0, `unclosed "**" in "${text.length > 40 ? text.slice(0, 40) + '…' : text}"`);
      break;
    }
    if (open > at) parseLinks(text.slice(at, open), problems, out);
    const bold = text.slice(open + 2, close);
    if (bold) out.push({ type: 'strong', children: bold.includes('[') ? parseLinks(bold, problems) : [{ type: 'text', text: bold }] });
    at = close + 2;
  }
  if (at < text.length) parseLinks(text.slice(at), problems, out);
  return out;
}

function inlineText(nodes: Inline[]): string {
  let text = '';
  for (const n of nodes) text += n.type === 'text' ? n.text : inlineText(n.children);
  return text;
}

/**
 * Reads an answer. Latvian writes dates and ordinals with a dot ("2025. gada 1. janvārī",
 * "3. stāvā"), so a numbered line starts a list only where the owner clearly wrote one:
 * - in a block of its own (the first line, or after a blank line): the number 1, or the first
 *   of consecutive numbers ("3. …" then "4. …"); the list keeps the owner's first number;
 * - right under a line of text: "1. …" followed by "2. …" (CommonMark lets only 1 interrupt a
 *   paragraph; the second item tells a list from a sentence that goes on "…\n1. janvārī");
 * - in an ordered list: the next number, or the same one again (1. 1. 1.), after a blank line too.
 * Any other numbered line is text: it continues the paragraph or list item above it.
 */
export function parseMarkup(source: string): Markup {
  const problems: string[] = [];
  const blocks: Block[] = [];
  const input = source.normalize('NFC');
  let from = 0;
  /** The next line without its "\n" or "\r\n"; undefined after the last. Read as needed, not split up front. */
  const readLine = (): string | undefined => {
    if (from > input.length) return undefined;
    let end = input.indexOf('\n', from);
    if (end < 0) end = input.length;
    const line = input.slice(from, input[end - 1] === '\r' && end < input.length ? end - 1 : end);
    from = end + 1;
    return line;
  };
  const numberOf = (line = '') => Number(NUMBERED.exec(line)?.[1] ?? NaN);
  /** The paragraph so far, its lines joined by spaces; empty when there is none. */
  let paragraph = '';
  let list: { ordered: boolean; start: number; last: number; items: string[] } | null = null;
  /** A blank line followed the ordered list: only its next item continues it. */
  let gap = false;

  const flush = () => {
    if (paragraph) blocks.push({ type: 'paragraph', children: parseInline(paragraph, problems) });
    if (list) {
      const { ordered, start } = list;
      const items = list.items.map((item) => parseInline(item, problems));
      blocks.push({ type: 'list', ordered, ...(ordered && start !== 1 && { start }), items });
    }
    paragraph = '';
    list = null;
    gap = false;
  };

  let next = readLine();
  let nextNumber = numberOf(next);
  while (next !== undefined) {
    const rawLine = next;
    const n = nextNumber;
    next = readLine();
    nextNumber = numberOf(next);
    const line = rawLine.trim();
    if (!line) {
      if (list?.ordered) gap = true;
      else flush();
      continue;
    }
    const bullet = line[0] === '-' && BULLET.test(rawLine);
    // The rules above, for a numbered line: the next item of this list, or the first of a new one.
    const nextItem = list?.ordered && (n === list.last + 1 || (n === list.last && !gap));
    const newList = paragraph || (list && !gap) ? n === 1 && nextNumber === 2 : n === 1 || nextNumber === n + 1;
    if (gap && !nextItem) flush();
    gap = false;
    if (bullet) {
      if (paragraph || list?.ordered) flush();
      list ??= { ordered: false, start: 1, last: 0, items: [] };
      list.items.push(rawLine.slice(rawLine.indexOf('-') + 1).trim());
    } else if (nextItem || newList) {
      if (!nextItem || !list) {
        flush();
        list = { ordered: true, start: n, last: n, items: [] };
      }
      list.last = n;
      list.items.push(line.replace(NUMBERED, ''));
    } else if (list) {
      // A line under a list item without a blank line continues that item.
      list.items[list.items.length - 1] += ' ' + line;
    } else {
      paragraph = paragraph ? paragraph + ' ' + line : line;
    }
  }
  flush();

  const text = blocks
    .map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.items.map(inlineText).join('\n')))
    .join('\n');
  return { blocks, text, problems };
}
