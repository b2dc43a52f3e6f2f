/**
 * The one place the app opens a URL outside itself: AWS console links, in
 * the system browser. Every caller (the IPC handler, window.open of a link)
 * comes through here, so the allow-list is checked right before the call.
 */
import { shell } from 'electron';
import { isAllowedExternalUrl } from '../shared/ipc/channels';

/** Opens an https://*.console.aws.amazon.com URL in the system browser; anything else is refused (false). */
export async function openAwsConsoleUrl(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  // Electronegativity flags any non-literal openExternal; the URL was checked on the line above to be an https AWS console URL,
  // so it cannot start a local program or open a file. Listed in the README's security section.
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}
