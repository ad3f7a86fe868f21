/**
 * JSON with a map of where everything is: the value `JSON.parse` gives, plus the offset of every
 * value and key, every key written twice in one object, and syntax errors in words an owner can
 * act on. `JSON.parse` keeps the last of two equal keys without a word, and says where a syntax
 * error is only as an offset: the owner's checker needs both. One pass, linear in the text.
 */

export type JsonPath = (string | number)[];

export interface JsonNode {
  /** Offset of the value's first character, and just past its last. */
  start: number;
  end: number;
  /** An object's members, in the order of their first appearance (as `JSON.parse` keeps them). */
  members?: Map<string, { key: number; node: JsonNode }>;
  items?: JsonNode[];
}

export interface DuplicateKey {
  /** Path of the object that holds the key twice. */
  path: JsonPath;
  key: string;
  /** Offsets of the first and the later key: the later one's value is the one `JSON.parse` keeps. */
  first: number;
  second: number;
}

export interface JsonMap {
  value: unknown;
  root: JsonNode;
  duplicates: DuplicateKey[];
}

/** A syntax error at `offset`, with a message that says what to do. */
export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[\da-fA-F]{4}$/;
const WORDS = ['true', 'false', 'null'] as const;
/** Deeper than any content file; keeps a hostile "[[[[…" from exhausting the stack. */
const MAX_DEPTH = 500;

const show = (char: string | undefined) => (char === undefined ? 'the end of the file' : JSON.stringify(char));

