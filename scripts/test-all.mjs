#!/usr/bin/env node
// `npm test`: every suite in one run — typecheck, lint, Vitest (node + jsdom), Playwright (web mode in
// Chromium, and the Electron app where its binary exists) — ending with one line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = '.test-output';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** A check that is one test: passes when the command exits 0. */
function check(label, cmd, args) {
  const ok = run(label, cmd, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${ok ? 'passed' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['.']);
check('format (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,tsx,mjs,js,css,html}']);
// The desktop security check (Electronegativity) runs where the project defines it.
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
if (scripts['test:security']) check('security (electronegativity)', 'npm', ['run', '--silent', 'test:security']);

{
  const file = join(out, 'vitest.json');
  const status = run('vitest', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const r = readJson(file);
  if (!r) {
    totals.failed += 1;
    lines.push(`vitest: no results (exit ${status})`);
  } else {
    const passed = r.numPassedTests;
    const failed = r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
    const skipped = r.numPendingTests + r.numTodoTests;
    Object.assign(totals, {
      passed: totals.passed + passed,
      failed: totals.failed + failed,
      skipped: totals.skipped + skipped,
    });
    lines.push(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}

for (const [label, config] of [
  ['playwright (web, Chromium)', 'playwright.config.ts'],
  ['playwright (Electron)', 'playwright.electron.config.ts'],
]) {
  if (!existsSync(config)) continue;
  const file = join(out, `${config}.json`);
  const status = run(label, bin('playwright'), ['test', '-c', config, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  const r = readJson(file);
  if (!r?.stats) {
    totals.failed += 1;
    lines.push(`${label}: no results (exit ${status})`);
    continue;
  }
  const passed = r.stats.expected + r.stats.flaky;
  const failed = r.stats.unexpected + (status !== 0 && r.stats.unexpected === 0 ? 1 : 0);
  const skipped = r.stats.skipped;
  Object.assign(totals, {
    passed: totals.passed + passed,
    failed: totals.failed + failed,
    skipped: totals.skipped + skipped,
  });
  lines.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(join(out, 'summary.txt'), summary + '\n');
process.stdout.write(`\n${lines.join('\n')}\n\n${summary}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
