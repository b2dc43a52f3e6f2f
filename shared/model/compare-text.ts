/**
 * The one text ordering of the diagrams: the same as `a.localeCompare(b)`
 * with no arguments (the default collation of the default locale), faster.
 * Sorting a 2,000-service account cold spent ~20 ms in `localeCompare`, ~14
 * of them setting up ICU's collator; names AWS allows are plain ASCII, which
 * English collation orders by a fixed table, so most loads never need ICU.
 */

// Printable ASCII in the order of the root collation (which English uses): punctuation and symbols, digits, then
// letters, each letter's two cases sharing one weight (case only breaks ties, lowercase first).
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';
const WEIGHT = new Uint8Array(128);
for (let i = 0, w = 0; i < ROOT_ORDER.length; i += 1) {
  const code = ROOT_ORDER.charCodeAt(i);
  const upperOfPrevious = code >= 65 && code <= 90;
  if (!upperOfPrevious) w += 1;
  WEIGHT[code] = w;
}

function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

let collator: Intl.Collator | undefined;
let tableHolds: boolean | undefined;

// Whether the default locale collates ASCII as the table says. PluralRules tells the default locale without ICU's
// collation data (an Intl.Collator costs ~14 ms to make); other languages may tailor ASCII (Danish "aa", Czech "ch").
function englishDefault(): boolean {
  return (tableHolds ??= /^en(-[A-Z]{2}|-\d{3})?$/.test(new Intl.PluralRules().resolvedOptions().locale));
}

/** Orders two texts as `a.localeCompare(b)` does. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (!englishDefault() || !plainAscii(a) || !plainAscii(b)) return (collator ??= new Intl.Collator()).compare(a, b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const d = WEIGHT[a.charCodeAt(i)] - WEIGHT[b.charCodeAt(i)];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Same letters but for case: the first difference decides, lowercase first.
  for (let i = 0; i < n; i += 1) {
    const ca = a.charCodeAt(i);
    if (ca !== b.charCodeAt(i)) return ca >= 97 ? -1 : 1;
  }
  return 0;
}
