import type { Diagnostic } from '../model/types';

/** Largest input file accepted: a larger one is refused from its size, without being read. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** `bytes` in MiB with one decimal, as the size messages print a size ("256.0"). */
export function mebibytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** A limit of `bytes` in whole MiB, as the size messages print a limit ("256"). */
export function wholeMebibytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}

/** The error for a file refused from its size, or null when the size is fine. Readers call this before reading. */
export function checkFileSize(file: string, size: number): Diagnostic | null {
  if (size <= MAX_FILE_BYTES) return null;
  const mib = mebibytes(size);
  // Just over the limit rounds to "256.0 MiB", which reads as not over it: then the exact byte counts say why.
  const howBig =
    Number(mib) * 1024 * 1024 > MAX_FILE_BYTES
      ? `${mib} MiB`
      : `${groupDigits(size)} bytes (the limit is ${groupDigits(MAX_FILE_BYTES)} bytes)`;
  return {
    severity: 'error',
    code: 'too-large',
    message: `file is ${howBig}, over the ${wholeMebibytes(MAX_FILE_BYTES)} MiB limit; it was not read`,
    file,
  };
}

/** 268435457 -> "268,435,457", the same in every locale (diagnostics are text that tests and CI logs compare). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The info diagnostic for a file in an opened folder that is not `*.json` and was skipped. */
export function skippedFileDiagnostic(file: string): Diagnostic {
  return { severity: 'info', code: 'skipped', message: 'not a .json file; skipped', file };
}

/** True for names a folder load takes (`*.json`, any case). */
export function isJsonFileName(name: string): boolean {
  return /\.json$/i.test(name);
}
