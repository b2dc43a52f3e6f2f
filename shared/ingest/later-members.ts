/**
 * A staged ingest (`ingestInStages`) draws a big load before it has read its tasks, task definitions and hosts,
 * but a file still had to be parsed whole before anything of it could be read: at 100,000 nodes the tasks are
 * three quarters of the text, and their `JSON.parse` (and the collections of what it made) came before the first
 * frame. `cutLaterMembers` parses a file without its top-level lists of those kinds (each left empty) and says
 * where their text is, so `rest` parses them from their slices of the text.
 *
 * The lists are found by their keys (`indexOf`, the first `"tasks": [`, and the lists that follow it), walked
 * only to find where they end, how many objects they hold, and which services the tasks name (what the head
 * needs of them); the rest of the text is left to `JSON.parse`, whose parse of the text before the first list
 * (closed after it) is what proves that list a member of the top-level object. Nothing here checks the lists'
 * JSON: `rest` parses them, and a file whose lists do not parse is read whole (its error, line and column are
 * those of the whole text).
 */

import { serviceOfGroup } from './task-group';

/** A file parsed without its later members' lists, and where their text is. */
export interface LaterMembers {
  /** The file's value with each cut list empty: `detect` reads the file's shapes from it as it will whole. */
  head: Record<string, unknown>;
  /** The keys whose lists were cut, and where each list's text (`[` to `]`) is in the file's text. */
  keys: string[];
  values: [number, number][];
  /** How many objects the cut lists hold: the records they will be. */
  records: number;
  /** How many objects the `tasks` list holds. */
  tasks: number;
  /** The services those tasks name (`group` "service:<name>"), and whether any names none. */
  serviceNames: Set<string>;
  standalone: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Thrown inside the pass where the text is not what a cut can read: the file is then read whole. */
class NotCuttable extends Error {}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The first position at or after `i` that is not white space. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

function expect(text: string, at: number, code: number): void {
  if (text.charCodeAt(at) !== code) throw new NotCuttable();
}

/** Whether the character at `at` is escaped: an odd run of backslashes before it. */
function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes += 1;
  return (slashes & 1) === 1;
}

/** The position of the quote that closes the string opening at `i`. */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  while (j >= 0 && escaped(text, j)) j = text.indexOf('"', j + 1);
  if (j < 0) throw new NotCuttable();
  return j;
}

/** The string from quote `i` to quote `end`, decoded as JSON.parse would. */
function stringAt(text: string, i: number, end: number): string {
  const raw = text.slice(i + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(i, end + 1)) as string;
  } catch {
    throw new NotCuttable();
  }
}

/**
 * Whether the key from quote `i` to quote `end` is `group`: a task's keys are only compared with it, without
 * cutting each out of the text (it is at most 30 characters written with escapes, `\u0067` for each letter).
 */
function isGroupKey(text: string, i: number, end: number): boolean {
  const length = end - i - 1;
  if (length === 5) return text.startsWith('group', i + 1);
  if (length < 5 || length > 30) return false;
  return stringAt(text, i, end) === 'group';
}

/** What the cut arrays hold, counted as they are walked. */
interface Counts {
  records: number;
  tasks: number;
  serviceNames: Set<string>;
  standalone: boolean;
}

/**
 * Walks the array opening at `i` and returns the position after it, counting its objects into `counts` (and,
 * for `tasks`, each one's last `group`, as Collector.seeLaterTask reads it from the parsed object). Depth 1 is
 * the array, 2 an element's own members.
 */
function walkList(text: string, i: number, counts: Counts, tasks: boolean): number {
  let depth = 1;
  let objects = 0;
  let expectKey = false;
  let group: string | null = null;
  i += 1;
  const empty = text.charCodeAt(skipSpace(text, i)) === CLOSE_ARRAY;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      // (A comma in an element that is an array also sets expectKey: a `"group"` there, not followed by a colon,
      // leaves the file to be read whole.)
      if (expectKey && depth === 2) {
        expectKey = false;
        if (isGroupKey(text, i, end)) {
          let at = skipSpace(text, end + 1);
          expect(text, at, COLON);
          at = skipSpace(text, at + 1);
          if (text.charCodeAt(at) !== QUOTE) {
            group = null;
            i = at;
            continue;
          }
          const valueEnd = stringEnd(text, at);
          group = stringAt(text, at, valueEnd);
          i = valueEnd + 1;
          continue;
        }
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth === 2 && c === OPEN_OBJECT) {
        objects += 1;
        expectKey = tasks;
        group = null;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth -= 1;
      if (depth === 1 && tasks && c === CLOSE_OBJECT) {
        counts.tasks += 1;
        const service = serviceOfGroup(group);
        if (service !== null) counts.serviceNames.add(service);
        else counts.standalone = true;
      } else if (depth === 0) {
        // An array of only other values is not the kind's list (`detect` skips it): such a file is read whole.
        if (objects === 0 && !empty) throw new NotCuttable();
        counts.records += objects;
        return i + 1;
      }
    } else if (c === COMMA && depth === 2) expectKey = tasks;
    i += 1;
  }
  throw new NotCuttable();
}

