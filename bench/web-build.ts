/**
 * The web build the browser benchmarks open: built into their own folder (dist-web belongs to `npm run web`
 * and the e2e run, which may be building it right now) and served from a local port.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Builds the web mode into `webDir`, unless `reuse` and a build is already there. */
export function buildWeb(webDir: string, reuse: boolean): void {
  if (reuse && existsSync(path.join(webDir, 'index.html'))) return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.web.config.ts',
      '--outDir',
      webDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves `webDir` on a free local port; `extra` answers a path first when it returns true (a file the bench
 * itself serves). Returns the base URL and how to stop.
 */
export async function serveWeb(
  webDir: string,
  extra: (pathname: string, res: ServerResponse) => boolean = () => false,
): Promise<{ base: string; close: () => void }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (extra(url.pathname, res)) return;
    const file = path.join(webDir, path.normalize(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(webDir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    close: () => server.close(),
  };
}
