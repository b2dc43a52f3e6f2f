import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints a snippet as if it were a file at `path`, returning the boundary rule hits. */
async function boundaryHits(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('process boundaries are enforced by lint', () => {
  it.each([
    ["import { app } from 'electron';", 'Electron'],
    ["import { readFileSync } from 'node:fs';", 'Node'],
    ["import fs from 'fs';", 'Node'],
    ["import { createRoot } from 'react-dom/client';\nimport { x } from 'react-dom';", 'DOM'],
    ['export const w = window.innerWidth;', 'window'],
  ])('shared/ refuses %s', async (code, word) => {
    const hits = await boundaryHits('shared/ingest/probe.ts', code);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.join(' ')).toContain(word);
  });

  it('renderer/ may not import electron or node built-ins', async () => {
    expect(await boundaryHits('renderer/probe.tsx', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(await boundaryHits('renderer/probe.tsx', "import { readFile } from 'node:fs/promises';")).toHaveLength(1);
  });

  it('main/ may import node and electron, but not renderer code', async () => {
    expect(
      await boundaryHits(
        'main/probe.ts',
        "import { readFile } from 'node:fs/promises';\nimport { app } from 'electron';",
      ),
    ).toEqual([]);
    expect(await boundaryHits('main/probe.ts', "import { App } from '../renderer/app';")).toHaveLength(1);
  });

  it('plain pure code in shared/ passes', async () => {
    expect(
      await boundaryHits('shared/ingest/probe.ts', "import { z } from 'zod';\nexport const s = z.string();"),
    ).toEqual([]);
  });
});
