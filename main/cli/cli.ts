#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { runInspect, INSPECT_USAGE } from './inspect';
import { runExport, EXPORT_USAGE } from './export';
import { runFetch, FETCH_USAGE } from './fetch';
import { runCheck, CHECK_USAGE } from './check';
import { runCost, COST_USAGE } from './cost';
import { runDiff, DIFF_USAGE } from './diff';
import { EXIT, UsageError, escapeTerminal, escapeTerminalLines, type CliIo } from './io';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  inspect: runInspect,
  export: runExport,
  fetch: (args, io) => runFetch(args, io),
  check: (args, io) => runCheck(args, io),
  cost: runCost,
  diff: runDiff,
};

/** Usage text of the command-line tool. */
export const USAGE = `Usage:
  ${INSPECT_USAGE}
  ${EXPORT_USAGE}
  ${FETCH_USAGE}
  ${CHECK_USAGE}
  ${COST_USAGE}
  ${DIFF_USAGE}

  PATH is a describe-*/list-* JSON file, a folder (its *.json files), or an ecs-visualizer bundle.
  Exit status: 0 loaded without errors, 1 an input had an error (what loaded is still reported), 2 usage error
  (an -o that cannot be written is one, found before any work). export: 1 also for a PNG too big to draw (use SVG).
  fetch: 1 also when an AWS call failed (the snapshot is still written, with the failure in it), 130 when cancelled (nothing written).
  Every command's exit codes: docs/CLI.md.
  cost: --prices FILE lays a prices file (ecs-visualizer-prices/v1, USD) over the bundled list prices.
  diff: 0 equal, 1 different, 2 bad usage or an input with an error (as diff(1)).
  check: 1 when a finding at or above --fail-on (default error) exists, 2 also when an input had an error.
`;

/** Runs the command line `args` (without node and script) and returns the exit status. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`ecs-visualizer: unknown command "${escapeTerminal(command)}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`ecs-visualizer ${command}: ${escapeTerminal(err.message)}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw err;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `ecs-visualizer: internal error: ${escapeTerminalLines(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`,
      );
      process.exitCode = 70;
    },
  );
}
