// A table as CSV that Excel and WPS open as UTF-8 (a byte-order mark first), every cell quoted and users' text inert.

import { inertText } from '../domain/ledger/ledger-cells.ts';

const cell = (v: string | number) => `"${(typeof v === 'string' ? inertText(v) : String(v)).replace(/"/g, '""')}"`;

export function writeCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): Buffer {
  const lines = [columns, ...rows].map((r) => r.map(cell).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
