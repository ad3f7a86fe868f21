/**
 * Markdown → the widget's answer markup, for `faq-widget build`. Build-time only: the Markdown,
 * GFM and front matter parsers imported here never reach the widget (nothing outside src/cli
 * imports this file).
 *
 * The Markdown is read by micromark (CommonMark + GFM), so what an owner sees on GitHub or in an
 * editor's preview is what is converted. Each node becomes the widget's own tree (src/core/markup.ts
 * `Block` / `Inline`), that tree is written out as markup, and the markup is read back by the
 * widget's parser: where the two trees differ, the widget would show something else than the owner
 * wrote, and the owner is told where. What the widget cannot show is converted or dropped, and
 * each such change is reported with the file, line and column it came from:
 *
 * - headings of every level become "### " sub-headings (the widget has one level);
 * - a soft line break is a space, as in any Markdown; a hard break ("  " or "\" at the end of a
 *   line, or `<br>`) is a line break;
 * - images become links to the picture; tables become a list, one item per row;
 * - code blocks become one `code` span per line; lists inside lists become lines of the item
 *   above, starting with "–"; quotes inside quotes are merged into the outer quote;
 * - raw HTML tags (the text between them is kept), struck-through text, footnotes and thematic
 *   breaks are dropped;
 * - links to another Markdown file of the same folder (`[x](./salary.md)`) become `#faq/salary`
 *   links to that file's entry; `www.…` links get "https://".
 */
