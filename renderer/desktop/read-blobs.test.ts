import { describe, expect, it } from 'vitest';
import { readBlobs } from './read-blobs';
import type { Diagnostic } from '../../shared/model/types';

const json = '{"services": [{"serviceName": "wéb"}]}';

/** `text` as UTF-16 code units, little- or big-endian, after the byte order mark. */
function utf16(text: string, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new DataView(new ArrayBuffer(2 + text.length * 2));
  out.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i += 1) out.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return new Uint8Array(out.buffer);
}

describe('readBlobs', () => {
  it('reads a picked file as the desktop decodes its bytes: UTF-16 by its byte order mark, a UTF-8 BOM dropped', async () => {
    const le = utf16(json, true);
    const be = utf16(json, false);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    const diagnostics: Diagnostic[] = [];
    const texts = await readBlobs(
      [
        { name: 'le.json', file: new Blob([le]) },
        { name: 'be.json', file: new Blob([be]) },
        { name: 'bom8.json', file: new Blob([bom8]) },
        { name: 'bytes.json', bytes: le },
      ],
      diagnostics,
    );
    expect(texts.map((t) => t.name)).toEqual(['le.json', 'be.json', 'bom8.json', 'bytes.json']);
    for (const t of texts) expect(JSON.parse(t.text)).toEqual({ services: [{ serviceName: 'wéb' }] });
    expect(diagnostics).toEqual([]);
  });

  it('names a file that cannot be read, and still reads the others', async () => {
    const broken = { arrayBuffer: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    const diagnostics: Diagnostic[] = [];
    const texts = await readBlobs(
      [
        { name: 'gone.json', file: broken },
        { name: 'ok.json', file: new Blob([json]) },
      ],
      diagnostics,
    );
    expect(texts.map((t) => t.name)).toEqual(['ok.json']);
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'unreadable', file: 'gone.json' }]);
    expect(diagnostics[0].message).toContain('gone');
  });
});