/** Where the first `"key": [` from `from` is, its opening quote not escaped (`"a\"key"` is inside a string). */
function findList(text: string, key: string, from: number): { keyAt: number; listAt: number } | null {
  const quoted = `"${key}"`;
  for (let at = text.indexOf(quoted, from); at >= 0; at = text.indexOf(quoted, at + 1)) {
    if (escaped(text, at)) continue;
    const colon = skipSpace(text, at + quoted.length);
    if (text.charCodeAt(colon) !== COLON) continue;
    const listAt = skipSpace(text, colon + 1);
    if (text.charCodeAt(listAt) === OPEN_ARRAY) return { keyAt: at, listAt };
  }
  return null;
}

/** The member after the list ending at `end` when it is one of `keys` and a list: its key and where the list opens. */
function nextList(text: string, end: number, keys: readonly string[]): { key: string; listAt: number } | null {
  let i = skipSpace(text, end);
  if (text.charCodeAt(i) !== COMMA) return null;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) !== QUOTE) return null;
  const keyEnd = stringEnd(text, i);
  const key = stringAt(text, i, keyEnd);
  if (!keys.includes(key)) return null;
  const colon = skipSpace(text, keyEnd + 1);
  if (text.charCodeAt(colon) !== COLON) return null;
  const listAt = skipSpace(text, colon + 1);
  return text.charCodeAt(listAt) === OPEN_ARRAY ? { key, listAt } : null;
}

/** JSON.parse of `text` as an object, or null. */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * How many places a cut is tried at (a key of the same name nested before the top-level one, in a service say,
 * is passed over): each try parses the text before its list, and a file the cut cannot read is read whole.
 */
const TRIES = 3;

/**
 * Parses `text` (a JSON object's text, no byte order mark) with its top-level lists named in `keys` left empty:
 * the first of them found, and those right after it, each a list with an object in it (or none). Null when there
 * is none, or the text around them does not parse as an object whose members they are: the file is read whole.
 */
export function cutLaterMembers(text: string, keys: readonly string[]): LaterMembers | null {
  let tries = 0;
  for (const key of keys) {
    for (let found = findList(text, key, 0); found && tries < TRIES; found = findList(text, key, found.keyAt + 1)) {
      tries += 1;
      const cut = cutAt(text, keys, { key, ...found });
      if (cut) return cut;
    }
  }
  return null;
}

/** `cutLaterMembers` with its first list at `first`; null when that is not a list of the top level. */
function cutAt(
  text: string,
  keys: readonly string[],
  first: { key: string; keyAt: number; listAt: number },
): LaterMembers | null {
  const cutKeys: string[] = [];
  const values: [number, number][] = [];
  const counts: Counts = { records: 0, tasks: 0, serviceNames: new Set(), standalone: false };
  try {
    let list: { key: string; listAt: number } | null = first;
    while (list) {
      // Twice in a row: JSON.parse keeps the last, and the cut would have to say which.
      if (cutKeys.includes(list.key)) return null;
      const end = walkList(text, list.listAt, counts, list.key === 'tasks');
      cutKeys.push(list.key);
      values.push([list.listAt, end]);
      list = nextList(text, end, keys);
    }
  } catch (err) {
    if (err instanceof NotCuttable) return null;
    throw err;
  }
  // The text up to the first list, closed after it: it parses only if that list is a member of the top level
  // (deeper, the brackets around it are left open), and the lists after it are members beside it.
  const head = parseObject(`${text.slice(0, first.listAt + 1)}]}`);
  const keysBefore = head ? Object.keys(head) : [];
  if (!head || keysBefore[keysBefore.length - 1] !== first.key) return null;
  const empty = cutKeys.map((key) => (key === first.key ? head[key] : (head[key] = [])));
  const last = values[values.length - 1][1];
  const after = skipSpace(text, last);
  if (text.charCodeAt(after) === COMMA) {
    const rest = parseObject(`{${text.slice(after + 1)}`);
    if (!rest) return null;
    // As JSON.parse defines them: a key it saw before keeps its place and takes the later value; `__proto__` is data.
    for (const key of Object.keys(rest))
      Object.defineProperty(head, key, { value: rest[key], writable: true, enumerable: true, configurable: true });
  } else if (text.charCodeAt(after) !== CLOSE_OBJECT || skipSpace(text, after + 1) !== text.length) return null;
  // A list given again later (its key written with escapes, say) is the one JSON.parse keeps: read whole.
  if (
    cutKeys.some((key, k) => head[key] !== empty[k] || !Array.isArray(empty[k]) || (empty[k] as unknown[]).length > 0)
  )
    return null;
  return { head, keys: cutKeys, values, ...counts };
}
