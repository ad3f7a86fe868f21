import type { Job } from './slices';

/** A key without escapes or control characters: the text between its quotes is the key. */
// eslint-disable-next-line no-control-regex
const PLAIN = /^"[^\\\u0000-\u001f]*"$/;
const SPACE = new Set([' ', '\t', '\n', '\r']);
/** How many entries are parsed between two chances to pause. */
const STEP = 32;

/**
 * `JSON.parse` of a content file as a job that pauses between entries: a help centre of 10,000
 * entries is a 7 MB file, and parsing it in one go is one of the longest tasks the widget makes.
 * The top-level object and its "entries" object are cut at their members, and each member's
 * value is parsed by `JSON.parse` on its own. The result is what `JSON.parse(text)` gives;
 * when the text is anything else than such an object, or invalid anywhere, the whole is handed
 * to `JSON.parse`, so what is thrown is `JSON.parse`'s own error. Entry ids that occur more than
 * once go into `duplicates` (JSON.parse keeps the last, and so does this).
 */
export function* parseJob(text: string, duplicates?: string[]): Job<unknown> {
  let at = 0;
  // Not an error in the text, only "cannot cut here": JSON.parse says what is wrong, if anything.
  const cannot = (): never => {
    throw new SyntaxError();
  };
  const space = () => {
    while (SPACE.has(text[at])) at++;
  };
  const expect = (char: string) => {
    space();
    if (text[at++] !== char) cannot();
  };
  /** Just after the closing quote of the string that starts at `from`. */
  const stringEnd = (from: number): number => {
    if (text[from] !== '"') cannot();
    for (let quote = text.indexOf('"', from + 1); quote > 0; quote = text.indexOf('"', quote + 1)) {
      let backslashes = 0;
      while (text[quote - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
    }
    return cannot();
  };
  /** Where the value that starts at `from` ends: at the "," or closing bracket after it. */
  const valueEnd = (from: number): number => {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      const char = text[i];
      if (char === '"') i = stringEnd(i) - 1;
      else if (char === '{' || char === '[') depth++;
      else if (char === ',' || char === '}' || char === ']') {
        if (!depth) return i;
        if (char !== ',') depth--;
      }
    }
    return cannot();
  };
  /** The object at `at`, member by member; the members of its "entries" too when `top`. */
  function* object(top: boolean): Job<Record<string, unknown>> {
    // Built without a prototype, so "__proto__" is a key like any other and a page's setters on
    // Object.prototype are never called; given JSON.parse's prototype when done.
    const out: Record<string, unknown> = Object.create(null);
    expect('{');
    space();
    for (let members = 0; text[at] !== '}' || members; members++) {
      if (members) expect(',');
      space();
      const quoted = text.slice(at, (at = stringEnd(at)));
      const key = PLAIN.test(quoted) ? quoted.slice(1, -1) : (JSON.parse(quoted) as string);
      expect(':');
      space();
      // As JSON.parse: the last of equal keys, in the first one's place; an entry id seen twice is told.
      if (!top && key in out) duplicates?.push(key);
      if (top && key === 'entries' && text[at] === '{') out[key] = yield* object(false);
      else out[key] = JSON.parse(text.slice(at, (at = valueEnd(at))));
      if (!top && members % STEP === STEP - 1) yield;
      space();
      if (text[at] === '}') break;
    }
    at++;
    return Object.setPrototypeOf(out, Object.prototype) as Record<string, unknown>;
  }

  try {
    const data = yield* object(true);
    space();
    if (at === text.length) return data;
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
  }
  return JSON.parse(text);
}
