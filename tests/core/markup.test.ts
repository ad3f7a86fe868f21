import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkup, safeHref, unsupportedMarkupAt, type Block, type Inline } from '../../src/core/markup';

describe('parseMarkup', () => {
  it('reads paragraphs, bullet lists and numbered lists; a single newline is a line break', () => {
    const { blocks } = parseMarkup('First line\nsecond line.\n\n- one\n- two\n\n1. first\n2. second');
    expect(blocks).toEqual<Block[]>([
      { type: 'paragraph', children: [{ type: 'text', text: 'First line' }, { type: 'break' }, { type: 'text', text: 'second line.' }] },
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

describe('safeHref and the address the browser would follow', () => {
  it.each([
    ['/\\evil.example/login', 'a backslash the URL parser reads as a slash: another host'],
    ['\\\\evil.example', 'two backslashes: a host'],
    ['http:\\\\evil.example', 'backslashes after the scheme'],
    ['https:evil.example', 'no slashes: a path on an https page, a host on an http one'],
    ['https:/evil.example', 'one slash: the same'],
    ['http:evil.example', 'the same for http'],
    ['///evil.example', 'three slashes: the parser skips to a host'],
    ['https:///evil.example', 'three slashes after the scheme'],
    ['/help\\..\\..\\other', 'a backslash in the path'],
    ['http://[', 'no address at all'],
  ])('drops %j (%s)', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each(['//other.example/help', 'help/contact', 'https://example.com/a?path=c:\\d', 'https://example.com/#a\\b'])('allows %j', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it('lets through only links that land, from any page, on that page or on one place the link names', () => {
    const pages = ['https://a.lv/x/y', 'http://b.lv/', 'https://c.lv:8443/z/w?q=1#f', 'http://127.0.0.1:5173/demo/'].map((u) => new URL(u));
    const piece = fc.constantFrom('/', '//', '\\', ':', 'http', 'https', 'mailto', 'evil.example', '.', '..', '?', '#', '@', '%5C', '%2F', 'a', ' ', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (raw) => {
        const href = safeHref(raw);
        if (href === null) return;
        expect(href.split(/[?#]/)[0]).not.toContain('\\');
        const landed = pages.map((page) => new URL(href, page));
        const onEachPage = landed.every((url, i) => url.origin === pages[i].origin);
        const onePlace = landed.every((url) => url.href === landed[0].href);
        const oneHost = landed.every((url, i) => url.host === landed[0].host && url.protocol === pages[i].protocol);
        expect(onEachPage || onePlace || oneHost, `${raw} → ${landed.map(String).join(' ')}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('drops such a link, keeps its text and says why', () => {
    const { blocks, problems } = parseMarkup('Skatiet [palīdzību](/\\evil.example/login).');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Skatiet palīdzību.' }] }]);
    expect(problems).toEqual([
      'link "/\\evil.example/login" is read by browsers as another address than it shows; write a full https:// address or a path such as /help',
    ]);
  });
});

/** A numbered line starts a list only where the owner clearly wrote one: Latvian dates and ordinals end in a dot. */
describe('parseMarkup: numbered lists and Latvian dates', () => {
  /** Text with each "\n" as a line break. */
  const lines = (text: string): Inline[] => text.split('\n').flatMap((t, i): Inline[] => [...(i ? [{ type: 'break' as const }] : []), { type: 'text', text: t }]);
  const p = (text: string): Block => ({ type: 'paragraph', children: lines(text) });
  const ol = (items: string[], start?: number): Block => ({ type: 'list', ordered: true, ...(start && { start }), items: items.map(lines) });
  const ul = (items: string[]): Block => ({ type: 'list', ordered: false, items: items.map(lines) });

  it.each<[string, string, Block[]]>([
    ['a date on the line under a sentence stays text ("…\\n2025. gada 1. janvārī")', 'Līgums stājas spēkā\n2025. gada 1. janvārī.', [p('Līgums stājas spēkā\n2025. gada 1. janvārī.')]],
    ['a year alone in its block stays text: one item numbered 2025 is a date, not a list', '2025. gada 1. janvārī līgums beidzas.', [p('2025. gada 1. janvārī līgums beidzas.')]],
    ['an ordinal under a sentence stays text ("…\\n3. stāvā")', 'Birojs atrodas\n3. stāvā.', [p('Birojs atrodas\n3. stāvā.')]],
    ['"1." under a sentence with no "2." after it stays text ("…\\n1. janvārī")', 'Darbs sākas\n1. janvārī.', [p('Darbs sākas\n1. janvārī.')]],
    ['"1." then "2." under a sentence start a list (CommonMark lets only 1 interrupt a paragraph)', 'Soļi:\n1. Pieteikties.\n2. Gaidīt.', [p('Soļi:'), ol(['Pieteikties.', 'Gaidīt.'])]],
    ['"1." in a block of its own starts a list', 'Ievads.\n\n1. Vienīgais solis.', [p('Ievads.'), ol(['Vienīgais solis.'])]],
    ['consecutive numbers in a block of its own start a list that keeps the first number ("3." stays 3)', '3. trešais\n4. ceturtais', [ol(['trešais', 'ceturtais'], 3)]],
    ['a date under a list item continues the item, as its number does not follow on', '1. Iesniegt līdz\n2025. gada 1. martam.\n2. Gaidīt.', [ol(['Iesniegt līdz\n2025. gada 1. martam.', 'Gaidīt.'])]],
    ['the same number again is the next item (1. 1. 1.)', '1. a\n1. b\n1. c', [ol(['a', 'b', 'c'])]],
    ['the next number after a blank line continues the list', '1. a\n\n2. b', [ol(['a', 'b'])]],
    ['text after a blank line ends the list', '1. a\n\n2025. gada beigās', [ol(['a']), p('2025. gada beigās')]],
    ['numbers that do not follow on after a blank line start a new list with their own first number', '1. a\n\n3. c\n4. d', [ol(['a']), ol(['c', 'd'], 3)]],
    ['"1." and "2." right under a bullet list start a numbered one', '- a\n1. b\n2. c', [ul(['a']), ol(['b', 'c'])]],
    ['a number of ten digits is text, as CommonMark', '1234567890. x\n1234567891. y', [p('1234567890. x\n1234567891. y')]],
    ['a bullet under a sentence starts a bullet list, as before', 'Saraksts:\n- a\n- b', [p('Saraksts:'), ul(['a', 'b'])]],
  ])('%s', (_, source, blocks) => {
    expect(parseMarkup(source).blocks).toEqual(blocks);
  });

  it('keeps every number of the text for search', () => {
    expect(parseMarkup('Līgums stājas spēkā\n2025. gada 1. janvārī.').text).toBe('Līgums stājas spēkā\n2025. gada 1. janvārī.');
  });
});

/** What owners write for longer answers: sub-headings, italic, code, quotes and line breaks. */
describe('parseMarkup: structure inside an answer', () => {
  const t = (text: string): Inline => ({ type: 'text', text });
  const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
  const em = (...children: Inline[]): Inline => ({ type: 'em', children });
  const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
  const code = (text: string): Inline => ({ type: 'code', text });
  const br: Inline = { type: 'break' };

  it.each<[string, string, Block[]]>([
    ['"### " starts a sub-heading', '### Alga\nAptuveni 14 $ stundā.', [{ type: 'heading', children: [t('Alga')] }, p(t('Aptuveni 14 $ stundā.'))]],
    ['a sub-heading ends the paragraph above it and may hold inline markup', 'Ievads.\n### **Maiņas** un *algas*', [p(t('Ievads.')), { type: 'heading', children: [strong(t('Maiņas')), t(' un '), em(t('algas'))] }]],
    ['"##", "####" and "###" without a space are text', '## Divi\n#### Četri\n###Bez', [p(t('## Divi'), br, t('#### Četri'), br, t('###Bez'))]],
    ['*italic*', 'Tas ir *svarīgi*.', [p(t('Tas ir '), em(t('svarīgi')), t('.'))]],
    ['italic inside bold', '**bold *and italic* inside**', [p(strong(t('bold '), em(t('and italic')), t(' inside')))]],
    ['bold inside italic', '*italic **and bold** inside*', [p(em(t('italic '), strong(t('and bold')), t(' inside')))]],
    ['"***" opens and closes both', '***abi***', [p(strong(em(t('abi'))))]],
    ['a "*" with spaces around it is text (5 * 3)', '5 * 3 * 2', [p(t('5 * 3 * 2'))]],
    ['a lone "*" (a footnote mark) is text', '*Cenas bez PVN', [p(t('*Cenas bez PVN'))]],
    ['italic left open inside bold is text', '**a *b** c*', [p(strong(t('a *b')), t(' c*'))]],
    ['a link inside italic', '*skatiet [šeit](https://x.lv)*', [p(em(t('skatiet '), { type: 'link', href: 'https://x.lv', children: [t('šeit')] }))]],
    ['`code` keeps its contents literal', 'Ievadiet `**ne** [x](https://x.lv) <b>` laukā', [p(t('Ievadiet '), code('**ne** [x](https://x.lv) <b>'), t(' laukā'))]],
    ['code inside bold', 'Pasūtījums **`A-123`**', [p(t('Pasūtījums '), strong(code('A-123')))]],
    ['"``" is text', 'a `` b', [p(t('a `` b'))]],
    ['a single newline is a line break, also in a list item', 'Rīga\nBrīvības iela 1\n\n- a\n  b', [p(t('Rīga'), br, t('Brīvības iela 1')), { type: 'list', ordered: false, items: [[t('a'), br, t('b')]] }]],
    ['bold across a line break', '**a\nb**', [p(strong(t('a'), br, t('b')))]],
    [
      'consecutive "> " lines are one quote; ">" alone separates its paragraphs',
      '> Klients teica:\n> *paldies*\n>\n> Otrā rindkopa',
      [{ type: 'quote', blocks: [p(t('Klients teica:'), br, em(t('paldies'))), p(t('Otrā rindkopa'))] }],
    ],
    ['a blank line between "> " lines makes two quotes', '> a\n\n> b', [{ type: 'quote', blocks: [p(t('a'))] }, { type: 'quote', blocks: [p(t('b'))] }]],
    ['a quote may hold a list', '> - viens\n> - divi', [{ type: 'quote', blocks: [{ type: 'list', ordered: false, items: [[t('viens')], [t('divi')]] }] }]],
    ['a quote ends the paragraph above it, and ends at the first line without ">"', 'Teksts\n> citāts\nTeksts', [p(t('Teksts')), { type: 'quote', blocks: [p(t('citāts'))] }, p(t('Teksts'))]],
    ['"> " inside a quote is text: quotes do not nest', '> > iekšā', [{ type: 'quote', blocks: [p(t('> iekšā'))] }]],
    ['">" without a space before text is text', '>nav citāts', [p(t('>nav citāts'))]],
  ])('%s', (_, source, blocks) => {
    const parsed = parseMarkup(source);
    expect(parsed.blocks).toEqual(blocks);
    expect(parsed.problems).toEqual([]);
  });

  it('leaves an unclosed "`" as text and reports it', () => {
    const { blocks, problems } = parseMarkup('Kods `A-123');
    expect(blocks).toEqual([p(t('Kods `A-123'))]);
    expect(problems).toEqual(['unclosed "`" in "Kods `A-123"']);
  });

  it('gives the text of headings, italic, code and quotes for search, without markup characters', () => {
    const { text } = parseMarkup('### Alga\nAptuveni *14 $* `A-1`.\n\n> **Citāts**\n> otrā rinda\n\n- a\n- b');
    expect(text).toBe('Alga\nAptuveni 14 $ A-1.\nCitāts\notrā rinda\na\nb');
  });

  it.each([
    ['the first paragraph', 'Jā, **var**.\n\nSīkāk: …', 'Jā, var.'],
    ['the first paragraph after a sub-heading', '### Īsumā\nJā.\n\n### Sīkāk\nTā.', 'Jā.'],
    ['nothing when the answer opens with a list', '- a\n\nTeksts.', ''],
  ])('gives the lead, the short answer that stands alone: %s', (_, source, lead) => {
    expect(parseMarkup(source).lead).toBe(lead);
  });
});

describe('unsupportedMarkupAt: where each unsupported construct starts', () => {
  it.each([
    ['an image after a "![" that opens none', 'See ![[x] and ![map](a.png)', 1, 15],
    ['a heading on the second line', 'Text\n## Title', 2, 1],
    ['HTML after a code span that holds some', 'Use `<b>` or <i>this</i>', 1, 14],
  ])('%s', (_, source, line, column) => {
    expect(unsupportedMarkupAt(source)[0]).toMatchObject({ line, column });
  });
});
