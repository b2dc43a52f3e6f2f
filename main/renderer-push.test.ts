import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import type { OpenedSources } from '../shared/ipc/channels';
import { RendererPush } from './renderer-push';
import { BrowserWindow, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const opened = (name: string): OpenedSources => ({
  sources: [{ name, bytes: new TextEncoder().encode('{"tasks":[]}') }],
  diagnostics: [],
});

let window: BrowserWindow;
let push: RendererPush;
beforeEach(() => {
  resetFakeElectron();
  window = new BrowserWindow({});
  push = new RendererPush(() => window as unknown as ElectronWindow);
});

describe('pushes to the page', () => {
  it('a file opened before the page listens (command line) is delivered when it does', () => {
    push.files(opened('argv.json'), 'open');
    expect(window.webContents.send).not.toHaveBeenCalled();
    push.markReady();
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('files:push', opened('argv.json'), 'open');
  });

  it('after the page reloads (or recovers from a crash) the diagram is sent again', () => {
    push.markReady();
    push.files(opened('a.json'), 'reload');
    push.markNotReady();
    push.markReady();
    expect(window.webContents.send).toHaveBeenLastCalledWith('files:push', opened('a.json'), 'open');
  });

  it('menu commands go to a listening page and are dropped otherwise', () => {
    push.command('fit');
    expect(window.webContents.send).not.toHaveBeenCalled();
    push.markReady();
    push.command('export-png');
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('menu:command', 'export-png');
  });
});
