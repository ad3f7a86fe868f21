import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { JsonScanError, lineFinder, nodeAt, offsetInString, scanJson } from '../../src/core/jsonmap';

const throws = (run: () => unknown) => {
  try {
    run();
    return false;
  } catch {
    return true;
  }
};

/** JSON as owners' tools write it, and text near it: JSON with one character inserted or removed. */
const json = fc.oneof(
  fc.tuple(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t')).map(([v, indent]) => JSON.stringify(v, null, indent)),
  fc.json(),
);
const nearJson = fc
  .tuple(json, fc.nat(), fc.constantFrom('', ',', '"', '}', ']', '{', ':', '\n', "'", '/', '0', '-', '\\', ' '), fc.boolean())
  .map(([text, at, insert, remove]) => {
    const i = text.length ? at % text.length : 0;
    return text.slice(0, i) + insert + text.slice(i + (remove ? 1 : 0));
  });

describe('scanJson', () => {
  it('gives what JSON.parse gives: the same value, keys in the same order', () => {
    fc.assert(
      fc.property(json, (text) => {
        const { value } = scanJson(text);
        expect(isDeepStrictEqual(value, JSON.parse(text))).toBe(true);
        expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
      }),
    );
  });

  it('rejects exactly what JSON.parse rejects', () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        expect(throws(() => scanJson(text)), text).toBe(throws(() => JSON.parse(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the later of two equal keys in the first one’s place, as JSON.parse, and records both', () => {
    const text = '{"a": 1, "b": 2, "a": 3}';
    const { value, duplicates, root } = scanJson(text);
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
    expect(duplicates).toEqual([{ path: [], key: 'a', first: 1, second: 17 }]);
    expect(text.slice(root.members!.get('a')!.node.start)).toBe('3}');
  });

  it('records a duplicate with the path of the object that holds it', () => {
    const { duplicates } = scanJson('{"entries": {"x": {}, "y": {"q": 1, "q": 2}}}');
    expect(duplicates).toEqual([{ path: ['entries', 'y'], key: 'q', first: 28, second: 36 }]);
  });

  it('treats "__proto__" as a key like any other', () => {
    const { value } = scanJson('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a trailing comma', '{"a": 1,\n}', 7, 'a comma before "}": JSON allows none after the last one; remove it'],
    ['a trailing comma in a list', '[1, 2, ]', 5, 'a comma before "]": JSON allows none after the last one; remove it'],
    ['a missing comma', '{"a": 1\n "b": 2}', 9, 'expected "," or "}" after the member but found "\\""; a comma is missing before it, or a "}"'],
    ['single quotes', "{'a': 1}", 1, 'JSON strings need double quotes ("), not single ones'],
    ['a key without quotes', '{a: 1}', 1, 'expected a key in double quotes but found "a"'],
    ['a word without quotes', '{"a": yes}', 6, 'expected a value ("text", a number, true, false, null, {…} or […]) but found "y"; text needs double quotes'],
    ['a comment', '{\n  // note\n  "a": 1}', 4, 'comments are not allowed in JSON; remove it'],
    ['a string not closed', '{"a": "b}', 6, 'a string is not closed: a " is missing'],
    ['a line break inside a string', '{"a": "b\nc"}', 8, 'a line break inside a string: write \\n for a new line, or close the string with " on this line'],
    ['an escape JSON does not know', '{"a": "C:\\dir"}', 9, '"\\d" is not an escape JSON knows; write "\\\\" for a backslash'],
    ['the end of the file inside an object', '{"a": 1', 7, 'the file ends before this object is closed: a "}" is missing'],
    ['text after the value', '{} {}', 3, 'more text after the end of the JSON value, from "{"; a file holds one {…}'],
    ['an empty file', ' \n', 0, 'the file is empty; it should hold {"categories": {…}, "entries": {…}}'],
  ])('says where and what to do about %s', (_, text, offset, message) => {
    let error: unknown;
    try {
      scanJson(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonScanError);
    expect({ offset: (error as JsonScanError).offset, message: (error as Error).message }).toEqual({ offset, message });
  });

  it('refuses nesting deeper than any content file, rather than exhausting the stack', () => {
    expect(() => scanJson('['.repeat(100_000))).toThrow('nested more than 500 levels deep');
  });
});

describe('finding places in scanned JSON', () => {
  const text = '{\n  "entries": {\n    "pay": {"answer": "a\\nb\\u00e9c", "related": ["x", "y"]}\n  }\n}';
  const { root } = scanJson(text);
  const where = lineFinder(text);

  it('finds a value, a key, and an item of a list by their path', () => {
    expect(text.slice(nodeAt(root, ['entries', 'pay', 'answer']).node.start)).toMatch(/^"a\\nb/);
    expect(text.slice(nodeAt(root, ['entries', 'pay']).key)).toMatch(/^"pay"/);
    expect(text.slice(nodeAt(root, ['entries', 'pay', 'related', 1]).node.start)).toMatch(/^"y"/);
  });

  it('points a path that is not there at the deepest part that is', () => {
    const { node, found } = nodeAt(root, ['entries', 'pay', 'question']);
    expect(found).toBe(false);
    expect(text.slice(node.start)).toMatch(/^\{"answer"/);
  });

  it('finds a character of a string in the text, counting each escape as one character', () => {
    const start = nodeAt(root, ['entries', 'pay', 'answer']).node.start;
    expect(text[offsetInString(text, start, 2)]).toBe('b'); // "a", "\n", then "b"
    expect(text.slice(offsetInString(text, start, 4))).toMatch(/^c"/); // "\u00e9" is one character
  });

  it('gives lines and columns from 1', () => {
    expect(where(0)).toEqual({ line: 1, column: 1 });
    expect(where(text.indexOf('"pay"'))).toEqual({ line: 3, column: 5 });
  });
});
