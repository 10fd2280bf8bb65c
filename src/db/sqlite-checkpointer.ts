// Checkpoints an SQLite file's write-ahead log from a worker thread with its own connection, so the server's thread
// (which does every write) never stops to copy the log back into the database while users wait.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the log is copied back: the log stays a few MiB in a rush, and an idle server does nothing. */
const CHECKPOINT_EVERY_MS = 5_000;

// A PASSIVE checkpoint copies what no reader still needs and never waits for a writer or blocks one. Plain JavaScript
// run by `eval`, so the same text serves the TypeScript sources and the built command; the driver's path comes in.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
parentPort.on('message', () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String(e && e.message || e) });
  }
});
`;

export interface CheckpointResult {
  ok: boolean;
  /** Pages in the log, and pages of it copied back, as SQLite reports them. */
  log?: number;
  checkpointed?: number;
  message?: string;
}

export interface Checkpointer {
  /** One checkpoint now, answered when done: what the timer does, callable by tests and the bench. */
  checkpoint(): Promise<CheckpointResult>;
  stop(): Promise<void>;
}

/** Starts the worker for one SQLite file; `onError` hears a failed checkpoint (the writer's own is the backstop). */
export function startCheckpointer(file: string, onError: (message: string) => void = () => {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
  // Neither the worker nor its timer keeps a finished command alive.
  worker.unref();
  const waiting: ((r: CheckpointResult) => void)[] = [];
  worker.on('message', (r: CheckpointResult) => {
    if (!r.ok) onError(r.message ?? 'checkpoint failed');
    waiting.shift()?.(r);
  });
  let stopped = false;
  worker.on('error', (e) => {
    stopped = true;
    onError(e.message);
    for (const resolve of waiting.splice(0)) resolve({ ok: false, message: e.message });
  });
  const checkpoint = () =>
    new Promise<CheckpointResult>((resolve) => {
      if (stopped) return resolve({ ok: false, message: 'checkpointer stopped' });
      waiting.push(resolve);
      worker.postMessage('checkpoint');
    });
  // Only one checkpoint at a time: a slow one is not queued behind by the next tick.
  const timer = setInterval(() => void (waiting.length === 0 && checkpoint()), CHECKPOINT_EVERY_MS);
  timer.unref();
  return {
    checkpoint,
    async stop() {
      clearInterval(timer);
      stopped = true;
      await worker.terminate();
    },
  };
}
