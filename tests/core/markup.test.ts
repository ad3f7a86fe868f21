import { describe, expect, it } from 'vitest';
import { parseMarkup, safeHref, type Block } from '../../src/core/markup';

describe('parseMarkup', () => {
  it('reads paragraphs, bullet lists and numbered lists', () => {
    const { blocks } = parseMarkup('First line\ncontinues.\n\n- one\n- two\n\n1. first\n2. second');
    expect(blocks).toEqual<Block[]>([
      { type: 'paragraph', children: [{ type: 'text', text: 'First line continues.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]] },
    ]);
  });

  it('reads bold text and links, also inside each other', () => {
    const { blocks } = parseMarkup('Pay is **about [$14](https://example.com/pay) an hour**.');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Pay is ' },
        {
          type: 'strong',
          children: [
            { type: 'text', text: 'about ' },
            { type: 'link', href: 'https://example.com/pay', children: [{ type: 'text', text: '$14' }] },
            { type: 'text', text: ' an hour' },
          ],
        },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('gives plain text for search, without markup characters', () => {
    expect(parseMarkup('**Bold** and [a link](https://x.lv)\n\n- item').text).toBe('Bold and a link\nitem');
  });

  it('keeps HTML as plain text', () => {
    const { blocks } = parseMarkup('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('leaves an unclosed ** as literal text and reports it', () => {
    const { blocks, problems } = parseMarkup('**bold** and **open');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'strong', children: [{ type: 'text', text: 'bold' }] }, { type: 'text', text: ' and **open' }],
    });
    expect(problems).toEqual([expect.stringContaining('unclosed "**"')]);
  });

  it('turns a #faq/ link with a mangled id into its label and reports it', () => {
    const { blocks, problems } = parseMarkup('[x](#faq/%E0%A4%A)');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }]);
    expect(problems).toEqual(['link "#faq/%E0%A4%A" names no entry']);
  });

  it('turns a link with a forbidden scheme into its label and reports it', () => {
    const { blocks, problems } = parseMarkup('[click](javascript:alert(1))');
    expect(JSON.stringify(blocks)).not.toContain('javascript');
    expect(problems).toHaveLength(1);
  });
});

describe('safeHref', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'mailto:help@example.lv',
    'tel:+37160000000',
    '/help/contact',
    './relative',
    '../up',
    '?q=1',
    '#faq/salary',
  ])('allows %s', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '&#106;avascript:alert(1)',
    'jav&#x61;script:alert(1)',
    '&colon;javascript:alert(1)',
  ])('drops %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });
});
