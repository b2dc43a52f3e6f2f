import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import type { Topology } from '../shared/model/types';
import { RendererPush } from './renderer-push';
import { BrowserWindow, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const topology = (name: string): Topology => ({
  clusters: [],
  services: [],
  tasks: [],
  taskDefinitions: [],
  containerInstances: [],
  capacityProviders: [],
  targetGroups: [],
  diagnostics: [],
  files: [{ name, shapes: [] }],
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
    push.topology(topology('argv.json'), 'open');
    expect(window.webContents.send).not.toHaveBeenCalled();
    push.markReady();
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('topology:push', topology('argv.json'), 'open');
  });

  it('after the page reloads (or recovers from a crash) the diagram is sent again', () => {
    push.markReady();
    push.topology(topology('a.json'), 'reload');
    push.markNotReady();
    push.markReady();
    expect(window.webContents.send).toHaveBeenLastCalledWith('topology:push', topology('a.json'), 'open');
  });

  it('menu commands go to a listening page and are dropped otherwise', () => {
    push.command('fit');
    expect(window.webContents.send).not.toHaveBeenCalled();
    push.markReady();
    push.command('export-png');
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('menu:command', 'export-png');
  });
});
