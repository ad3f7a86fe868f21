import { tokenize } from './fold';

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

/**
 * A window of about `length` characters of `text` around its first match,
 * cut at word boundaries, with ellipses where text was cut.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = 140): Segment[] {
  let cut = text.replace(/\s+/g, ' ').trim();
  if (cut.length > length) {
    const first = matchRanges(cut, terms)[0]?.[0] ?? 0;
    const start = Math.max(0, Math.min(first - Math.floor(length / 3), cut.length - length));
    const end = start + length;
    const whole = cut;
    cut = whole.slice(start, end);
    // Whole words only: the word cut in half at either end goes, an ellipsis takes its place.
    if (start > 0) cut = '…' + cut.replace(/^\S*\s/, '');
    if (end < whole.length) cut = cut.replace(/\s\S*$/, '') + '…';
  }
  return toSegments(cut, matchRanges(cut, terms));
}
