import { parseArgs } from 'node:util';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ingest, type ObjectPosition } from '../../shared/ingest/index';
import { computeFindings, RULES, SEVERITY_RANK, type Finding } from '../../shared/findings/index';
import type { Diagnostic, Severity } from '../../shared/model/types';
import { readSources } from '../files/read-sources';
import { diagnosticLine, escapeTerminal, terminalJson, UsageError, type CliIo } from './io';

/** Usage line of `check`. */
export const CHECK_USAGE = 'ecs-visualizer check PATH... [--format text|json|sarif] [--fail-on error|warning|info]';

const FORMATS = ['text', 'json', 'sarif'] as const;
const LEVELS: readonly Severity[] = ['error', 'warning', 'info'];

/** Exit statuses of `check`, like a linter's: findings at or above --fail-on are 1; bad usage or input is 2. */
export const CHECK_EXIT = { clean: 0, findings: 1, usageOrInput: 2 } as const;

/** One finding as `check --format json` prints it (DESIGN.md: add keys, never rename). */
export interface CheckFinding {
  rule: string;
  severity: Severity;
  objectId: string;
  arn: string | null;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  evidence: { path: string; value: string | number | boolean | null; objectId?: string }[];
  /** The hosts the placement explainer tried, each with its first failing check (placement-blocked only). */
  hosts?: { hostId: string; host: string; code: string; reason: string }[];
}

/** The findings with where their objects were described. */
export function toCheckFindings(findings: Finding[], positions: Map<string, ObjectPosition>): CheckFinding[] {
  return findings.map((f) => {
    const at = positions.get(f.objectId);
    return {
      rule: f.rule,
      severity: f.severity,
      objectId: f.objectId,
      arn: f.arn ?? null,
      message: f.message,
      file: at?.file ?? null,
      line: at?.line ?? null,
      column: at?.column ?? null,
      evidence: f.evidence,
      ...(f.placement
        ? {
            hosts: f.placement.hosts.map((h) => ({
              hostId: h.hostId,
              host: h.hostName,
              code: h.code,
              reason: h.reason,
            })),
          }
        : {}),
    };
  });
}

const SARIF_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** The findings as a SARIF 2.1.0 log: CI systems show each as an annotation at its object's position. */
export function toSarif(findings: CheckFinding[], toolVersion: string): Log {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.title,
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id as string, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ecs-visualizer', version: toolVersion, rules } },
        results: findings.map((f): Result => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          ...(f.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: f.file.split('\\').join('/') },
                      ...(f.line
                        ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } }
                        : {}),
                    },
                    logicalLocations: [{ fullyQualifiedName: f.arn ?? f.objectId, kind: 'resource' }],
                  },
                ],
              }
            : {}),
          partialFingerprints: { objectRule: `${f.rule}|${f.objectId}` },
          properties: { objectId: f.objectId, evidence: f.evidence },
        })),
      },
    ],
  };
}

/** Hosts listed under a placement finding in the text report. */
const TEXT_HOSTS = 10;

/** The readable report: one line per finding (file:line:column: severity [rule] message), hosts and evidence under it. */
export function formatCheckText(findings: CheckFinding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    const where = f.file ? `${escapeTerminal(f.file)}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}: ` : '';
    lines.push(`${where}${f.severity} [${f.rule}] ${escapeTerminal(f.message)}`);
    const hosts = f.hosts ?? [];
    // A cluster of hundreds of hosts would bury the next finding in a CI log: the first few, then how many more.
    for (const h of hosts.slice(0, TEXT_HOSTS))
      lines.push(`    host ${escapeTerminal(h.host)}: ${escapeTerminal(h.reason)}`);
    if (hosts.length > TEXT_HOSTS)
      lines.push(`    … ${hosts.length - TEXT_HOSTS} more hosts (--format json lists every one)`);
    // A host's evidence is its line above; the JSON keeps both.
    const listed = new Set(hosts.map((h) => h.hostId));
    for (const e of f.evidence.filter((x) => !x.objectId || !listed.has(x.objectId)))
      lines.push(
        `    ${e.objectId ? `${escapeTerminal(e.objectId.split('|').pop() ?? '')} ` : ''}${escapeTerminal(e.path)} = ${escapeTerminal(typeof e.value === 'string' ? e.value : JSON.stringify(e.value))}`,
      );
  }
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(
    `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`,
  );
  return lines.join('\n') + '\n';
}

/** `check PATH... [--format] [--fail-on]`: load, run the rules, print; exit 0/1 by --fail-on, 2 on usage or input errors. */
export async function runCheck(args: string[], io: CliIo, toolVersion = '0.1.0'): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string', default: 'error' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const format = parsed.values.format as (typeof FORMATS)[number];
  const failOn = parsed.values['fail-on'] as Severity;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be text, json or sarif, not "${escapeTerminal(format)}"`);
  if (!LEVELS.includes(failOn))
    throw new UsageError(`--fail-on must be error, warning or info, not "${escapeTerminal(failOn)}"`);
  if (parsed.positionals.length === 0) throw new UsageError('check needs at least one PATH (a file or a folder)');

  const read = await readSources(parsed.positionals);
  const positions = new Map<string, ObjectPosition>();
  const topology = ingest(read.sources, { diagnostics: read.diagnostics, positions });
  const findings = toCheckFindings(computeFindings(topology), positions);
  const diagnostics: Diagnostic[] = topology.diagnostics;

  if (format === 'json') io.stdout(terminalJson({ findings, diagnostics }, 2) + '\n');
  else if (format === 'sarif') io.stdout(terminalJson(toSarif(findings, toolVersion), 2) + '\n');
  else io.stdout(formatCheckText(findings));

  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr(diagnosticLine(d) + '\n');
  if (errors.length > 0) return CHECK_EXIT.usageOrInput;
  const failing = findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]);
  return failing ? CHECK_EXIT.findings : CHECK_EXIT.clean;
}
