// A burst of HTTP requests against a server running in this process, sent from a worker thread so that the client's
// own work does not share the server's event loop: each request's latency and status, and the burst's wall time.

import { Worker } from 'node:worker_threads';

export interface BurstRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** The path and query, e.g. /api/reports/…/submit. */
  path: string;
  /** A bearer token; none for a sign-in. */
  token?: string;
  /** A JSON body, already serialised. */
  body?: string;
  /** Further headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

export interface BurstInput {
  /** http://127.0.0.1:<port> */
  base: string;
  requests: BurstRequest[];
  /** Requests in flight at once, each lane on its own keep-alive connection. */
  concurrency: number;
  /**
   * A request each lane sends once before the clock starts, all at once, so that every connection is open when the
   * burst begins. Without it the burst's first requests also wait for their connections to be accepted by a server
   * already saturated by the others' (seconds, on a busy event loop).
   */
  warmup?: BurstRequest;
  /**
   * Load beside the burst: `lanes` more connections sending `request` over and over until the burst's own requests
   * are answered, unrecorded (the county's call measured while province calls keep the server busy).
   */
  background?: { request: BurstRequest; lanes: number };
  /**
   * Requests that must go one after another, as one person clicks through a list: each lane sends its own (indices
   * into `requests`), in order, each once the one before is answered. Without it, each of `concurrency` lanes takes
   * the next request not yet sent. With it, give `concurrency` as the number of lanes.
   */
  lanes?: number[][];
  /** Send back every answer's body (a sign-in's token), not only samples of the failures. */
  keepBodies?: boolean;
}

export interface BurstOutput {
  /** Milliseconds from the start of the burst to sending each request, in the order given. */
  startedAt: Float64Array<ArrayBuffer>;
  /** Milliseconds from sending each request to the end of its answer, in the order given. */
  latencies: Float64Array<ArrayBuffer>;
  /** Each answer's HTTP status; 0 when the connection failed or timed out. */
  statuses: Uint16Array<ArrayBuffer>;
  /** 1 where the answer said it was the stored result of an earlier request with the same key (Idempotent-Replayed). */
  replayed: Uint8Array<ArrayBuffer>;
  wallMs: number;
  /** A few answers of each status other than 200, for the report. */
  samples: { index: number; path: string; status: number; body: string }[];
  /** Background requests answered during the burst, and how many of them were not 200. */
  background: { answered: number; failed: number };
  /** Every answer's body, in the order given, when asked for (`keepBodies`). */
  bodies?: string[];
}

const WORKER = new URL('./http-burst.worker.ts', import.meta.url).href;
// The worker loads TypeScript as the bench does: tsx registered inside it first.
const TSX_API = import.meta.resolve('tsx/esm/api');

/**
 * Sends the burst from a worker thread and resolves with its figures.
 * @param onStart called when the timed part begins (the worker started, the connections warmed up)
 */
export function httpBurst(input: BurstInput, onStart: () => void = () => {}): Promise<BurstOutput> {
  const boot = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: input });
  return new Promise((resolve, reject) => {
    let answered = false;
    worker.on('message', (m: BurstOutput | { started: true }) => {
      if ('started' in m) return onStart();
      answered = true;
      resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => answered || reject(new Error(`the burst's worker exited with code ${code} before answering`)));
  });
}

/** The value at or below which a share `p` of the sorted samples lie (nearest rank, as bench/lib/measure.ts). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
