import { parse as parseLenient, createScanner, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Result of parsing one file's text. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string; position: Position };

/** 1-based line/column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses strict JSON. The fast path is `JSON.parse`; only when that fails is the
 * text scanned again with jsonc-parser (strict settings) to find where, since
 * engines word and place their syntax errors differently.
 */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const errors: ParseError[] = [];
    try {
      parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch {
      // jsonc-parser recurses per level: a broken file nested deeper than the stack gets the engine's words and
      // the offset it gives (`at position N`), rather than an internal error.
      const message = err instanceof Error ? err.message : String(err);
      const at = /at position (\d+)/.exec(message);
      return {
        ok: false,
        message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        position: at ? positionAt(text, Number(at[1])) : { line: 1, column: 1 },
      };
    }
    if (errors.length > 0) {
      const first = errors[0];
      return {
        ok: false,
        message: `invalid JSON: ${describeParseError(printParseErrorCode(first.error))}`,
        position: positionAt(text, first.offset),
      };
    }
    // jsonc-parser accepted what JSON.parse refused (e.g. a lone surrogate escape): report the engine's words.
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `invalid JSON: ${message}`, position: { line: 1, column: 1 } };
  }
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected',
    ValueExpected: 'value expected',
    ColonExpected: "':' expected",
    CommaExpected: "',' expected",
    CloseBraceExpected: "'}' expected",
    CloseBracketExpected: "']' expected",
    EndOfFileExpected: 'end of file expected (extra data after the JSON value)',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}

/** Above this size, JSON paths are not mapped back to lines (it would mean a second full parse of a huge file). */
const LOCATE_LIMIT = 32 * 1024 * 1024;

/**
 * Where each value of a JSON text starts. A leaf is its offset; an object or array also holds its members. For a
 * member of an object the offset is its key's, so a diagnostic points at `"cpu": …`, not at the value alone.
 */
type Located = number | LocatedContainer;
interface LocatedContainer {
  at: number;
  members: Map<string, Located> | Located[];
}

// jsonc-parser's SyntaxKind is a `const enum`, which isolated modules cannot read from its declarations.
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, string: 10, eof: 17 };

/**
 * Indexes where every value of a text that `JSON.parse` accepted starts. It walks jsonc-parser's token scanner
 * with its own stack instead of recursing: jsonc-parser's `parseTree` recurses once per level, and a 4,000-deep
 * object overflowed the call stack and lost the whole file. Duplicate keys keep the last, as `JSON.parse` does.
 */
function locateValues(text: string): Located | undefined {
  const scanner = createScanner(text, true);
  const open: LocatedContainer[] = [];
  let root: Located | undefined;
  let key: string | undefined;
  let keyAt = 0;
  let expectKey = false;
  const place = (node: Located): void => {
    const parent = open[open.length - 1];
    if (!parent) root = node;
    else if (Array.isArray(parent.members)) parent.members.push(node);
    else parent.members.set(key ?? '', node);
  };
  for (let token: number = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const parent = open[open.length - 1];
    const inObject = parent !== undefined && !Array.isArray(parent.members);
    if (token === TOKEN.string && inObject && expectKey) {
      key = scanner.getTokenValue();
      keyAt = offset;
      expectKey = false;
      continue;
    }
    const at = inObject ? keyAt : offset;
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      const node: LocatedContainer = { at, members: token === TOKEN.openBrace ? new Map() : [] };
      place(node);
      open.push(node);
      expectKey = token === TOKEN.openBrace;
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      open.pop();
      expectKey = false;
    } else if (token === TOKEN.comma) {
      expectKey = inObject;
    } else if (token !== TOKEN.colon) {
      place(at);
    }
  }
  return root;
}

/**
 * Returns a function that maps a JSON path (keys and indexes) to the position of
 * that value in the text. The index is built once, on first use, without recursion (any depth).
 */
export function pathLocator(text: string): (path: (string | number)[]) => Position | undefined {
  let root: Located | undefined;
  let built = false;
  return (path) => {
    if (text.length > LOCATE_LIMIT) return undefined;
    if (!built) {
      built = true;
      root = locateValues(text);
    }
    if (root === undefined) return undefined;
    // Go down to the deepest ancestor that exists (a dropped element may be gone).
    let node: Located = root;
    for (const step of path) {
      if (typeof node === 'number') break;
      const next: Located | undefined = Array.isArray(node.members)
        ? typeof step === 'number'
          ? node.members[step]
          : undefined
        : node.members.get(String(step));
      if (next === undefined) break;
      node = next;
    }
    return positionAt(text, typeof node === 'number' ? node : node.at);
  };
}

