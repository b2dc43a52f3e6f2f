/**
 * The one way main answers the renderer: `handle()` registers a channel of
 * the contract in shared/ipc/channels.ts, refuses calls from any sender but
 * the app window's own top frame on the app origin, and validates the
 * argument with the channel's zod schema before the handler sees it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { InvokeArg, InvokeChannel, InvokeResult } from '../shared/ipc/channels';
import { invokeArgSchemas } from '../shared/ipc/schemas';
import type { Logger } from './logger';
import { isAppUrl } from './protocol';

/** A handler of one channel: gets an argument already validated against the contract. */
export type InvokeHandler<C extends InvokeChannel> = (
  arg: InvokeArg<C>,
  event: IpcMainInvokeEvent,
) => InvokeResult<C> | Promise<InvokeResult<C>>;

/** Decides whether an IPC event comes from a frame the app trusts. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trusts only the top frame of the app window, showing a page of the app origin. */
export function createSenderCheck(getWindow: () => BrowserWindow | null): SenderCheck {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    if (event.sender !== window.webContents) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}

/** Registers channel handlers behind the sender check and the argument schema. */
export interface IpcRegistry {
  handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C>): void;
}

/** Creates the registry every main module registers its handlers through. */
export function createIpc(isTrustedSender: SenderCheck, log: Logger): IpcRegistry {
  return {
    handle(channel, handler) {
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
        if (!isTrustedSender(event)) {
          log.warn(`IPC ${channel} refused: sender is not the app window (${event.senderFrame?.url ?? 'no frame'})`);
          throw new Error(`${channel}: refused, the sender is not the app window`);
        }
        const parsed = invokeArgSchemas[channel].safeParse(raw);
        if (!parsed.success) {
          log.warn(`IPC ${channel} refused: malformed argument: ${parsed.error.message}`);
          throw new Error(`${channel}: malformed argument`);
        }
        // The schema map is checked against the contract with `satisfies`, so the parsed value has the channel's type.
        return handler(parsed.data as InvokeArg<typeof channel>, event);
      });
    },
  };
}