/** Parses `text` as JSON and maps it; throws `JsonScanError` at the first syntax error. */
export function scanJson(text: string): JsonMap {
  let at = 0;
  const duplicates: DuplicateKey[] = [];
  const fail = (message: string, offset = at): never => {
    throw new JsonScanError(message, offset);
  };
  const space = () => {
    for (;;) {
      const c = text[at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') at++;
      else if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) fail('comments are not allowed in JSON; remove it');
      else return;
    }
  };

  /** The string literal at `at`, checked as JSON.parse would, decoded by JSON.parse itself. */
  const string = (): string => {
    const start = at;
    if (text[at] === "'") fail('JSON strings need double quotes ("), not single ones');
    for (at++; at < text.length; at++) {
      const c = text[at];
      if (c === '"') {
        at++;
        return JSON.parse(text.slice(start, at)) as string;
      }
      if (c === '\\') {
        const next = text[at + 1];
        if (next === 'u') {
          if (!HEX4.test(text.slice(at + 2, at + 6))) fail('"\\u" must be followed by four hex digits, e.g. \\u00e9');
          at += 5;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at++;
        else fail(`"\\${next ?? ''}" is not an escape JSON knows; write "\\\\" for a backslash`);
      } else if (CONTROL.test(c)) {
        fail(c === '\n' || c === '\r' ? 'a line break inside a string: write \\n for a new line, or close the string with " on this line' : 'a control character inside a string: remove it or write it as \\u escape');
      }
    }
    return fail('a string is not closed: a " is missing', start);
  };

  const value = (path: JsonPath, depth: number): [unknown, JsonNode] => {
    space();
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    const start = at;
    const c = text[at];
    if (c === '{') return object(path, depth);
    if (c === '[') return array(path, depth);
    if (c === '"' || c === "'") {
      const s = string();
      return [s, { start, end: at }];
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at = NUMBER.lastIndex;
      return [Number(number[0]), { start, end: at }];
    }
    for (const word of WORDS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return [JSON.parse(word), { start, end: at }];
      }
    }
    return fail(`expected a value ("text", a number, true, false, null, {…} or […]) but found ${show(c)}${/[A-Za-z]/.test(c ?? '') ? '; text needs double quotes' : ''}`);
  };

  /** After a member or item: "," and more, or the closing bracket. */
  const next = (close: '}' | ']', what: string): boolean => {
    space();
    const c = text[at];
    if (c === close) {
      at++;
      return false;
    }
    if (c === ',') {
      const comma = at++;
      space();
      if (text[at] === close) fail(`a comma before "${close}": JSON allows none after the last one; remove it`, comma);
      return true;
    }
    if (c === undefined) fail(`the file ends before this ${what === 'member' ? 'object' : 'list'} is closed: a "${close}" is missing`);
    return fail(`expected "," or "${close}" after the ${what} but found ${show(c)}; a comma is missing before it, or a "${close}"`);
  };

  const object = (path: JsonPath, depth: number): [unknown, JsonNode] => {
    const node: JsonNode = { start: at, end: at, members: new Map() };
    // Built without a prototype, so "__proto__" is a key like any other (as in JSON.parse).
    const out: Record<string, unknown> = Object.create(null);
    at++;
    space();
    if (text[at] === '}') at++;
    else {
      do {
        space();
        const key = at;
        if (text[at] !== '"' && text[at] !== "'") fail(`expected a key in double quotes but found ${show(text[at])}`);
        const name = string();
        space();
        if (text[at] !== ':') fail(`expected ":" after the key "${name}" but found ${show(text[at])}`);
        at++;
        const [v, child] = value([...path, name], depth + 1);
        const earlier = node.members!.get(name);
        if (earlier) {
          duplicates.push({ path, key: name, first: earlier.key, second: key });
          // As JSON.parse: the later value, in the first one's place (a Map keeps that place).
          Object.assign(earlier, { key, node: child });
        } else node.members!.set(name, { key, node: child });
        out[name] = v;
      } while (next('}', 'member'));
    }
    node.end = at;
    return [Object.setPrototypeOf(out, Object.prototype), node];
  };

  const array = (path: JsonPath, depth: number): [unknown, JsonNode] => {
    const node: JsonNode = { start: at, end: at, items: [] };
    const out: unknown[] = [];
    at++;
    space();
    if (text[at] === ']') at++;
    else {
      do {
        const [v, child] = value([...path, out.length], depth + 1);
        out.push(v);
        node.items!.push(child);
      } while (next(']', 'item'));
    }
    node.end = at;
    return [out, node];
  };

  if (!text.trim()) fail('the file is empty; it should hold {"categories": {…}, "entries": {…}}', 0);
  const [result, root] = value([], 0);
  space();
  if (at < text.length) fail(`more text after the end of the JSON value, from ${show(text[at])}; a file holds one {…}`);
  return { value: result, root, duplicates };
}

/** The node at `path`, or the deepest one on the way there (a missing field points at its object). */
export function nodeAt(root: JsonNode, path: JsonPath): { node: JsonNode; key?: number; found: boolean } {
  let node = root;
  let key: number | undefined;
  for (const step of path) {
    // Lenient about the step's type: a schema validator names array items and numeric keys alike as text.
    const member = node.members?.get(String(step));
    const item = node.items?.[Number(step)];
    if (member) ({ node, key } = member);
    else if (item) ({ node, key } = { node: item, key: undefined });
    else return { node, key, found: false };
  }
  return { node, key, found: true };
}

/**
 * The offset in the text of character `index` of the string literal that starts at `start`:
 * escapes are read as one character each ("\n", "\u00e9"), as the decoded string counts them.
 * `from` resumes an earlier walk through the same string (an index and the offset found for it),
 * so that finding many places in one long string in order costs one walk, not one each.
 */
export function offsetInString(text: string, start: number, index: number, from = { index: 0, offset: start + 1 }): number {
  let at = from.offset;
  for (let i = from.index; i < index && text[at] !== '"'; i++) at += text[at] === '\\' ? (text[at + 1] === 'u' ? 6 : 2) : 1;
  return at;
}

/** Finds the line and column (both from 1) of offsets in one text, each in O(log lines). */
export function lineFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    // UTF-16 code units, as editors' "go to line:column" and TypeScript count them.
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}
