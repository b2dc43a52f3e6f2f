/** Where a command writes; tests pass buffers, the real CLI passes process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal (progress bars, colour). */
  isTty: boolean;
  /** True when stderr is a terminal (the fetch progress bar; plain lines otherwise). */
  stderrIsTty?: boolean;
}

/** Exit statuses of DESIGN.md: 0 no error, 1 an input had an error, 2 usage error. */
export const EXIT = { ok: 0, inputError: 1, usage: 2 } as const;

/** A usage error: printed with the usage text, exit 2. */
export class UsageError extends Error {}

/** Output escaping for every command (values from input or AWS): see terminal-text.ts. */
export { escapeTerminal, escapeTerminalLines, terminalJson, diagnosticLine } from './terminal-text';
