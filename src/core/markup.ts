/**
 * The answer markup: paragraphs and line breaks, "### " sub-headings, "- " and "1. " lists,
 * "> " quotes, **bold**, *italic*, `code` and [links](url). Parsed into a small tree that the view
 * turns into elements; nothing here is ever treated as HTML, so "<script>" in an answer is just text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  /** Shown as written: no markup inside. */
  | { type: 'code'; text: string }
  /** A single newline inside a paragraph, list item or heading. */
  | { type: 'break' }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  /** A "### " line: a sub-heading of the answer. */
  | { type: 'heading'; children: Inline[] }
  /** Consecutive "> " lines; a quote holds no quote of its own. */
  | { type: 'quote'; blocks: Block[] }
  | {
      type: 'list';
      ordered: boolean;
      /** The owner's own first number, when an ordered list does not start at 1. */
      start?: number;
      items: Inline[][];
    };

export interface Markup {
  blocks: Block[];
  /** Plain text of the whole answer, for search and snippets: a "\n" between blocks, list items and lines. */
  text: string;
  /** Plain text of the first paragraph (after any sub-heading): the short answer that stands alone. */
  lead: string;
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

/** Appends `text` to `out`, each "\n" as a line break, joined to the text node before it. */
function pushText(out: Inline[], text: string) {
  text.split('\n').forEach((line, i) => {
    if (i) out.push({ type: 'break' });
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += line;
    else if (line) out.push({ type: 'text', text: line });
  });
}

const quoted = (text: string) => `"${text.length > 40 ? text.slice(0, 40) + '…' : text}"`;
const isBlank = (c: string | undefined) => !c?.trim();

const INLINE_SIGN = /[`[*]/g;

/**
 * Reads one paragraph, item or heading in a single pass: the leftmost "`", "[" or "*" decides
 * what follows. A code span runs to the next "`" and is shown as written. "**" opens bold and the
 * next "**" closes it; "*" opens italic before a non-space and closes it after one, so "5 * 3"
 * stays text; "***" opens or closes both. Bold and italic may nest; whatever is left open is text.
 */
function parseInline(text: string, problems: string[]): Inline[] {
  // Most lines are plain text: one node in an array of one, not a growable one
  // (a 1 MB list is 250,000 of them, and V8 pays for every slot it keeps in reserve).
  if (!/[*`[\n]/.test(text)) return text ? [{ type: 'text', text }] : [];
  const root: Inline[] = [];
  /** Open emphasis, innermost last: at most one "**" and one "*", so never more than two deep. */
  const open: { mark: string; children: Inline[]; reported: number }[] = [];
  const out = () => open[open.length - 1]?.children ?? root;
  /** Where the text not yet added starts. */
  let last = 0;
  const flush = (to: number) => to > last && pushText(out(), text.slice(last, to));
  /** Ends the innermost emphasis, as an element or as the text it was written as. */
  const close = (element: boolean) => {
    const { mark, children, reported } = open.pop()!;
    const parent = out();
    if (element) return parent.push({ type: mark === '*' ? 'em' : 'strong', children });
    // An unpaired "**" is reported before the links that follow it.
    if (mark === '**') problems.splice(reported, 0, `unclosed "**" in ${quoted(text)}`);
    pushText(parent, mark);
    for (const child of children) child.type === 'text' ? pushText(parent, child.text) : parent.push(child);
  };
  /** The "]" the last "[" looked for and the ")" after its address: every "[" before it meets the same. */
  let bracket = -1;
  let addressTo = -1;
  let ticks = true;

  for (let at = 0; at < text.length; ) {
    const c = text[at];
    if (c === '`') {
      const end = ticks ? text.indexOf('`', at + 1) : -1;
      if (end < 0) {
        if (ticks) problems.push(`unclosed "\`" in ${quoted(text)}`);
        ticks = false;
      } else if (end > at + 1) {
        flush(at);
        out().push({ type: 'code', text: text.slice(at + 1, end).replace(/\n/g, ' ') });
        last = end + 1;
      }
      at = end < 0 ? at + 1 : end + 1; // "``" stays as text
    } else if (c === '[') {
      // Not one regex run from every "[": one that looks for "](" from each of 250,000 "[" in a
      // row reads the rest of the text each time and takes seconds.
      if (bracket < at) {
        bracket = text.indexOf(']', at);
        if (bracket < 0) bracket = text.length;
        addressTo = text[bracket + 1] === '(' ? addressEnd(text, bracket + 2) : -1;
      }
      if (addressTo < 0) {
        at++;
        continue;
      }
      flush(at);
      const address = text.slice(bracket + 2, addressTo);
      const label = text.slice(at + 1, bracket) || address;
      const checked = checkHref(address);
      const href = 'href' in checked && (!checked.href.startsWith('#faq/') || articleLinkId(checked.href)) ? checked.href : '';
      if (href) {
        const children: Inline[] = [];
        pushText(children, label);
        out().push({ type: 'link', href, children });
      } else {
        problems.push(`link "${address}" ${'problem' in checked ? checked.problem : 'names no entry'}`);
        pushText(out(), label);
      }
      at = last = addressTo + 1;
    } else if (c === '*') {
      let end = at + 1;
      while (text[end] === '*') end++;
      const run = end - at;
      if (run < 4) {
        const canClose = !isBlank(text[at - 1]);
        const canOpen = !isBlank(text[end]);
        const marks = run === 3 ? (open[open.length - 1]?.mark === '*' ? ['*', '**'] : ['**', '*']) : [text.slice(at, end)];
        flush(at);
        last = end;
        for (const mark of marks) {
          const i = open.findIndex((o) => o.mark === mark);
          if (i >= 0 && (mark === '**' || canClose)) {
            // "**a *b** c": the italic opened inside and left open is text.
            while (open.length > i + 1) close(false);
            close(true);
          } else if (i < 0 && (mark === '**' || canOpen)) open.push({ mark, children: [], reported: problems.length });
          else pushText(out(), mark);
        }
      }
      at = end;
    } else {
      // Plain text up to the next sign that may start markup, found at once, not letter by letter.
      INLINE_SIGN.lastIndex = at + 1;
      at = INLINE_SIGN.test(text) ? INLINE_SIGN.lastIndex - 1 : text.length;
    }
  }
  flush(text.length);
  while (open.length) close(false);
  return root;
}

function inlineText(nodes: Inline[]): string {
  let text = '';
  for (const n of nodes) text += 'children' in n ? inlineText(n.children) : n.type === 'break' ? '\n' : n.text;
  return text;
}

const blockText = (b: Block): string =>
  b.type === 'list' ? b.items.map(inlineText).join('\n') : b.type === 'quote' ? b.blocks.map(blockText).join('\n') : inlineText(b.children);

const isQuote = (line: string) => line === '>' || line.startsWith('> ');

/**
 * Reads an answer. A single newline is a line break, a blank line ends a paragraph (or list, or
 * quote). Latvian writes dates and ordinals with a dot ("2025. gada 1. janvārī", "3. stāvā"), so a
 * numbered line starts a list only where the owner clearly wrote one:
 * - in a block of its own (the first line, or after a blank line): the number 1, or the first
 *   of consecutive numbers ("3. …" then "4. …"); the list keeps the owner's first number;
 * - right under a line of text: "1. …" followed by "2. …" (CommonMark lets only 1 interrupt a
 *   paragraph; the second item tells a list from a sentence that goes on "…\n1. janvārī");
 * - in an ordered list: the next number, or the same one again (1. 1. 1.), after a blank line too.
 * Any other numbered line is text: it continues the paragraph or list item above it.
 */
export function parseMarkup(source: string): Markup {
  const problems: string[] = [];
  const blocks = parseBlocks(source.normalize('NFC'), problems, true);
  const first = blocks.find((b) => b.type !== 'heading');
  return {
    blocks,
    text: blocks.map(blockText).join('\n'),
    lead: first?.type === 'paragraph' ? inlineText(first.children) : '',
    problems,
  };
}

/** The blocks of `input`; `quotes` is false inside a quote, where "> " is text. */
function parseBlocks(input: string, problems: string[], quotes: boolean): Block[] {
  const blocks: Block[] = [];
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
  /** The paragraph so far, its lines joined by "\n"; empty when there is none. */
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
    const quote = quotes && isQuote(line);
    if (quote || line.startsWith('### ')) {
      flush();
      if (quote) {
        let inner = line.slice(2);
        for (let more; next !== undefined && isQuote((more = next.trim())); next = readLine()) inner += '\n' + more.slice(2);
        nextNumber = numberOf(next);
        const inside = parseBlocks(inner, problems, false);
        if (inside.length) blocks.push({ type: 'quote', blocks: inside });
      } else blocks.push({ type: 'heading', children: parseInline(line.slice(4).trim(), problems) });
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
      // A line under a list item without a blank line continues that item, after a line break.
      list.items[list.items.length - 1] += '\n' + line;
    } else {
      paragraph = paragraph ? paragraph + '\n' + line : line;
    }
  }
  flush();
  return blocks;
}

/** HTML that owners reach for, and the markup that does the same. */
const INSTEAD: Record<string, string> = {
  b: '**bold**',
  strong: '**bold**',
  i: '*italic*',
  em: '*italic*',
  code: '`code`',
  a: '[text](address)',
  img: 'a link to the picture: [what it shows](address)',
  br: 'a new line',
  p: 'a blank line between paragraphs',
  ul: '"- " at the start of each item',
  ol: '"1. ", "2. " … at the start of each item',
  li: '"- " or "1. " at the start of each item',
  blockquote: '"> " at the start of each line',
  h1: '"### " at the start of the line',
};
// A tag name and attributes: "[^<>]*" stops at the next "<", so no "<" is read twice.
const TAG = /<\/?([a-z][a-z\d]*)\b[^<>]*>/gi;
// No "[" inside the alt text, for the same reason.
const IMAGE = /!\[([^[\]]*)\]\(([^()\s]*)\)?/;
const CODE_SPAN = /`[^`]*`/g;

/** Something an answer writes that the markup does not support, and where. */
export interface Unsupported {
  /** Line and column (from 1) in the answer. */
  line: number;
  column: number;
  /** What it is and what to write instead. */
  message: string;
  /** What the visitor sees of that line instead: the text the parser makes of it. */
  shows: string;
}

/**
 * What an answer writes that the markup does not support, each with what to write instead. It is
 * shown as typed, so nothing breaks: the checker warns (a "<" or "|" may be meant as text).
 * Read line by line, with code spans left out: "`<b>`" shows "<b>" on purpose.
 * Not part of `parseMarkup`, so the widget does not carry it.
 */
export function unsupportedMarkup(source: string): string[] {
  return unsupportedMarkupAt(source).map(({ line, message }) => `answer line ${line}: ${message}`);
}

/** `unsupportedMarkup` with the column of each finding and what its line will look like. */
export function unsupportedMarkupAt(source: string): Unsupported[] {
  const found: Unsupported[] = [];
  let fence = false;
  source.split('\n').forEach((raw, i) => {
    const whole = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    // Code spans blanked rather than cut out when finding columns, so the rest keeps its place.
    const blanked = whole.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
    let shows: string | undefined;
    const say = (what: string, at = 0) => {
      shows ??= parseMarkup(whole).text;
      found.push({ line: i + 1, column: lead + Math.max(at, 0) + 1, message: what, shows });
    };
    // Said at the opening "```", not again at the closing one.
    if (whole.startsWith('```') && (fence = !fence)) return say('code blocks ("```") are not supported; put ` around each piece of code, e.g. `A-123`');
    const line = whole.replace(CODE_SPAN, '');
    const heading = /^#+(?=\s|$)/.exec(line)?.[0];
    if (line === '###') say('a "### " sub-heading needs its text on the same line: "### Title"');
    else if (heading && !line.startsWith('### ')) say(`"${heading}" headings are not supported; start the line with "### " for a sub-heading`);
    if (/^[*+]\s/.test(line)) say(`lists with "${line[0]}" are not supported; start each item with "- "`);
    if (/^>\s*>/.test(line)) say('a quote inside a quote is not supported; one "> " at the start of the line is enough');
    if (line.length > 1 && line.startsWith('|') && line.endsWith('|')) say('tables are not supported; write each row as a "- " list item, or as sentences');
    const image = IMAGE.exec(line);
    // At the image the pattern matched, not at an earlier "![" that opens none ("![[x] and ![map](a.png)").
    if (image) say(`images are not supported ("![${image[1]}](…)"); write [${image[1] || 'what it shows'}](${image[2] || 'address'}) without the "!" to link to the picture`, IMAGE.exec(blanked)?.index ?? blanked.indexOf('!['));
    const tags = new Map<string, number>();
    for (const m of blanked.matchAll(TAG)) if (!tags.has(m[1].toLowerCase())) tags.set(m[1].toLowerCase(), m.index);
    for (const [tag, at] of tags) {
      const instead = INSTEAD[/^h\d$/.test(tag) ? 'h1' : tag];
      say(`HTML such as "<${tag}>" is not supported and shows as typed; ${instead ? `write ${instead} instead` : 'write the text without it'}`, at);
    }
  });
  return found;
}
