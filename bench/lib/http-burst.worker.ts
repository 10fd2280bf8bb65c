// The load generator of an HTTP burst, run in a worker thread: fires the requests it is given with bounded concurrency
// over keep-alive connections and sends back each one's latency and status. See http-burst.ts.

import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { BurstInput, BurstOutput, BurstRequest } from './http-burst.ts';

/** How long one request may take before it counts as failed (status 0). */
const REQUEST_TIMEOUT_MS = 120_000;
/** Answers kept whole for the report, per status: enough to see what went wrong, not 50 000 copies of it. */
const SAMPLES_PER_STATUS = 3;

function send(agent: http.Agent, url: URL, r: BurstRequest): Promise<{ status: number; body: string; replayed?: boolean }> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = { ...r.headers };
    if (r.token !== undefined) headers.authorization = `Bearer ${r.token}`;
    if (r.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(r.body);
    }
    const req = http.request({ host: url.hostname, port: url.port, path: r.path, method: r.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), replayed: res.headers['idempotent-replayed'] === 'true' }));
      res.on('error', (e) => resolve({ status: 0, body: e.message }));
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => resolve({ status: 0, body: e.message }));
    req.end(r.body);
  });
}

async function burst(input: BurstInput): Promise<BurstOutput> {
  const url = new URL(input.base);
  const backgroundLanes = input.background?.lanes ?? 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency + backgroundLanes });
  const startedAt = new Float64Array(input.requests.length);
  const latencies = new Float64Array(input.requests.length);
  const statuses = new Uint16Array(input.requests.length);
  const replayed = new Uint8Array(input.requests.length);
  const samples: BurstOutput['samples'] = [];
  const bodies: string[] | undefined = input.keepBodies ? new Array<string>(input.requests.length) : undefined;
  const sampled = new Map<number, number>();
  const lanes = input.lanes ? input.lanes.length : Math.min(input.concurrency, input.requests.length);
  // Every lane's connection is opened before the clock starts: the burst measures requests, not connection set-up.
  if (input.warmup) {
    const warmup = input.warmup;
    const answers = await Promise.all(Array.from({ length: lanes + backgroundLanes }, () => send(agent, url, warmup)));
    const failed = answers.find((a) => a.status !== 200);
    if (failed) throw new Error(`the warm-up request ${warmup.method} ${warmup.path} answered ${failed.status}: ${failed.body.slice(0, 300)}`);
  }
  let done = false;
  const background = { answered: 0, failed: 0 };
  const backgroundLane = async (request: BurstRequest) => {
    while (!done) {
      const { status } = await send(agent, url, request);
      background.answered++;
      if (status !== 200) background.failed++;
    }
  };
  // The load is under way (its requests sent and being worked on) before the first recorded request goes out.
  const loads = input.background ? Array.from({ length: backgroundLanes }, () => backgroundLane(input.background!.request)) : [];
  if (loads.length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  parentPort!.postMessage({ started: true });
  let next = 0;
  const origin = performance.now();
  const sendOne = async (i: number) => {
    const r = input.requests[i]!;
    const started = performance.now();
    const answer = await send(agent, url, r);
    const { status, body } = answer;
    replayed[i] = answer.replayed ? 1 : 0;
    startedAt[i] = started - origin;
    latencies[i] = performance.now() - started;
    statuses[i] = status;
    if (bodies) bodies[i] = body;
    if (status !== 200 && (sampled.get(status) ?? 0) < SAMPLES_PER_STATUS) {
      sampled.set(status, (sampled.get(status) ?? 0) + 1);
      samples.push({ index: i, path: r.path, status, body: body.slice(0, 500) });
    }
  };
  const lane = input.lanes
    ? async (k: number) => {
        for (const i of input.lanes![k]!) await sendOne(i);
      }
    : async () => {
        for (let i = next++; i < input.requests.length; i = next++) await sendOne(i);
      };
  await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k)));
  const wallMs = performance.now() - origin;
  done = true;
  await Promise.all(loads);
  agent.destroy();
  return { startedAt, latencies, statuses, replayed, wallMs, samples, background, bodies };
}

const output = await burst(workerData as BurstInput);
parentPort!.postMessage(output, [output.startedAt.buffer, output.latencies.buffer, output.statuses.buffer, output.replayed.buffer]);
