/**
 * The CLI's output boundary: every value that came from a file, a file name or AWS goes through one of these
 * before it reaches a terminal, so no input can clear the screen, set the window title, ring the bell, reorder
 * what the reader sees (bidi overrides) or forge a second `file:line:col: error` line that CI parsers trust.
 *
 * Rule for every command (inspect, export, fetch, cost, check, diff): build lines from `escapeTerminal(value)`
 * (or `diagnosticLine(d)`), print JSON with `terminalJson(value)`.
 */
import type { Diagnostic } from '../../shared/model/types';
import { formatDiagnostic } from '../../shared/ingest/format';

// C0 controls (newline and tab included: one value never makes two lines), DEL, C1 controls, the line and
// paragraph separators U+2028/2029, the bidi embeddings, overrides and isolates U+202A–202E and U+2066–2069,
// the invisible direction marks U+200E/200F/061C, and unpaired surrogates (a terminal shows them as �; the
// escape says what is really there).
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g; // eslint-disable-line no-control-regex -- matching control characters is the point

// The same without C0: inside JSON.stringify output the only raw C0 characters are its own line breaks (it
// already escapes those in strings), and the separators it leaves raw are what this still catches.
const UNSAFE_IN_JSON =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeOne = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Makes one value from input or from AWS safe to print on a terminal: every C0/C1 control character (newline and
 * tab included), DEL, U+2028/2029, bidi overrides/isolates/marks and lone surrogates become visible `\u001b`-style
 * escapes. Everything else (any script, emoji) is left as it is. The result never spans two lines.
 */
export function escapeTerminal(value: string): string {
  return value.replace(UNSAFE, escapeOne);
}

/**
 * Like `escapeTerminal` but keeps `\n`, for a block of several lines that are all ours apart from the values in
 * them (an internal error's stack, a usage text quoting an argument).
 */
export function escapeTerminalLines(text: string): string {
  return text.split('\n').map(escapeTerminal).join('\n');
}

/**
 * `JSON.stringify` for a terminal or a pipe: the same JSON (it parses back to an equal value), with the characters
 * JSON.stringify leaves raw — C1 controls, DEL, U+2028/2029, bidi controls — written as `\u` escapes.
 */
export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_JSON, escapeOne);
}

/**
 * One diagnostic as exactly one terminal line, `file:line:column: message` (see formatDiagnostic), with its file
 * name, JSON path and message escaped: a message holding a newline cannot forge a second diagnostic.
 */
export function diagnosticLine(d: Diagnostic): string {
  return formatDiagnostic({
    ...d,
    ...(d.file !== undefined ? { file: escapeTerminal(d.file) } : {}),
    ...(d.path !== undefined ? { path: escapeTerminal(d.path) } : {}),
    message: escapeTerminal(d.message),
  });
}
