/** Runs the command-line tool in tests, the two ways a user meets it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../cli/cli';
import type { CliIo } from '../cli/io';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** What a run printed and its exit status. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real process, as `npm run cli -- …` starts it (`tsx main/cli/cli.ts …`), in the checkout. */
export async function cliProcess(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'main/cli/cli.ts'), ...args],
      { cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same command in this process, with its output captured (fast; the cwd is the checkout's when tests run). */
export async function cliInProcess(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
