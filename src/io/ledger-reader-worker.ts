// The worker thread a large ledger file is parsed in, so the server goes on answering other people meanwhile.

import { parentPort, workerData } from 'node:worker_threads';
import { readLedgerTablesHere, WorkbookProblem } from './ledger-reader.ts';

/** What the worker posts back: the tables, a refusal to rebuild as a WorkbookProblem, or an unexpected failure. */
export type WorkerAnswer =
  | { ok: true; tables: Awaited<ReturnType<typeof readLedgerTablesHere>> }
  | { ok: false; problem: { message: string; kind: WorkbookProblem['kind'] } }
  | { ok: false; error: string };

async function answer(bytes: Uint8Array): Promise<WorkerAnswer> {
  try {
    return { ok: true, tables: await readLedgerTablesHere(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (e) {
    if (e instanceof WorkbookProblem) return { ok: false, problem: { message: e.message, kind: e.kind } };
    return { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort?.postMessage(await answer(workerData as Uint8Array));
