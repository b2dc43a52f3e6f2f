import type { Diagnostic } from '../model/types';

/**
 * One line for a diagnostic, as compilers print them: `file:line:column: message`
 * where the position is known, else `file: $.json.path: message`, else `file: message`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ?? '(input)';
  if (d.line !== undefined && d.column !== undefined) return `${where}:${d.line}:${d.column}: ${d.message}`;
  if (d.path) return `${where}: ${d.path}: ${d.message}`;
  return `${where}: ${d.message}`;
}
