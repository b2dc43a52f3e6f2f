/**
 * Turns a drop into a flat list of files, walking dropped folders (via
 * `webkitGetAsEntry`) so dropping a folder works like the folder button.
 */

/** A File plus the path it had inside a dropped folder. */
function withRelativePath(file: File, relativePath: string): File {
  // webkitRelativePath is read-only on File; shadow it so displayName() and folder rules see the path.
  Object.defineProperty(file, 'webkitRelativePath', { value: relativePath, configurable: true });
  return file;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    const relative = entry.fullPath.replace(/^\//, '');
    out.push(relative.includes('/') ? withRelativePath(file, relative) : file);
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries a call: read until it returns none.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/** The files of a drop, folders expanded. */
export async function filesFromDataTransfer(dt: DataTransfer): Promise<File[]> {
  const entries = [...(dt.items ?? [])]
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length > 0 && entries.every((e) => e !== null) && entries.some((e) => e?.isDirectory)) {
    const out: File[] = [];
    for (const entry of entries) if (entry) await walk(entry, out);
    return out;
  }
  return [...dt.files];
}
