import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import ts from 'typescript';

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

/** Lints a snippet as if it were a file at `path`, returning the ids of the rules it breaks. */
async function ruleHits(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.map((m) => m.ruleId ?? `parse: ${m.message}`);
}

describe('every Node built-in is refused outside main/, with and without node:', () => {
  // Built-ins the first list of names did not have, and sub-paths of ones it had.
  const probes = ['zlib', 'node:zlib', 'fs/promises', 'node:fs/promises', 'worker_threads', 'v8', 'node:dns', 'module'];
  it.each(probes)('shared/ and renderer/ refuse %s', async (name) => {
    const code = `import * as m from '${name}';\nexport const x = m;`;
    expect(await boundaryHits('shared/graph/probe.ts', code)).toHaveLength(1);
    expect(await boundaryHits('renderer/panels/probe.tsx', code)).toHaveLength(1);
  });

  it('renderer/ has no process, require or Buffer', async () => {
    for (const code of ['export const m = process.env.MODE;', 'export const b = Buffer.from("x");']) {
      const hits = await boundaryHits('renderer/probe.ts', code);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toContain('The renderer has no Node');
    }
  });
});

describe('React hooks are linted in renderer/', () => {
  it('a hook called under a condition breaks rules-of-hooks', async () => {
    const code =
      "import { useState } from 'react';\nexport function C({ a }: { a: boolean }) {\n  if (a) useState(1);\n  return null;\n}\n";
    expect(await ruleHits('renderer/panels/probe.tsx', code)).toContain('react-hooks/rules-of-hooks');
  });

  it('an effect missing a dependency breaks exhaustive-deps', async () => {
    const code =
      "import { useEffect } from 'react';\nexport function C({ a }: { a: number }) {\n  useEffect(() => console.log(a), []);\n  return null;\n}\n";
    expect(await ruleHits('renderer/panels/probe.tsx', code)).toContain('react-hooks/exhaustive-deps');
  });
});

describe('the code the command-line tool runs has no Electron', () => {
  it.each(['main/cli/probe.ts', 'main/aws/probe.ts', 'main/files/probe.ts', 'main/export/probe.ts'])(
    '%s refuses electron but takes Node',
    async (path) => {
      expect(await boundaryHits(path, "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
      expect(
        await boundaryHits(path, "import { readFile } from 'node:fs/promises';\nexport const r = readFile;"),
      ).toEqual([]);
      expect(await boundaryHits(path, "import { App } from '../../renderer/app';\nexport const A = App;")).toHaveLength(
        1,
      );
    },
  );

  it('the rest of main/ may import electron', async () => {
    expect(
      await boundaryHits('main/window-probe.ts', "import { app } from 'electron';\nexport const a = app;"),
    ).toEqual([]);
  });
});

describe('shared/ type-checks without DOM or Node types (tsconfig.shared.json)', () => {
  /** Type-checks `code` as a file in shared/ under tsconfig.shared.json; returns the error texts. */
  function sharedTypeErrors(code: string): string[] {
    const configPath = join(ROOT, 'tsconfig.shared.json');
    const config = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    if (!config) throw new Error('tsconfig.shared.json did not parse');
    const probe = join(ROOT, 'shared', '__probe__.ts');
    const host = ts.createCompilerHost({ ...config.options, noEmit: true });
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => (file === probe ? code : readFile(file));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (file) => file === probe || fileExists(file);
    const platform = config.fileNames.filter((f) => f.endsWith('platform.d.ts'));
    const program = ts.createProgram([probe, ...platform], { ...config.options, noEmit: true }, host);
    return ts
      .getPreEmitDiagnostics(program, program.getSourceFile(probe))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('refuses DOM and Node globals', () => {
    expect(sharedTypeErrors('export const t = document.title;').join(' ')).toContain("Cannot find name 'document'");
    expect(sharedTypeErrors('export const e = process.env;').join(' ')).toContain("Cannot find name 'process'");
    expect(sharedTypeErrors('export const w = window;').join(' ')).toContain("Cannot find name 'window'");
  }, 30_000);

  it('gives shared/ the platform globals every host has (platform.d.ts)', () => {
    expect(
      sharedTypeErrors(
        "export const s = new TextDecoder('utf-8').decode(new Uint8Array(2));\nexport const h = new URL('https://x').hostname;",
      ),
    ).toEqual([]);
  }, 30_000);
});
