// What a zip (an .xlsx) would inflate to, read from its central directory before any library unpacks it, and the
// refusal of a zip bomb: an 887 KB workbook whose sheet inflates to 260 MB of XML froze the server at 2.5 GB.

import zlib from 'node:zlib';

/** One file in a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** What the entry says it inflates to; {@link inflatesWithin} checks the data keeps to it. */
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/** All entries together may inflate to at most this: it bounds what the workbook library builds in memory. */
export const ZIP_MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** An entry larger than this when inflated may not be more than {@link ZIP_MAX_RATIO} times its compressed size. */
export const ZIP_RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** Real sheets compress 5 to 20 times; a run of one character, a bomb's filling, about a thousand. */
export const ZIP_MAX_RATIO = 100;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const U32_MAX = 0xffffffff;

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/**
 * The entries of a zip from its central directory (ZIP64 sizes included), or null when the bytes hold no readable one:
 * a damaged file, which the workbook library then reports as such.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, unless a comment (at most 65 535 bytes) follows it.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === U32_MAX) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = u64(view, eocd - 20 + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) return null;
    count = u64(view, record + 32);
    offset = u64(view, record + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) return null;
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    // ZIP64: a field at its 32-bit maximum is given in the extra field 0x0001, in this order, only when so marked.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        for (const field of ['uncompressedSize', 'compressedSize', 'localOffset'] as const) {
          if (entry[field] !== U32_MAX) continue;
          if (p + 8 > x + 4 + size) return null;
          entry[field] = u64(view, p);
          p += 8;
        }
      }
      x += 4 + size;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/**
 * Why a zip is refused before it is unpacked — everything together inflating past {@link ZIP_MAX_INFLATED_BYTES}, or
 * one large entry compressed past {@link ZIP_MAX_RATIO} — or null when it may be read.
 * @example inflationRefusal([{ name: 'xl/worksheets/sheet1.xml', method: 8, compressedSize: 270_000, uncompressedSize: 272_629_760, localOffset: 0 }]) // '文件解压后约 260 MB…'
 */
export function inflationRefusal(entries: readonly ZipEntry[]): string | null {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > ZIP_MAX_INFLATED_BYTES) {
    return `文件解压后约 ${mb(total)}，超过 ${mb(ZIP_MAX_INFLATED_BYTES)} 的上限；请删去多余的空行、空列，或分成几个文件导入`;
  }
  for (const e of entries) {
    if (e.uncompressedSize < ZIP_RATIO_CHECKED_FROM_BYTES) continue;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (ratio > ZIP_MAX_RATIO) return `文件中的“${e.name}”压缩比异常（${Math.round(ratio)}:1，上限 ${ZIP_MAX_RATIO}:1），疑似压缩炸弹，已拒绝`;
  }
  return null;
}

/** The message when an entry's data inflates past the size its directory declared. */
export function understatedSizeRefusal(entry: ZipEntry): string {
  return `文件中的“${entry.name}”解压后比它声明的大小更大，文件已损坏或被改动过，已拒绝`;
}

/**
 * Whether a deflated entry's data inflates to no more than its declared size — a bomb may declare a small one. The
 * data is inflated in a stream and thrown away as it comes, stopping at the first byte too many, so memory stays flat;
 * data that does not inflate at all passes here, for the workbook library to report as damaged.
 */
export function inflatesWithin(bytes: Uint8Array, entry: ZipEntry): Promise<boolean> {
  if (entry.method !== 8) return Promise.resolve(true);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return Promise.resolve(true);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let inflated = 0;
    inflate.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) {
        resolve(false);
        inflate.destroy();
      }
    });
    inflate.on('end', () => resolve(true));
    inflate.on('error', () => resolve(true));
    inflate.end(data);
  });
}

/** Why a zip is refused (see {@link inflationRefusal}, {@link inflatesWithin}), or null; a damaged one is not refused here. */
export async function zipBombRefusal(bytes: Uint8Array): Promise<string | null> {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const refusal = inflationRefusal(entries);
  if (refusal) return refusal;
  for (const entry of entries) if (!(await inflatesWithin(bytes, entry))) return understatedSizeRefusal(entry);
  return null;
}
