// Builds the command-line tool into dist/cli/cli.js: the file `ecs-visualizer`
// (package.json "bin") runs under plain Node 20+, no Electron and no tsx.
// Usage: node scripts/build-cli.mjs [--out DIR]
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const dist =
  outIndex > 0 && process.argv[outIndex + 1] ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'dist');
const outfile = path.join(dist, 'cli/cli.js');

await build({
  entryPoints: [path.join(root, 'main/cli/cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // resvg is a native addon and the AWS SDK loads parts of itself lazily: both stay installed dependencies.
  external: ['@resvg/resvg-js', '@aws-sdk/*', '@smithy/*'],
  // jsonc-parser's UMD build requires its own files at run time, which a bundle cannot serve.
  mainFields: ['module', 'main'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
process.stdout.write(`built ${path.relative(root, outfile)}\n`);
