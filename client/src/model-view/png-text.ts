/**
 * PNG text chunks (tEXt, Latin-1 keyword and text): an exported chart carries its title, purpose and
 * date inside the file, where an image viewer or a court file's index can read them.
 */
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Latin-1 only, as tEXt requires: other characters become '?'. */
const latin1 = (text: string): number[] => [...text].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63));

function textChunk(keyword: string, text: string): Uint8Array {
  const data = [...latin1(keyword), 0, ...latin1(text)];
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([116, 69, 88, 116], 4); // "tEXt"
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

const isPng = (bytes: Uint8Array): boolean => SIGNATURE.every((b, i) => bytes[i] === b);

/** The PNG with a tEXt chunk per entry, right after its header chunk. */
export function withPngText(bytes: Uint8Array, entries: Readonly<Record<string, string>>): Uint8Array<ArrayBuffer> {
  if (!isPng(bytes)) throw new Error('Not a PNG file.');
  const headerEnd = 8 + 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8);
  const chunks = Object.entries(entries).map(([keyword, text]) => textChunk(keyword, text));
  const size = bytes.length + chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, headerEnd));
  let at = headerEnd;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  out.set(bytes.subarray(headerEnd), at);
  return out;
}

export interface PngFacts {
  readonly width: number;
  readonly height: number;
  readonly text: Readonly<Record<string, string>>;
}

/** Width, height and tEXt entries of a PNG, checking each chunk's CRC. */
export function readPngFacts(bytes: Uint8Array): PngFacts {
  if (!isPng(bytes)) throw new Error('Not a PNG file.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text: Record<string, string> = {};
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new Error(`Bad CRC in the ${type} chunk.`);
    }
    if (type === 'tEXt') {
      const data = bytes.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      text[String.fromCharCode(...data.subarray(0, nul))] = String.fromCharCode(...data.subarray(nul + 1));
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return { width: view.getUint32(16), height: view.getUint32(20), text };
}
