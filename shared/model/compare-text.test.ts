import { describe, expect, it } from 'vitest';
import { compareText } from './compare-text';

// Case, digits (not numeric), punctuation, spaces, accents, composed and decomposed forms, other scripts.
const TRICKY = [
  'auth-10',
  'auth-2',
  'Auth',
  'auth',
  'AUTH',
  'auth_2',
  'auth.2',
  'auth 2',
  'api',
  'API-gw',
  'a-b',
  'ab',
  'a_b',
  '10-web',
  '9-web',
  'web9',
  'web10',
  'Zeta',
  'zeta',
  '_internal',
  '-dash',
  'café',
  'cafe',
  'cafés',
  'Cafe',
  'naïve',
  'naive',
  'Ørsted',
  'orsted',
  '日本',
  'straße',
  'strasse',
  'é',
  'e\u0301',
  '',
];

describe('compareText', () => {
  it('orders every pair as localeCompare does, so diagrams keep their order', () => {
    for (const a of TRICKY)
      for (const b of TRICKY)
        expect([a, b, Math.sign(compareText(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
  });

  it('orders printable ASCII as localeCompare does: every pair of characters, of two-character texts, and random names', () => {
    const sign = (a: string, b: string) => [a, b, Math.sign(compareText(a, b))];
    const expected = (a: string, b: string) => [a, b, Math.sign(a.localeCompare(b))];
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const mismatches = (pairs: [string, string][]) =>
      pairs.filter(([a, b]) => Math.sign(compareText(a, b)) !== Math.sign(a.localeCompare(b)));
    expect(mismatches(chars.flatMap((a) => chars.map((b): [string, string] => [a, b])))).toEqual([]);
    const few = [' ', '-', '_', '.', '0', '9', 'a', 'A', 'b', 'B', 'z', 'Z', '~', '$'];
    const twos = few.flatMap((a) => few.map((b) => a + b));
    expect(mismatches(twos.flatMap((a) => twos.map((b): [string, string] => [a, b])))).toEqual([]);
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    const name = () => Array.from({ length: 1 + (next() % 8) }, () => 'aAbB01-_.:/ zZ'[next() % 14]).join('');
    for (let i = 0; i < 5000; i += 1) {
      const a = name();
      const b = name();
      expect(sign(a, b)).toEqual(expected(a, b));
    }
  });

  it('sorts names case-insensitively first, lowercase first on ties, digits as text, accents after the plain letter', () => {
    const names = TRICKY.filter((n) => n !== 'e\u0301');
    expect([...names].sort(compareText)).toEqual([
      '',
      '_internal',
      '-dash',
      '10-web',
      '9-web',
      'a_b',
      'a-b',
      'ab',
      'api',
      'API-gw',
      'auth',
      'Auth',
      'AUTH',
      'auth 2',
      'auth_2',
      'auth-10',
      'auth-2',
      'auth.2',
      'cafe',
      'Cafe',
      'café',
      'cafés',
      'é',
      'naive',
      'naïve',
      'orsted',
      'Ørsted',
      'strasse',
      'straße',
      'web10',
      'web9',
      'zeta',
      'Zeta',
      '日本',
    ]);
  });
});
