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
  | { type: 'list'; ordered: boolean; items: Inline[][] };

export interface Markup {
  blocks: Block[];
  /** Plain text of the whole answer, for search and snippets. */
  text: string;
  /** Mistakes a translator should fix; the renderer has already made them harmless. */
  problems: string[];
}

const BULLET = /^\s*-\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const LINK = /\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/g; // URLs may hold one level of (…)
// Whatever comes before a colon in the first path segment counts as a scheme: "&#106;avascript:"
// is not one the URL parser knows, but it must not pass as an innocent relative link either.
const SCHEME = /^([^/?#]*):/;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
// The URL parser drops ASCII tab and newline anywhere and trims control characters,
// so "java\tscript:" would run as "javascript:": judge the URL the browser would see.
// eslint-disable-next-line no-control-regex
const IGNORED_BY_URL_PARSER = /[\u0000-\u0020\u007f]/g;

/**
 * The href to use for a link, or null when it must not become a link:
 * http(s), mailto, tel, relative URLs and `#faq/<id>` pass; every other scheme is dropped.
 */
export function safeHref(raw: string): string | null {
  const href = raw.replace(IGNORED_BY_URL_PARSER, '');
  // Character references (&#106;) mean nothing in a URL but hide a scheme from a human reader.
  if (!href || /&#?\w+;/.test(href)) return null;
  const scheme = SCHEME.exec(href);
  if (scheme && !ALLOWED_SCHEMES.has(scheme[1].toLowerCase())) return null;
  return href;
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

function parseLinks(text: string, problems: string[]): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', text: text.slice(last, at) });
    const label = m[1] || m[2];
    const href = safeHref(m[2]);
    if (href?.startsWith('#faq/') && !articleLinkId(href)) {
      problems.push(`link "${m[2]}" names no entry`);
      out.push({ type: 'text', text: label });
    } else if (href) {
      out.push({ type: 'link', href, children: [{ type: 'text', text: label }] });
    } else {
      problems.push(`link "${m[2]}" uses a scheme other than https, http, mailto or tel`);
      out.push({ type: 'text', text: label });
    }
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

function parseInline(text: string, problems: string[]): Inline[] {
  const parts = text.split('**');
  // An odd number of "**" leaves the last one unpaired: it stays literal text.
  if (parts.length % 2 === 0) {
    problems.push(`unclosed "**" in "${text.length > 40 ? text.slice(0, 40) + '…' : text}"`);
    parts[parts.length - 2] += '**' + parts.pop();
  }
  const out: Inline[] = [];
  parts.forEach((part, i) => {
    if (!part) return;
    const inline = parseLinks(part, problems);
    if (i % 2 === 1) out.push({ type: 'strong', children: inline });
    else out.push(...inline);
  });
  return out;
}

function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : inlineText(n.children))).join('');
}

export function parseMarkup(source: string): Markup {
  const problems: string[] = [];
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' '), problems) });
    if (list) {
      const ordered = list.ordered;
      blocks.push({ type: 'list', ordered, items: list.items.map((item) => parseInline(item, problems)) });
    }
    paragraph = [];
    list = null;
  };

  for (const rawLine of source.normalize('NFC').split(/\r?\n/)) {
    const line = rawLine.trim();
    const bullet = BULLET.exec(rawLine);
    const numbered = bullet ? null : NUMBERED.exec(rawLine);
    if (!line) {
      flush();
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(rawLine.slice((bullet ?? numbered)![0].length).trim());
    } else if (list) {
      // A line under a list item without a blank line continues that item.
      list.items[list.items.length - 1] += ' ' + line;
    } else {
      paragraph.push(line);
    }
  }
  flush();

  const text = blocks
    .map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.items.map(inlineText).join('\n')))
    .join('\n');
  return { blocks, text, problems };
}
