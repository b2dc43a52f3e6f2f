// The desktop security check of `npm test`: Electronegativity over the app's
// own sources in main/ and renderer/ (tests and the test fakes are not part
// of the app and are left out). Fails on any finding of MEDIUM severity or
// higher, and on any file Electronegativity could not parse. Run through its
// programmatic API because its CLI exits 0 even when it finds something.
// Findings silenced in place (`eng-disable` with the reason beside it) are
// listed in the README's security section.
import run from '@doyensec/electronegativity';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['main', 'renderer'];
const FAIL_AT = 'MEDIUM';
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

const isAppSource = (rel) =>
  /\.(ts|tsx|js|jsx|mjs|cjs|html)$/.test(rel) &&
  !/\.(test|spec)\.[cm]?[jt]sx?$/.test(rel) &&
  !rel.split(path.sep).includes('test');

async function stage(target) {
  const staged = [];
  for (const folder of SCANNED) {
    const from = path.join(root, folder);
    if (!existsSync(from)) continue;
    for (const rel of await readdir(from, { recursive: true })) {
      if (!isAppSource(rel)) continue;
      await cp(path.join(from, rel), path.join(target, folder, rel));
      staged.push(path.join(folder, rel));
    }
  }
  // Lets the version checks know which Electron the app ships.
  await cp(path.join(root, 'package.json'), path.join(target, 'package.json'));
  return staged;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'ecs-visualizer-electronegativity-'));
let failed = false;
try {
  const staged = await stage(work);
  // Electronegativity logs a line when it cannot fetch translation updates; that says nothing about the app.
  const log = console.log;
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  let result;
  try {
    result = await run({
      input: work,
      severitySet: FAIL_AT,
      confidenceSet: 'TENTATIVE',
      isRelative: true,
      electronVersionOverride: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies
        .electron,
    });
  } finally {
    console.log = log;
  }
  const findings = result.issues.filter((issue) => SEVERITY_RANK[issue.severity.name] >= SEVERITY_RANK[FAIL_AT]);
  const unparsed = result.errors.filter((error) => !error.tolerable);
  for (const issue of findings) {
    console.error(
      `${issue.file}:${issue.location.line}:${issue.location.column}: ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.description}`,
    );
  }
  for (const issue of result.issues.filter((i) => !findings.includes(i))) {
    console.log(
      `note (below ${FAIL_AT}): ${issue.file}:${issue.location.line}: ${issue.id} (${issue.severity.name}) ${issue.description}`,
    );
  }
  for (const error of unparsed)
    console.error(`${path.relative(work, error.file)}: could not be parsed: ${error.message}`);
  const below = result.issues.length - findings.length;
  console.log(
    `electronegativity: ${staged.length} files of ${SCANNED.join('/, ')}/ scanned with ${result.globalChecks + result.atomicChecks} checks; ` +
      `${findings.length} finding(s) at ${FAIL_AT} or above, ${below} below, ${unparsed.length} file(s) not parsed`,
  );
  failed = findings.length > 0 || unparsed.length > 0;
} finally {
  await rm(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
