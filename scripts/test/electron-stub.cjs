/* global require, exports, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: require() is how it imports */
// A stand-in for the `electron` module when the built main bundle is loaded
// under plain Node (scripts/build-electron.test.ts): records what the bundle
// does at load time, and never becomes ready.
const { EventEmitter } = require('node:events');

const calls = [];
globalThis.__electronStubCalls = calls;

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getName: () => 'ecs-visualizer',
  getVersion: () => '0.0.0',
  getAppPath: () => process.cwd(),
  getPath: (name) => require('node:path').join(require('node:os').tmpdir(), `electron-stub-${name}`),
  setPath: () => undefined,
  isReady: () => false,
  requestSingleInstanceLock: () => {
    calls.push('requestSingleInstanceLock');
    return true;
  },
  whenReady: () => {
    calls.push('whenReady');
    return new Promise(() => undefined);
  },
});
const originalOn = app.on.bind(app);
app.on = (event, listener) => {
  calls.push(`app.on:${event}`);
  return originalOn(event, listener);
};

exports.app = app;
exports.protocol = {
  registerSchemesAsPrivileged: (schemes) =>
    calls.push(`registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join(',')}`),
  handle: () => undefined,
};
exports.ipcMain = Object.assign(new EventEmitter(), { handle: () => undefined });
exports.BrowserWindow = class {};
exports.Menu = {};
exports.dialog = {};
exports.shell = {};
exports.session = {};
exports.nativeTheme = new EventEmitter();
exports.webContents = {};