import { isDeepStrictEqual } from 'node:util';
import type {
  Definition,
  List,
  Nodes,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  Yaml,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { checkHref, parseMarkup, type Block, type Inline } from '../core/markup';

/** Something the build did or could not do, at a place in a source file. */
export interface Note {
  level: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** Reads a Markdown file into mdast, front matter as a `yaml` node. */
export function readMarkdown(text: string): Root {
  // A byte-order mark would hide the front matter's opening "---"; "\r\n" is a line end like "\n".
  return fromMarkdown(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC'), {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
}

/** The front matter node of a tree, if the file has one. */
export const frontMatterOf = (tree: Root): Yaml | undefined => (tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined);

/** Plain text of a node, as a visitor would read it (for questions and link labels). */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('value' in node && node.type !== 'html' && node.type !== 'yaml') return node.value.replace(/\s*\n\s*/g, ' ');
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

export interface ConvertOptions {
  /** The file, as findings name it. */
  file: string;
  /**
   * The entry id a relative link target names (e.g. "./salary.md", already stripped of any
   * "#fragment"), or undefined when the link does not point at an entry file of this folder.
   */
  entryOf: (target: string) => string | undefined;
  /** Whether `#faq/<id>` may link to `id`. */
  hasEntry: (id: string) => boolean;
}

/** The answer markup of `nodes` (the body of an entry file), and what had to change on the way. */
export function toMarkup(nodes: RootContent[], options: ConvertOptions): { answer: string; notes: Note[] } {
  const converter = new Converter(nodes, options);
  const { blocks, at } = converter.blocks(nodes, 'answer');
  const answer = blocks.map(blockSource).join('\n\n');
  // The proof: the widget's parser must read back the tree built here.
  const back = parseMarkup(answer).blocks;
  const differs = blocks.findIndex((block, i) => !isDeepStrictEqual(block, back[i]));
  if (differs >= 0 || back.length !== blocks.length) {
    const i = differs >= 0 ? differs : blocks.length - 1;
    converter.note(at[i], 'warning', 'this part will look different in the widget: its text has a "*", "`", "[" or a line starting with "- ", "1. ", "> " or "### " that the widget reads as markup; reword it or put it in `code`');
  }
  return { answer, notes: converter.notes };
}

/** Where a block came from: its node's start. */
type At = { line: number; column: number } | undefined;
const startOf = (node: Nodes): At => node.position && { line: node.position.start.line, column: node.position.start.column };

class Converter {
  notes: Note[] = [];
  private definitions = new Map<string, Definition>();

  constructor(
    nodes: RootContent[],
    private options: ConvertOptions,
  ) {
    // Reference-style links and images need their definitions, which may come anywhere in the file.
    const collect = (list: Nodes[]) => {
      for (const node of list) {
        if (node.type === 'definition' && !this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node);
        else if ('children' in node) collect(node.children as Nodes[]);
      }
    };
    collect(nodes);
  }

  note(at: At, level: Note['level'], message: string) {
    this.notes.push({ level, file: this.options.file, ...at, message });
  }

  private drop(node: Nodes, message: string) {
    this.note(startOf(node), 'warning', message);
  }

  /** The blocks of `nodes`, each with where it starts; `inside` a quote or a list item, or neither. */
  blocks(nodes: RootContent[], inside: 'answer' | 'quote' | 'item'): { blocks: Block[]; at: At[] } {
    const blocks: Block[] = [];
    const at: At[] = [];
    const add = (block: Block | undefined, node: Nodes) => {
      if (!block || (block.type !== 'list' && block.type !== 'quote' && !block.children.length)) return;
      blocks.push(block);
      at.push(startOf(node));
    };
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
          add({ type: 'paragraph', children: this.line(node.children) }, node);
          break;
        case 'heading':
          // One line: a hard break inside a heading would end it.
          add({ type: 'heading', children: tidy(this.inlines(node.children).map((n) => (n.type === 'break' ? { type: 'text', text: ' ' } : n))) }, node);
          break;
        case 'list':
          add(this.list(node), node);
          break;
        case 'blockquote': {
          const inner = this.blocks(node.children, 'quote');
          if (inside === 'quote') {
            // A quote holds no quote of its own: its blocks join the outer quote.
            this.drop(node, 'a quote inside a quote is not supported: its text was merged into the outer quote');
            inner.blocks.forEach((b, i) => (blocks.push(b), at.push(inner.at[i])));
          } else if (inner.blocks.length) add({ type: 'quote', blocks: inner.blocks }, node);
          break;
        }
        case 'code':
          this.drop(node, 'code blocks are not supported: each line became a `code` span of its own');
          add({ type: 'paragraph', children: codeLines(node.value) }, node);
          break;
        case 'table':
          this.drop(node, 'tables are not supported: each row became a list item, its cells "Heading: value" separated by ";"');
          add(this.table(node), node);
          break;
        case 'html':
          if (!/^<!--[^]*-->$/.test(node.value.trim())) this.drop(node, `HTML is not supported: "${short(node.value)}" was dropped`);
          break;
        case 'thematicBreak':
          this.drop(node, 'a horizontal rule ("---") is not supported and was dropped; a "### " sub-heading can separate parts');
          break;
        case 'footnoteDefinition':
          this.drop(node, `footnotes are not supported: the footnote "[^${node.label ?? node.identifier}]" was dropped; write its text in the answer`);
          break;
        case 'definition':
        case 'yaml':
          break; // used by the references that name it; the front matter is read elsewhere
        default:
          this.drop(node, `"${node.type}" is not supported and was dropped`);
      }
    }
    return { blocks, at };
  }

  private list(node: List): Block {
    const items = node.children.map((item) => {
      let prefix = '';
      if (typeof item.checked === 'boolean') {
        this.drop(item, `task list boxes are not supported: "[${item.checked ? 'x' : ' '}]" became "${item.checked ? '☑' : '☐'}"`);
        prefix = item.checked ? '☑ ' : '☐ ';
      }
      const { blocks } = this.blocks(item.children, 'item');
      // An item is one run of text: its paragraphs are lines, anything else is flattened into it.
      const out: Inline[] = prefix ? [{ type: 'text', text: prefix }] : [];
      blocks.forEach((block, i) => {
        if (i) out.push({ type: 'break' });
        out.push(...flatten(block));
      });
      for (const child of item.children) {
        if (child.type === 'list') this.drop(child, 'lists inside lists are not supported: the inner items became lines of the item above, starting with "–"');
        else if (child.type === 'heading' || child.type === 'blockquote') this.drop(child, `a ${child.type === 'heading' ? 'heading' : 'quote'} inside a list item is not supported: it became text of the item`);
      }
      return tidy(out);
    });
    return { type: 'list', ordered: !!node.ordered, ...(node.ordered && (node.start ?? 1) !== 1 && { start: node.start! }), items };
  }

  private table(node: Table): Block {
    const [head, ...rows] = node.children;
    const names = head.children.map((cell) => plainText(cell).trim());
    const items = rows.map((row) => {
      const out: Inline[] = [];
      row.children.forEach((cell, i) => {
        const value = this.line(cell.children);
        if (!value.length) return;
        if (out.length) out.push({ type: 'text', text: '; ' });
        if (names[i]) out.push({ type: 'text', text: `${names[i]}: ` });
        out.push(...value);
      });
      return tidy(out);
    });
    return { type: 'list', ordered: false, items: items.length ? items : [tidy([{ type: 'text', text: names.join('; ') }])] };
  }

  /** The inline content of a paragraph or cell, tidied as the widget reads a line. */
  private line(nodes: PhrasingContent[]): Inline[] {
    return tidy(this.inlines(nodes));
  }

  private inlines(nodes: PhrasingContent[]): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          // A soft line break is a space in Markdown; the widget would read it as a line break.
          pushText(out, node.value.replace(/[ \t]*\n[ \t]*/g, ' '));
          break;
        case 'break':
          out.push({ type: 'break' });
          break;
        case 'strong':
        case 'emphasis': {
          const children = this.inlines(node.children);
          if (children.length) out.push({ type: node.type === 'strong' ? 'strong' : 'em', children });
          break;
        }
        case 'delete':
          // Struck-through text is what no longer holds: shown plain it would say the opposite.
          this.drop(node, `strikethrough is not supported: the struck-through text "${short(plainText(node))}" was dropped`);
          break;
        case 'inlineCode':
          if (node.value.includes('`')) {
            this.drop(node, 'a `code` span containing "`" cannot be shown as code: it became plain text');
            pushText(out, node.value);
          } else if (node.value) out.push({ type: 'code', text: node.value.replace(/\n/g, ' ') });
          break;
        case 'link':
          this.link(out, node.url, node, plainText(node).trim());
          break;
        case 'linkReference': {
          const definition = this.definitions.get(node.identifier);
          if (definition) this.link(out, definition.url, node, plainText(node).trim());
          else pushText(out, plainText(node));
          break;
        }
        case 'image':
        case 'imageReference': {
          const url = node.type === 'image' ? node.url : this.definitions.get(node.identifier)?.url;
          const alt = node.alt?.trim() || 'picture';
          this.drop(node, `images are not supported: "${short(alt)}" became a link to the picture`);
          if (url) this.link(out, url, node, alt, false);
          else pushText(out, alt);
          break;
        }
        case 'html':
          if (/^<br\s*\/?>$/i.test(node.value)) out.push({ type: 'break' });
          else if (!node.value.startsWith('<!--')) this.drop(node, `HTML is not supported: the tag "${short(node.value)}" was dropped, the text around it kept`);
          break;
        case 'footnoteReference':
          this.drop(node, `footnotes are not supported: the reference "[^${node.label ?? node.identifier}]" was dropped`);
          break;
        default:
          pushText(out, plainText(node as Nodes));
      }
    }
    return out;
  }

  /** Adds a link, or its label as text when the address cannot work, saying why. */
  private link(out: Inline[], url: string, node: Parents | Nodes, label: string, noteFormatting = true) {
    if (noteFormatting && 'children' in node && node.children.some((c) => c.type !== 'text')) {
      this.drop(node, 'formatting inside a link is not shown by the widget: the link text was kept as plain text');
    }
    let href = url;
    const target = /^[^:/?#]+\.md(?=$|#)|^\.\.?\/[^:?#]*\.md(?=$|#)/i.exec(url)?.[0];
    if (target) {
      const id = this.options.entryOf(target);
      if (!id) {
        this.drop(node, `the link to "${url}" names no entry file of this folder: kept as text; link to a file beside this one, e.g. [text](./other.md)`);
        return pushText(out, label || url);
      }
      href = `#faq/${id}`;
    } else if (/^http:\/\/www\./i.test(url) && label === url.slice('http://'.length)) {
      // A bare "www.example.lv" in the text, which GFM links with http://: https, as a link written "www.…" gets.
      href = `https://${label}`;
    } else if (/^www\./i.test(url)) {
      href = `https://${url}`;
      this.drop(node, `the link "${url}" has no scheme and would open as a page of your own site: written as "${href}"`);
    }
    const faqId = /^#faq\/(.*)$/.exec(href)?.[1];
    if (faqId !== undefined && !this.options.hasEntry(decodeURIComponentSafe(faqId))) {
      this.note(startOf(node as Nodes), 'warning', `the link "${url}" names entry "${faqId}", which this language does not have`);
    }
    const checked = checkHref(href);
    if ('problem' in checked) {
      this.note(startOf(node as Nodes), 'warning', `the link "${url}" ${checked.problem}: kept as text`);
      return pushText(out, label || url);
    }
    out.push({ type: 'link', href: checked.href, children: [{ type: 'text', text: label || url }] });
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const short = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 40 ? line.slice(0, 40) + '…' : line;
};

/** Appends text, joined to the text node before it, as the widget's parser does. */
function pushText(out: Inline[], text: string) {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else if (text) out.push({ type: 'text', text });
}

/**
 * The inline run as the widget reads a line: no blank at either end of a line and no line break at
 * either end (a newline there would end the paragraph or start an empty line), no empty text.
 */
function tidy(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') pushText(out, node.text);
    else out.push(node);
  }
  for (let i = 0; i < out.length; i++) {
    const node = out[i];
    if (node.type !== 'text') continue;
    if (i === 0 || out[i - 1].type === 'break') node.text = node.text.trimStart();
    if (i === out.length - 1 || out[i + 1].type === 'break') node.text = node.text.trimEnd();
  }
  const kept = out.filter((n, i) => !(n.type === 'text' && !n.text) && !(n.type === 'break' && out[i - 1]?.type === 'break'));
  while (kept[0]?.type === 'break') kept.shift();
  while (kept[kept.length - 1]?.type === 'break') kept.pop();
  return kept;
}

