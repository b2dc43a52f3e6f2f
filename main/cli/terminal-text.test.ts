import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnosticLine, escapeTerminal, terminalJson } from './terminal-text';
import { UNSAFE_FOR_TERMINAL } from '../test/terminal-safety';

/** Strings of any UTF-16 code units, so controls, bidi overrides and lone surrogates really occur. */
const anyCodeUnits = fc
  .array(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    { maxLength: 40 },
  )
  .map((a) => a.join(''));

describe('escapeTerminal', () => {
  it('writes escape sequences, bells, title sets and bidi overrides as visible \\u escapes', () => {
    expect(escapeTerminal('web\u001b]0;pwned\u0007\u001b[2J')).toBe('web\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(escapeTerminal('a\nb\r\tc')).toBe('a\\u000ab\\u000d\\u0009c');
    expect(escapeTerminal('\u009b31m C1 CSI')).toBe('\\u009b31m C1 CSI');
    expect(escapeTerminal('gpj.\u202eexe \u2066x\u2069 \u2028\u2029')).toBe(
      'gpj.\\u202eexe \\u2066x\\u2069 \\u2028\\u2029',
    );
    expect(escapeTerminal('web\ud800x')).toBe('web\\ud800x');
  });

  it('leaves ordinary text of any script alone', () => {
    expect(escapeTerminal('prod-ÆØÅ 東京 😀 C:\\path\\x')).toBe('prod-ÆØÅ 東京 😀 C:\\path\\x');
  });

  it('never leaves an unsafe character or a line break, for strings of any UTF-16 code units', () => {
    fc.assert(
      fc.property(anyCodeUnits, (s) => {
        const out = escapeTerminal(s);
        expect(out).not.toMatch(UNSAFE_FOR_TERMINAL);
        expect(out).not.toContain('\n');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('terminalJson', () => {
  it('parses back to the same value and leaves nothing unsafe raw, for any strings', () => {
    fc.assert(
      fc.property(fc.dictionary(anyCodeUnits, anyCodeUnits, { maxKeys: 4 }), (value) => {
        const out = terminalJson({ names: value }, 2);
        expect(out).not.toMatch(UNSAFE_FOR_TERMINAL);
        expect(JSON.parse(out)).toEqual({ names: value });
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes what JSON.stringify leaves raw: C1, U+2028/2029, bidi overrides', () => {
    const raw = JSON.stringify({ n: '\u009b2J\u2028\u202e' });
    expect(raw).toContain('\u202e');
    expect(terminalJson({ n: '\u009b2J\u2028\u202e' })).toBe('{"n":"\\u009b2J\\u2028\\u202e"}');
  });
});

describe('diagnosticLine', () => {
  it('is one line even when the message, file name and path hold newlines: nothing forges a diagnostic', () => {
    const line = diagnosticLine({
      severity: 'error',
      code: 'failure',
      message: 'MISSING\n/etc/passwd:1:1: error: forged',
      file: 'a\nb.json',
      path: '$.x\r\n',
      line: 3,
      column: 7,
    });
    expect(line).toBe('a\\u000ab.json:3:7: MISSING\\u000a/etc/passwd:1:1: error: forged');
    expect(line.split('\n')).toHaveLength(1);
  });
});
