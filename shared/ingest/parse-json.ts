import {
  parse as parseLenient,
  parseTree,
  findNodeAtLocation,
  printParseErrorCode,
  type ParseError,
} from 'jsonc-parser';

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
    parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
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
 * Returns a function that maps a JSON path (keys and indexes) to the position of
 * that value in the text. The tree is built once, on first use.
 */
export function pathLocator(text: string): (path: (string | number)[]) => Position | undefined {
  let tree: ReturnType<typeof parseTree> | null = null;
  let built = false;
  return (path) => {
    if (text.length > LOCATE_LIMIT) return undefined;
    if (!built) {
      built = true;
      tree = parseTree(text) ?? null;
    }
    if (!tree) return undefined;
    // Walk up to the deepest ancestor that exists (a dropped element may be gone).
    for (let n = path.length; n >= 0; n -= 1) {
      const node = findNodeAtLocation(tree, path.slice(0, n));
      if (node) return positionAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return undefined;
  };
}

/** Formats a JSON path as `$.tasks[0].cpu`. */
export function formatPath(path: (string | number)[]): string {
  let out = '$';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}
