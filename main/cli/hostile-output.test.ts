/**
 * Issue #13 point 4: a describe file (its names, ARNs, failure reasons, keys, bundle format string) and a file
 * name carrying escape sequences, bidi overrides and newlines cannot reach the terminal raw through `inspect` or
 * `export`, and cannot forge a `file:line:col: error` line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliInProcess } from '../test/run-cli';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { UNSAFE_FOR_TERMINAL } from '../test/terminal-safety';

// Clears the screen, sets the window title, rings the bell, colours via C1 CSI, reverses text, then forges a line.
const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202egpj.exe\u2066\n/etc/passwd:1:1: error: forged\u2028x';
const ACCOUNT = '123456789012';

let dir: string;
let evilFile: string;

beforeAll(() => {
  dir = makeTempDir();
  evilFile = path.join(dir, `tasks\u001b[31m\n${path.basename(dir)}:9:9: error: forged.json`);
  writeFileSync(
    evilFile,
    JSON.stringify({
      tasks: [
        {
          taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/abc`,
          clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod${EVIL}`,
          group: `service:web${EVIL}`,
          lastStatus: 7,
          launchType: 'FARGATE',
        },
      ],
      failures: [{ arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/${EVIL}`, reason: EVIL, detail: EVIL }],
    }),
  );
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ format: `ecs-visualizer/v9${EVIL}` }));
  writeFileSync(path.join(dir, 'keys.json'), JSON.stringify({ [EVIL]: [] }));
});
afterAll(() => removeTempDir(dir));

function expectSafe(text: string): void {
  expect(text).not.toMatch(UNSAFE_FOR_TERMINAL);
  for (const line of text.split('\n')) expect(line).not.toMatch(/^\/etc\/passwd:1:1/);
}

describe('hostile values on the terminal', () => {
  it('inspect: every printed field escaped, one stderr line per error, nothing forged', async () => {
    const r = await cliInProcess('inspect', dir);
    expect(r.code).toBe(1);
    expectSafe(r.stdout);
    expectSafe(r.stderr);
    // Two errors (unsupported bundle, unknown shape): each one line, each starting with its own file name.
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.startsWith(dir)).toBe(true);
    expect(r.stderr).toContain('bundle format "ecs-visualizer/v9\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202egpj');
    // The failure's reason and the forged text are still there for a reader, visibly escaped, on their own line.
    expect(r.stdout).toContain('\\u000a/etc/passwd:1:1: error: forged\\u2028x');
    expect(r.stdout).toContain('tasks\\u001b[31m\\u000a');
  });

  it('inspect --json: the raw text has no C1, separators or bidi controls, and parses back to the real values', async () => {
    const r = await cliInProcess('inspect', dir, '--json');
    expectSafe(r.stdout);
    expectSafe(r.stderr);
    const out = JSON.parse(r.stdout) as { diagnostics: { message: string; file?: string }[] };
    expect(out.diagnostics.some((d) => d.message.includes(EVIL))).toBe(true);
    expect(out.diagnostics.some((d) => d.file === evilFile)).toBe(true);
  });

  it('export: the file names it prints are escaped', async () => {
    const out = path.join(dir, 'out\u001b[2J\u202e.svg');
    const r = await cliInProcess('export', evilFile, '-o', out);
    expectSafe(r.stdout);
    expectSafe(r.stderr);
    expect(r.stdout).toContain('Wrote ');
    expect(r.stdout).toContain('out\\u001b[2J\\u202e.svg');
  });

  it('usage errors quote the argument escaped', async () => {
    const r = await cliInProcess('export', dir, '-o', `x\u001b[2J\n.gif`);
    expect(r.code).toBe(2);
    expectSafe(r.stderr);
    const u = await cliInProcess(`\u001b]0;t\u0007`);
    expect(u.code).toBe(2);
    expectSafe(u.stderr);
  });
});
