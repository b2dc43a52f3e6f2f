/** How a set of opened files is named in the title bar and in the saved views' keys. */
import type { AwsFetchRequest } from '../../shared/ipc/aws-fetch';

/** "name.json", "folder/ (3 files)" for a picked folder, else "3 files". */
export function labelFor(files: readonly File[]): string {
  if (files.length === 1) return files[0].name;
  // Not every File has webkitRelativePath (jsdom, some hosts): treat it as absent.
  const rel = (f: File) => f.webkitRelativePath ?? '';
  const folder = rel(files[0]).split('/')[0];
  return folder && files.every((f) => rel(f).startsWith(`${folder}/`))
    ? `${folder}/ (${files.length} files)`
    : `${files.length} files`;
}

/** How the demo snapshot is named, as a picked file's name would be. */
export const DEMO_LABEL = 'demo snapshot';

/** How files the desktop's main opened (menu, command line, OS) are named. */
export const OPENED_FILES_LABEL = 'opened files';

/** What the title bar says a live load is: profile and regions. */
export function liveLabel(request: AwsFetchRequest): string {
  const regions = request.regions.length > 0 ? request.regions.join(', ') : 'profile region';
  return `AWS ${request.profile ?? 'default credentials'} · ${regions}`;
}
