import { describe, expect, it } from 'vitest';
import { toIso } from './normalise';

describe('toIso: every timestamp form AWS tools write, as UTC ISO-8601', () => {
  it('keeps the SDK / bundle form as it is, and normalises every other form to it', () => {
    expect(toIso('2026-11-01T00:01:00.000Z')).toBe('2026-11-01T00:01:00.000Z');
    // CLI v2: microseconds and an offset.
    expect(toIso('2024-01-15T10:23:45.123000+02:00')).toBe('2024-01-15T08:23:45.123Z');
    // Without milliseconds, or with a lower-case zone: not the canonical form, so parsed and printed.
    expect(toIso('2024-01-15T10:23:45Z')).toBe('2024-01-15T10:23:45.000Z');
    // CLI v1 epoch seconds (floats), and milliseconds from hand-made files.
    expect(toIso(1705314225.5)).toBe('2024-01-15T10:23:45.500Z');
    expect(toIso(1705314225500)).toBe('2024-01-15T10:23:45.500Z');
  });

  it('leaves what is not a date as it was (strings) or drops it (numbers)', () => {
    expect(toIso('yesterday')).toBe('yesterday');
    expect(toIso(Number.NaN)).toBeUndefined();
    expect(toIso(undefined)).toBeUndefined();
  });
});
