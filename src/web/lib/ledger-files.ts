// Excel in and out of the ledger: the import report's shape, the upload (multipart, outside the typed client) and file downloads with the server's file name.
import type { InferResponseType } from 'hono/client';
import { ApiError, client, queryString, send } from '../api.ts';
import { downloadBlob } from './csv.ts';

/** The largest ledger the server takes; checked here too, so a clerk is not kept waiting on an upload that will be refused. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The report as the server's route declares it: what it read from one ledger and, when committed, what it wrote. */
export type ImportReport = InferResponseType<typeof client.ledger.import.$post, 200>;
export type ImportRow = ImportReport['rows'][number];
export type ImportAction = ImportRow['action'];

export interface ImportOptions {
  region: string;
  year?: number;
  asOf?: string;
  skipInvalid: boolean;
  commit: boolean;
}

/** Why a chosen file cannot be sent, in the clerk's words; null when it may go. */
export function checkImportFile(file: { name: string; size: number }): string | null {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.et') || lower.endsWith('.wps')) {
    return `“${file.name}”是 WPS 自有格式，请在 WPS 中“另存为”.xlsx 或 .xls 后再上传`;
  }
  if (!['.xlsx', '.xls', '.csv'].some((ext) => lower.endsWith(ext))) return `“${file.name}”不是 Excel 文件（.xlsx、.xls）或 CSV 表格`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_IMPORT_BYTES) return `文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB），台账文件不能超过 20 MB`;
  return null;
}

/** Sends the ledger to the importer: a preview when commit is false (nothing is written), the import itself when true. */
export async function importLedger(file: File, opts: ImportOptions): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = queryString({ region: opts.region, year: opts.year, asOf: opts.asOf, skipInvalid: opts.skipInvalid, commit: opts.commit });
  try {
    const res = await send(`/ledger/import${query}`, { method: 'POST', body: form });
    return (await res.json()) as ImportReport;
  } catch (e) {
    // A proxy in front of the server may refuse a large body with its own page and no message of ours.
    if (e instanceof ApiError && e.status === 413 && e.code === 'http_413') {
      throw new ApiError(413, 'too_large', '文件太大，台账文件不能超过 20 MB', e.details);
    }
    throw e;
  }
}

/** The file name the server gave (RFC 5987 `filename*` first, for Chinese names), else the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A badly encoded name: try the plain one.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Fetches a file from the API and hands it to the browser's download; refusals throw an ApiError like any call. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await send(path);
  const name = attachmentName(res.headers.get('Content-Disposition'), fallbackName);
  downloadBlob(name, await res.blob());
  return name;
}

export interface ExportFilters {
  region: string;
  asOf: string;
  phase?: string;
  stage?: string;
  township?: string;
  chain?: string;
  unit?: string;
  leader?: string;
  q?: string;
}

export function exportLedgerPath(f: ExportFilters): string {
  return `/ledger/export${queryString({ ...f })}`;
}

/** The template with its headers for the month being worked on ("1-5月完成投资"). */
export function templatePath(asOf: string): string {
  return `/ledger/template${queryString({ asOf })}`;
}
