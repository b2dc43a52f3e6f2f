// Builds the desktop app into dist/: the main process (ESM) in dist/main/,
// the preload as CommonJS (a sandboxed preload cannot load ES modules), the
// renderer with Vite into dist/renderer/ with the CSP meta tag written in,
// and the demo snapshot into dist/demo/.
// Usage: node scripts/build-electron.mjs [--skip-renderer] [--out DIR]
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const dist =
  outIndex > 0 && process.argv[outIndex + 1] ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'dist');
const skipRenderer = process.argv.includes('--skip-renderer');

// Electron 45 runs Node 22 in main and Chromium 140 in the page.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

async function buildMain() {
  await build({
    entryPoints: [path.join(root, 'main/main.ts')],
    outfile: path.join(dist, 'main/main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    sourcemap: 'linked',
    // resvg is a native addon: it stays in node_modules (electron-builder packs production dependencies).
    external: ['electron', '@resvg/resvg-js'],
    // Prefer ES module builds: jsonc-parser's UMD build requires its own files at run time, which a bundle cannot serve.
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies (electron-log) call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

async function buildPreload() {
  await build({
    entryPoints: [path.join(root, 'main/preload.ts')],
    outfile: path.join(dist, 'main/preload.cjs'),
    bundle: true,
    // A sandboxed preload gets a browser-like require() that knows only 'electron' (and a few Node polyfills).
    platform: 'browser',
    format: 'cjs',
    target: CHROME_TARGET,
    sourcemap: 'inline',
    external: ['electron'],
    logLevel: 'warning',
  });
}

/** Loads a TypeScript module of the repo (the CSP) by bundling it in memory. */
async function importTs(file) {
  const result = await build({
    entryPoints: [path.join(root, file)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  return import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0].text)}`);
}

async function buildRenderer() {
  const rendererRoot = path.join(root, 'renderer');
  if (!existsSync(path.join(rendererRoot, 'index.html'))) {
    throw new Error('renderer/index.html not found: the renderer has to exist before the desktop app can be built');
  }
  const { CONTENT_SECURITY_POLICY_META } = await importTs('main/csp.ts');
  const vite = await import('vite');
  // The renderer's own Vite config (the one web mode builds with), so both hosts run the same bundle.
  const configFile = ['vite.web.config.ts', 'vite.config.ts', 'vite.config.mts', 'vite.config.js']
    .map((f) => path.join(root, f))
    .find((f) => existsSync(f));
  await vite.build({
    configFile: configFile ?? false,
    root: rendererRoot,
    // Relative asset URLs resolve on app://ecs-visualizer/ as on any static host.
    base: './',
    logLevel: 'warn',
    build: { outDir: path.join(dist, 'renderer'), emptyOutDir: true, target: CHROME_TARGET, sourcemap: false },
    plugins: configFile
      ? [cspMetaPlugin(CONTENT_SECURITY_POLICY_META)]
      : [(await import('@vitejs/plugin-react')).default(), cspMetaPlugin(CONTENT_SECURITY_POLICY_META)],
  });
}

/** Writes main/csp.ts's policy as the page's CSP meta tag, replacing any other, before any script (the protocol also sends it as a header). */
function cspMetaPlugin(policy) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return {
    name: 'ecs-visualizer-csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const stripped = html.replace(/[ \t]*<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi, '');
        const charset = /<meta charset=[^>]*>/i;
        return charset.test(stripped)
          ? stripped.replace(charset, (m) => `${m}\n    ${tag}`)
          : stripped.replace(/<head>/i, `<head>\n    ${tag}`);
      },
    },
  };
}

/** The demo File > Open Demo loads in the app: the renderer's demo snapshot (the one web mode bundles), else the samples. */
async function copyDemo() {
  const to = path.join(dist, 'demo');
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  const snapshot = path.join(root, 'renderer/demo/demo-snapshot.json');
  if (existsSync(snapshot)) {
    await cp(snapshot, path.join(to, 'demo-snapshot.json'));
    return;
  }
  const samples = path.join(root, 'fixtures/samples');
  for (const name of await readdir(samples)) {
    if (name.endsWith('.json')) await cp(path.join(samples, name), path.join(to, name));
  }
}

await rm(path.join(dist, 'main'), { recursive: true, force: true });
await Promise.all([buildMain(), buildPreload(), copyDemo()]);
if (!skipRenderer) await buildRenderer();
console.log(
  `built the desktop app into ${path.relative(process.cwd(), dist) || 'dist'}/ (main, preload.cjs${skipRenderer ? '' : ', renderer'}, demo)`,
);
