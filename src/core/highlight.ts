import { firstOccurrences, tokenize } from './fold';

/** A half-open range [start, end) of characters to highlight. */
export type Range = [start: number, end: number];

export interface Segment {
  text: string;
  match: boolean;
}

/** Ranges of the words in `text` whose folded form is one of `terms`. */
export function matchRanges(text: string, terms: ReadonlySet<string>): Range[] {
  if (!terms.size) return [];
  return tokenize(text)
    .filter((t) => terms.has(t.folded))
    .map((t): Range => [t.start, t.end]);
}

/**
 * Cuts text into plain and matched segments for the view to wrap in <mark>.
 * Ranges may overlap, touch or arrive unsorted; out-of-bounds parts are ignored.
 */
export function toSegments(text: string, ranges: readonly Range[]): Segment[] {
  const marked = new Uint8Array(text.length);
  for (const [start, end] of ranges) if (end > start && end > 0) marked.fill(1, Math.max(0, start), end);
  const segments: Segment[] = [];
  for (let at = 0; at < text.length; ) {
    let next = at + 1;
    while (next < text.length && marked[next] === marked[at]) next++;
    segments.push({ text: text.slice(at, next), match: marked[at] === 1 });
    at = next;
  }
  return segments;
}

/** An answer's text and lead with whitespace collapsed, and where each of its words first occurs. */
interface Prepared {
  text: string;
  lead?: string;
  first?: Map<string, number>;
}
// Per answer object, so each keystroke looks its match up instead of rereading a long answer.
const prepared = new WeakMap<object, Prepared>();

/**
 * Whitespace as one space on one line. Where a sub-heading, list item or line ends without
 * punctuation, " · " keeps it apart from what follows ("Alga · Aptuveni 14 $", "pacietība · empātija").
 */
const oneLine = (text: string) =>
  text.trim().replace(/\s+/g, (space, at: number, whole: string) => (space.includes('\n') && !/[.!?:;…]/.test(whole[at - 1]) ? ' · ' : ' '));

function prepare(answer: string | { text: string; lead?: string }): Prepared {
  if (typeof answer === 'string') return { text: oneLine(answer) };
  let ready = prepared.get(answer);
  if (!ready) prepared.set(answer, (ready = { text: oneLine(answer.text), lead: oneLine(answer.lead ?? '') }));
  return ready;
}

/**
 * A window of about `length` characters of an answer around its first match, cut at word
 * boundaries, with ellipses where text was cut. When nothing in a long answer matched (the
 * question or keywords did), its lead: the first paragraph, which stands alone as a short answer.
 * Given the answer's `Markup` rather than its text, the work on a long answer is done once:
 * later calls cost the same for 100 words or 1 MB.
 */
export function snippet(answer: string | { text: string; lead?: string }, terms: ReadonlySet<string>, length = 140): Segment[] {
  const source = prepare(answer);
  let whole = source.text;
  let first = 0;
  if (whole.length > length) {
    source.first ??= firstOccurrences(whole);
    first = Infinity;
    for (const term of terms) first = Math.min(first, source.first.get(term) ?? Infinity);
    if (first === Infinity) {
      whole = source.lead || whole;
      first = 0;
    }
  }
  let cut = whole;
  if (whole.length > length) {
    const start = Math.max(0, Math.min(first - Math.floor(length / 3), whole.length - length));
    const end = start + length;
    cut = whole.slice(start, end);
    // Whole words only: the word cut in half at either end goes, an ellipsis takes its place.
    if (start > 0) cut = '…' + cut.replace(/^\S*\s/, '');
    if (end < whole.length) cut = cut.replace(/\s\S*$/, '');
    // After a full stop the ellipsis stands apart: "zvanu. …", not "zvanu.…".
    if (end < whole.length) cut += /[.!?]$/.test(cut) ? ' …' : '…';
  }
  return toSegments(cut, matchRanges(cut, terms));
}
