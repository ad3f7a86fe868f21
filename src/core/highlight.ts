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
  const merged: Range[] = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(0, s);
    const end = Math.min(text.length, e);
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/**
 * A window of about `length` characters of `text` around its first match,
 * cut at word boundaries, with ellipses where text was cut.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = 140): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, terms);
  if (flat.length <= length) return toSegments(flat, ranges);

  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  let end = Math.min(flat.length, start + length);
  start = Math.max(0, end - length);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;

  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  const cut = prefix + flat.slice(start, end) + suffix;
  return toSegments(
    cut,
    ranges.map(([s, e]): Range => [s + shift, e + shift]).filter(([s, e]) => s >= prefix.length && e <= cut.length - suffix.length),
  );
}