/** What a tolerant read of a file `JSON.parse` refused gives back. */
export interface RecoveredJson {
  /** The value as jsonc-parser reads it with trailing commas allowed and missing commas stepped over. */
  value: unknown;
  /**
   * Whether the value at a path holds a defect other than a missing or trailing comma: a cut (a string, object
   * or array left open), an ellipsis (`...`, `…`), a missing value or colon. Such a value must not be used: its
   * fields would be guesses. True also for a path the read did not produce.
   */
  damaged(path: (string | number)[]): boolean;
  /** Where the value at a path starts (its key, for a member of an object). */
  locate(path: (string | number)[]): Position | undefined;
}

interface Span {
  start: number;
  end: number;
  members?: Map<string, Span> | Span[];
}

// jsonc-parser's ParseErrorCode is a `const enum` too: CommaExpected is the one defect a value survives whole.
const COMMA_EXPECTED = 6;

/**
 * Reads what it can of a broken file. jsonc-parser recovers from a missing comma by reading on, and trailing
 * commas are allowed here; every other defect is kept by its offset, so `damaged` can refuse the values that
 * contain one. Undefined when nothing came back, or when the text nests too deep for jsonc-parser's recursive
 * reader (the file's error is reported all the same).
 */
export function recoverJson(text: string): RecoveredJson | undefined {
  const bad: number[] = [];
  let root: { value: unknown; span: Span } | undefined;
  const open: { value: Record<string, unknown> | unknown[]; span: Span; key?: string; keyAt: number }[] = [];
  const place = (value: unknown, span: Span): void => {
    const parent = open[open.length - 1];
    if (!parent) {
      root ??= { value, span };
      return;
    }
    if (Array.isArray(parent.value)) {
      parent.value.push(value);
      (parent.span.members as Span[]).push(span);
    } else if (parent.key !== undefined) {
      // defineProperty: a `__proto__` key is data, as JSON.parse makes it, never the object's prototype.
      Object.defineProperty(parent.value, parent.key, { value, writable: true, enumerable: true, configurable: true });
      (parent.span.members as Map<string, Span>).set(parent.key, span);
      parent.key = undefined;
    }
  };
  const startOf = (offset: number): number => {
    const parent = open[open.length - 1];
    return parent && !Array.isArray(parent.value) && parent.key !== undefined ? parent.keyAt : offset;
  };
  const begin = (value: Record<string, unknown> | unknown[], offset: number): void => {
    const span: Span = { start: startOf(offset), end: text.length, members: Array.isArray(value) ? [] : new Map() };
    place(value, span);
    open.push({ value, span, keyAt: 0 });
  };
  const end = (offset: number, length: number): void => {
    const closed = open.pop();
    if (closed) closed.span.end = offset + length;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => begin({}, offset),
        onObjectEnd: end,
        onArrayBegin: (offset) => begin([], offset),
        onArrayEnd: end,
        onObjectProperty: (name, offset) => {
          const parent = open[open.length - 1];
          if (parent) {
            parent.key = name;
            parent.keyAt = offset;
          }
        },
        onLiteralValue: (value, offset, length) => place(value, { start: startOf(offset), end: offset + length }),
        onError: (error, offset) => {
          if (error !== COMMA_EXPECTED) bad.push(offset);
        },
      },
      { allowTrailingComma: true, disallowComments: true },
    );
  } catch {
    return undefined;
  }
  if (!root) return undefined;
  const top = root;
  const find = (path: (string | number)[]): Span | undefined => {
    let span: Span | undefined = top.span;
    for (const step of path) {
      const members: Span['members'] = span?.members;
      if (!members) return undefined;
      span = Array.isArray(members)
        ? typeof step === 'number'
          ? members[step]
          : undefined
        : members.get(String(step));
    }
    return span;
  };
  return {
    value: top.value,
    damaged: (path) => {
      const span = find(path);
      if (!span) return true;
      // Errors come in text order: the first one at or after the start decides.
      let lo = 0;
      let hi = bad.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bad[mid] < span.start) lo = mid + 1;
        else hi = mid;
      }
      return lo < bad.length && bad[lo] <= span.end;
    },
    locate: (path) => {
      // The deepest part of the path that was read, as pathLocator does.
      for (let n = path.length; n >= 0; n -= 1) {
        const span = find(path.slice(0, n));
        if (span) return positionAt(text, span.start);
      }
      return undefined;
    },
  };
}

/** Formats a JSON path as `$.tasks[0].cpu`. */
export function formatPath(path: (string | number)[]): string {
  let out = '$';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}
