import { h, Fragment } from 'preact';
import type { Segment } from '../core/highlight';

export interface HighlightProps {
  segments: Segment[];
}

/** Matched parts as <mark> elements: text nodes only, never HTML. */
export function Highlight({ segments }: HighlightProps) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i} class="faq-mark">{s.text}</mark> : s.text))}
    </>
  );
}
