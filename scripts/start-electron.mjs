// `npm start`: builds the desktop app and launches it with the installed
// Electron. Where the Electron binary is missing it prints one line pointing
// to `npm run web` and exits 1 (nothing was launched), without building and
// without a stack trace. Extra arguments are passed to the app as paths to
// open: `npm start -- fixtures/samples`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinaryPath();
if (!binary) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
