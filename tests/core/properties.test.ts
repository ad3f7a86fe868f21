import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchRanges, snippet, toSegments } from '../../src/core/highlight';
import { parseMarkup, safeHref, type Block, type Inline } from '../../src/core/markup';
import { createSearchIndex } from '../../src/core/search';

/**
 * Random and adversarial input for the pieces that see content and queries: they never throw,
 * and what they produce stays inside the allowed shapes.
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '**',
  '[x](',
  '](javascript:alert(1))',
  '\u0000\u202e\ufeff',
  '🙂👍🏽🇱🇻',
  'مرحبا',
];
/** Every character and line start the markup gives a meaning to, and some it does not support. */
const MARKS = ['\n', '\n\n', '- ', '1. ', '**', '*', '***', '`', '[', ']', '(', ')', '### ', '## ', '> ', '\n> ', '>', '|', '![x](https://x.lv/a.png)', '<b>', '\r\n'];
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(...PAYLOADS),
  fc.array(fc.oneof(fc.constantFrom(...PAYLOADS, ...MARKS), fc.string({ maxLength: 20 })), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 10 })).map(([a, p, b]) => `${a}[${b}](${p})`),
);

const ALLOWED_SCHEME = /^(https?:|mailto:|tel:)/i;

function inlines(nodes: Inline[], visit: (n: Inline) => void) {
  for (const n of nodes) {
    visit(n);
    if ('children' in n) inlines(n.children, visit);
  }
}
function everyBlock(blocks: Block[], visit: (b: Block) => void) {
  for (const b of blocks) {
    visit(b);
    if (b.type === 'quote') everyBlock(b.blocks, visit);
  }
}
function everyInline(blocks: Block[], visit: (n: Inline) => void) {
  everyBlock(blocks, (b) => (b.type === 'list' ? b.items : b.type === 'quote' ? [] : [b.children]).forEach((nodes) => inlines(nodes, visit)));
}

describe('markup under random and hostile input', () => {
  it('never throws and only yields the allowed blocks and inlines, and safe links', () => {
    fc.assert(
      fc.property(hostile, (source) => {
        const { blocks, text } = parseMarkup(source);
        expect(typeof text).toBe('string');
        everyBlock(blocks, (b) => {
          expect(['paragraph', 'heading', 'list', 'quote']).toContain(b.type);
          // Quotes do not nest, so no input makes the tree deep.
          if (b.type === 'quote') expect(b.blocks.every((inner) => inner.type !== 'quote')).toBe(true);
        });
        everyInline(blocks, (n) => {
          expect(['text', 'strong', 'em', 'code', 'break', 'link']).toContain(n.type);
          if (n.type === 'text' || n.type === 'code') expect(n.text).not.toContain('\n');
          if (n.type === 'link') {
            const href = n.href.replace(/[\u0000-\u0020\u007f]/g, '');
            // A scheme, if there is one, is an allowed one; anything else is a relative URL.
            const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
            if (scheme) expect(href).toMatch(ALLOWED_SCHEME);
            expect(safeHref(n.href)).toBe(n.href);
          }
        });
      }),
      { numRuns: 2000 },
    );
  });

  /** Words without markup characters, and each construct around them with the text it stands for. */
  // Not "2." alone: at the start of a line, before another word, that is a numbered list item.
  const word = fc.stringMatching(/^[a-zāčēļšž0-9.,?!$]{1,8}$/).filter((w) => !/^\d{1,9}\.$/.test(w));
  const inline = fc.oneof(
    word.map((w) => [w, w]),
    word.map((w) => [`**${w}**`, w]),
    word.map((w) => [`*${w}*`, w]),
    fc.tuple(word, word).map(([a, b]) => [`**${a} *${b}***`, `${a} ${b}`]),
    fc.tuple(word, word).map(([a, b]) => [`*${a} **${b}***`, `${a} ${b}`]),
    // Code shows what is between the backticks as written, markup characters included.
    fc.tuple(word, fc.constantFrom('**', '*', '[x](y)', '<b>', '# ', '> ')).map(([w, m]) => [`\`${m}${w}\``, `${m}${w}`]),
    word.map((w) => [`[${w}](https://x.lv/${w})`, w]),
  );
  const line = fc.tuple(fc.constantFrom('', '### ', '- ', '> '), fc.array(inline, { minLength: 1, maxLength: 5 })).map(([start, parts]) => [
    start + parts.map(([source]) => source).join(' '),
    parts.map(([, text]) => text).join(' '),
  ]);

  it('gives as plain text each line without its markup characters, lines and blocks apart by a newline', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 8 }), (lines) => {
        const source = lines.map(([[source], end]) => source + end).join('');
        const { text, problems } = parseMarkup(source);
        expect(problems).toEqual([]);
        expect(text).toBe(lines.map(([[, plain]]) => plain).join('\n'));
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets any spelling of javascript:, data: or vbscript: through', () => {
    const schemes = fc.constantFrom('javascript', 'data', 'vbscript', 'file');
    const noise = fc.constantFrom('', '\t', '\n', '\r', ' ', '\u0000', '\u001f');
    const spelled = fc
      .tuple(schemes, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), noise, noise)
      .map(([s, caps, a, b]) => a + [...s].map((c, i) => (caps[i] ? c.toUpperCase() : c)).join(b) + ':alert(1)');
    fc.assert(
      fc.property(spelled, (href) => {
        expect(safeHref(href)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('highlighting under random input', () => {
  it('cuts any text by any ranges into segments that rebuild the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.array(fc.tuple(fc.integer({ min: -50, max: 150 }), fc.integer({ min: -50, max: 150 }))), (text, ranges) => {
        const segments = toSegments(text, ranges);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
  });

  it('snippets any answer without throwing, within the length asked', () => {
    fc.assert(
      fc.property(hostile, fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }), fc.integer({ min: 20, max: 300 }), (text, terms, length) => {
        const out = snippet(text, new Set(terms), length);
        expect(out.map((s) => s.text).join('').length).toBeLessThanOrEqual(length + 2);
        expect(matchRanges(text, new Set(terms)).every(([s, e]) => s < e)).toBe(true);
      }),
    );
  });
});

describe('search under random input', () => {
  const index = createSearchIndex(
    PAYLOADS.map((p, i) => ({ id: `e${i}`, question: p, answer: `${p} atbilde alga`, keywords: [p], category: p })),
    'lv',
  );
  it('never throws and returns scores between 0 and 1', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 500 })), (query) => {
        for (const hit of index.search(query)) {
          expect(hit.score).toBeGreaterThan(0);
          expect(hit.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
