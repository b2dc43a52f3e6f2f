/**
 * Decodes file bytes to text. PowerShell's `>` writes UTF-16 with a byte order
 * mark, so `aws ecs describe-tasks > tasks.json` on Windows is not UTF-8; the
 * BOM says which encoding it is.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return stripBom(text);
}

/** Drops a leading byte order mark, which JSON.parse refuses. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file read as bytes, decoded (`decodeText`) for ingest. */
export function decodeSource(source: { name: string; bytes: Uint8Array }): { name: string; text: string } {
  return { name: source.name, text: decodeText(source.bytes) };
}
