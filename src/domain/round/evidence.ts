// Evidence a report carries (site photos, documents): which files are taken, judged by their first bytes, not their names.

/** 10 MB: a phone photo is 2–6 MB; anything larger is a video or a scan that belongs elsewhere. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { mime: string; test: (b: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mime: 'image/webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  // HEIC/HEIF, what iPhones take: an ISO box 'ftyp' with a heic-family brand.
  { mime: 'image/heic', test: (b) => ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1)$/.test(ascii(b, 8, 12)) },
  { mime: 'application/pdf', test: (b) => ascii(b, 0, 5) === '%PDF-' },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/**
 * The type of an evidence file from its content, or the reason it is refused, in words for the clerk.
 * @example evidenceType('现场.jpg', jpegBytes) // { mime: 'image/jpeg' }
 */
export function evidenceType(fileName: string, bytes: Uint8Array): { mime: string } | { refused: string } {
  if (bytes.length === 0) return { refused: `${fileName}：文件是空的` };
  if (bytes.length > EVIDENCE_MAX_BYTES) return { refused: `${fileName}：文件超过10MB，请压缩后再上传` };
  const match = SIGNATURES.find((s) => s.test(bytes));
  return match ? { mime: match.mime } : { refused: `${fileName}：只能上传照片（JPG、PNG、WEBP、HEIC）或PDF文件` };
}