/** A code block as a paragraph of `code` lines; blank lines are left out (they would end it). */
function codeLines(value: string): Inline[] {
  const out: Inline[] = [];
  for (const line of value.split('\n')) {
    if (!line.trim()) continue;
    if (out.length) out.push({ type: 'break' });
    // A "`" cannot be inside a code span of the widget's: such a line stays text.
    out.push(line.includes('`') ? { type: 'text', text: line.trim() } : { type: 'code', text: line.trimEnd() });
  }
  return tidy(out);
}

/** A block as one run of text, for a list item: a list's items become lines starting with "–". */
function flatten(block: Block): Inline[] {
  if (block.type === 'paragraph' || block.type === 'heading') return block.children;
  const lines: Inline[][] =
    block.type === 'quote' ? block.blocks.map(flatten) : block.items.map((item) => [{ type: 'text', text: '– ' }, ...item]);
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i) out.push({ type: 'break' });
    out.push(...line);
  });
  return out;
}

/** The widget's markup for an inline run. */
function inlineSource(nodes: Inline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'break') out += '\n';
    else if (node.type === 'code') out += `\`${node.text}\``;
    else if (node.type === 'link') out += `[${inlineSource(node.children)}](${node.href})`;
    else out += node.type === 'strong' ? `**${inlineSource(node.children)}**` : `*${inlineSource(node.children)}*`;
  }
  return out;
}

/** The widget's markup for a block. */
export function blockSource(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineSource(block.children);
    case 'heading':
      return `### ${inlineSource(block.children)}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${(block.start ?? 1) + i}. ` : '- '}${inlineSource(item)}`).join('\n');
    case 'quote':
      return block.blocks
        .map(blockSource)
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
  }
}
