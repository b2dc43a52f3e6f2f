import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampLabel, clampText, revealBidi, textWidth } from './text';

describe('clampText: one truncation for screen and export (issue #14 point 7)', () => {
  it('leaves what fits alone: a 19-digit task id is shown whole on a task card', () => {
    expect(clampText('1234567890123456789', 170, 12, 'mono', 'middle')).toBe('1234567890123456789');
  });

  it('cuts ids in the middle, never their end: the distinguishing part stays', () => {
    const id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const shown = clampText(id, 120, 12, 'mono', 'middle');
    expect(shown).toContain('…');
    const [head, tail] = shown.split('…');
    expect(id.startsWith(head)).toBe(true);
    expect(id.endsWith(tail)).toBe(true);
    // The end gets the larger share: that is where ids differ.
    expect(tail.length).toBeGreaterThan(head.length);
    expect(textWidth(shown, 12, 'mono')).toBeLessThanOrEqual(120);
  });

  it('keeps family:rev at the end of an ARN or a task definition label', () => {
    const arn = 'arn:aws:ecs:us-east-1:111122223333:task-definition/checkout-payments-worker:42';
    expect(clampText(arn, 200, 11, 'mono', 'middle')).toMatch(/^arn:aws:.*….*worker:42$/);
  });

  it('prose loses its end', () => {
    expect(clampText('Task failed to start because the image could not be pulled', 120, 11)).toMatch(
      /^Task failed.*…$/,
    );
  });

  it('"Standalone · family" drops the prefix before it cuts the family', () => {
    expect(clampLabel('Standalone · ', 'family:nightly-report', 400, 12, 'bold')).toBe(
      'Standalone · family:nightly-report',
    );
    const narrow = clampLabel('Standalone · ', 'family:nightly-report', 170, 12, 'bold');
    expect(narrow).toBe('family:nightly-report');
    const tight = clampLabel('Standalone · ', 'family:nightly-report', 110, 12, 'bold');
    expect(tight).toMatch(/^fam.*….*report$/);
  });

  it('shows bidi controls as codes so a name cannot be spoofed (issue #13 point 4)', () => {
    expect(revealBidi('\u202Egnp.exe')).toBe('[U+202E]gnp.exe');
    expect(clampText('a\u2066b\u2069', 500, 12)).toBe('a[U+2066]b[U+2069]');
    expect(clampText('x\u202Ey', 500, 12, 'mono', 'middle')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('a 10,000-character name fits its room in one pass (issue #13 point 10)', () => {
    const name = 'n'.repeat(10_000);
    const started = performance.now();
    const shown = clampText(name, 300, 17, 'bold', 'middle');
    expect(textWidth(shown, 17, 'bold')).toBeLessThanOrEqual(300);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never returns text wider than its room, and marks every cut with …', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 0, max: 600 }),
        fc.constantFrom('sans' as const, 'bold' as const, 'mono' as const),
        fc.constantFrom('end' as const, 'middle' as const),
        (text, room, face, mode) => {
          const shown = clampText(text, room, 12, face, mode);
          expect(textWidth(shown, 12, face)).toBeLessThanOrEqual(room + 1e-9);
          if (shown !== revealBidi(text) && shown !== '') expect(shown).toContain('…');
          expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a revealed bidi code is one unit', () => {
  it('a cut keeps "[U+202E]" whole or drops it whole', () => {
    for (let room = 20; room < 200; room += 7) {
      for (const mode of ['end', 'middle'] as const) {
        const shown = clampText('checkout-payments-reconciliation-\u202Etxt.exe', room, 12, 'bold', mode);
        expect(shown.replace(/\[U\+202E\]/g, '')).not.toMatch(/U\+|\[U|202E\]/);
      }
    }
  });
});
