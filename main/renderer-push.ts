/**
 * Main → renderer pushes (opened files' texts, menu commands). A push made
 * before the page listens (a file given on the command line opens while the
 * page still loads) is held until the preload says the page is ready; after a
 * reload of the page the current files are sent again, so the diagram comes
 * back instead of an empty window.
 */
import type { BrowserWindow } from 'electron';
import type { AwsPushChannels } from '../shared/ipc/aws-fetch';
import type { MenuCommand, OpenedSources, PushChannels, TopologyPushReason } from '../shared/ipc/channels';

/** Sends pushes to the app window once its page listens. */
export class RendererPush {
  private ready = false;
  private latest: { opened: OpenedSources; reason: TopologyPushReason } | null = null;
  private unsent = false;

  constructor(private readonly getWindow: () => BrowserWindow | null) {}

  private send<C extends keyof PushChannels>(channel: C, ...args: PushChannels[C]): boolean {
    const window = this.getWindow();
    if (!this.ready || !window || window.isDestroyed()) return false;
    window.webContents.send(channel, ...args);
    return true;
  }

  /** Shows files main read: now when the page listens, else as soon as it does. */
  files(opened: OpenedSources, reason: TopologyPushReason): void {
    this.latest = { opened, reason };
    this.unsent = !this.send('files:push', opened, reason);
  }

  /** Forwards a menu command; dropped when no page listens, as a click on a blank window would be. */
  command(command: MenuCommand): void {
    this.send('menu:command', command);
  }

  /** Forwards live-fetch progress or an MFA prompt; dropped when no page listens (the fetch goes on regardless). */
  aws<C extends keyof AwsPushChannels>(channel: C, ...args: AwsPushChannels[C]): void {
    // AwsPushChannels is part of PushChannels; TypeScript cannot see that through the generic index.
    this.send(channel, ...(args as unknown as PushChannels[C]));
  }

  /** The page is listening: deliver what it missed (a fresh page has lost everything, so the current files are re-sent as an open). */
  markReady(): void {
    this.ready = true;
    if (this.latest) {
      const reason = this.unsent ? this.latest.reason : 'open';
      this.unsent = !this.send('files:push', this.latest.opened, reason);
    }
  }

  /** The page is loading again (reload, crash recovery): hold pushes until it listens. */
  markNotReady(): void {
    this.ready = false;
  }
}
