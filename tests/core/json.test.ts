import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseJob } from '../../src/core/json';
import { runNow } from '../../src/core/slices';

const parseJson = (text: string) => runNow(parseJob(text));

/** The same value, the same keys in the same order, the same prototypes: what JSON.parse gives. */
function expectAsJsonParse(text: string) {
  let expected: unknown;
  try {
    expected = JSON.parse(text);
  } catch (e) {
    expect(() => parseJson(text)).toThrow(new SyntaxError((e as Error).message));
    return;
  }
  const got = parseJson(text);
  expect(isDeepStrictEqual(got, expected)).toBe(true);
  expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
}

const file = fc.record({
  categories: fc.dictionary(fc.string(), fc.string()),
  entries: fc.dictionary(fc.string(), fc.jsonValue()),
});
/** A content file as an owner's tools might write it: compact or indented, with odd keys and strings. */
const text = fc.oneof(
  fc.tuple(file, fc.constantFrom(undefined, 1, 2, '\t')).map(([data, indent]) => JSON.stringify(data, null, indent)),
  fc.json(),
);

describe('parseJob', () => {
  it('gives what JSON.parse gives for any content file or JSON text, key order included', () => {
    fc.assert(fc.property(text, expectAsJsonParse), { numRuns: 1000 });
  });

  it("throws JSON.parse's own error for a text broken anywhere", () => {
    const broken = fc
      .tuple(text, fc.nat(), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', '\\', 'x', ' ', '\u0001'))
      .map(([valid, at, put]) => valid.slice(0, at % (valid.length + 1)) + put + valid.slice((at % (valid.length + 1)) + 1));
    fc.assert(fc.property(broken, expectAsJsonParse), { numRuns: 2000 });
  });

  it.each([
    ['repeated keys: the last value, in the first one’s place', '{"entries":{"a":1,"b":2,"a":3},"entries":{"c":4}}'],
    ['"__proto__" as a key, an own property', '{"__proto__":{"x":1},"entries":{"__proto__":{"y":2}}}'],
    ['keys that are numbers, which objects order first', '{"entries":{"b":1,"2":2,"1":3}}'],
    ['quotes, backslashes and brackets inside strings', '{"entries":{"a\\"}{":{"q":"\\\\","r":"}]\\"[{","s":"\\\\\\""}}}'],
    ['escapes in keys', '{"entr\\u0069es":{"\\n":1}}'],
    ['empty objects and whitespace everywhere', ' \n{ "categories" : { } ,\r\n\t"entries" : { } } \n'],
    ['numbers, words and arrays as entries', '{"entries":{"a":-1.5e3,"b":true,"c":null,"d":[1,{"e":[]}]}}'],
    ['a value that is not an object', '[{"entries":{}}]'],
    ['a trailing comma', '{"entries":{"a":1,}}'],
    ['text after the object', '{"entries":{}} x'],
    ['a byte-order mark', '\ufeff{"entries":{}}'],
    ['an unclosed string', '{"entries":{"a":"b}}'],
    ['a raw line break in a string', '{"entries":{"a":"b\nc"}}'],
    ['nothing at all', ''],
  ])('reads %s as JSON.parse does', (_, text) => {
    expectAsJsonParse(text);
  });

  it('pauses between entries, so a large file is parsed in slices', () => {
    const entries = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`e${i}`, { question: `Q${i}?` }]));
    const job = parseJob(JSON.stringify({ categories: {}, entries }));
    let pauses = 0;
    for (let step = job.next(); !step.done; step = job.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3);
  });
});
