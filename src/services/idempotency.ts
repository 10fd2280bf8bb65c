// A write sent again with its Idempotency-Key gets the first request's answer: run once, answered the same each time.

import { createHash } from 'node:crypto';
import { AppError, invalidInput } from '../domain/errors.ts';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_POLICY, idempotencyKeyRefusal, isKeptAnswer, isStorableBody, keyedRequest } from '../domain/idempotency.ts';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  pruneIdempotencyKeys,
  reclaimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentAnswer,
} from '../db/repositories/idempotency.repository.ts';
import type { Db } from '../db/transaction.ts';

export interface Answer {
  status: number;
  contentType: string | null;
  /** The body's text; read only when the answer is kept. */
  text: () => Promise<string>;
}

export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface KeyedWrite {
  userId: string;
  key: string;
  method: string;
  /** The path with its query string. */
  path: string;
  body: Uint8Array;
}

const POLL_MS = 100;

/** SHA-256 of what was asked: the same key on another request is refused instead of answered with the wrong result. */
export function requestFingerprint(w: Pick<KeyedWrite, 'method' | 'path' | 'body'>): string {
  return createHash('sha256').update(`${w.method.toUpperCase()} ${w.path}\n`).update(w.body).digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` once per user and key. A re-send gets the stored answer (`replayed`), after waiting for the first when it
 * is still running; the key sent with another request is refused. An answer that is not kept (the server's failure)
 * gives the key back, so the next re-send runs the request again.
 */
export async function answerOnce<A extends Answer>(
  db: Db,
  w: KeyedWrite,
  now: () => Date,
  run: () => Promise<A>,
): Promise<{ replayed: StoredAnswer } | { answer: A }> {
  const refusal = idempotencyKeyRefusal(w.key);
  if (refusal) throw invalidInput([{ field: IDEMPOTENCY_HEADER, message: refusal }]);
  const fingerprint = requestFingerprint(w);
  const claimed = await claimIdempotencyKey(db, { userId: w.userId, key: w.key, fingerprint, createdAt: now().toISOString() });
  if (!claimed) {
    const deadline = now().getTime() + IDEMPOTENCY_POLICY.waitForFirstMs;
    for (;;) {
      const stored = await findIdempotencyKey(db, w.userId, w.key);
      // Pruned or given back since the claim failed: this request is the first again.
      if (!stored) return answerOnce(db, w, now, run);
      const state = keyedRequest(stored, fingerprint, now());
      if (state.kind === 'mismatch') throw new AppError('conflict', state.message);
      if (state.kind === 'replay') return { replayed: { status: stored.status!, contentType: stored.contentType!, body: stored.body! } };
      if (state.kind === 'abandoned') {
        if (await reclaimIdempotencyKey(db, w.userId, w.key, new Date(now().getTime() - IDEMPOTENCY_POLICY.abandonedAfterMs).toISOString(), now().toISOString())) break;
        continue;
      }
      if (now().getTime() >= deadline) throw new AppError('conflict', '同一操作的上一次请求仍在处理中，请稍后刷新页面查看结果');
      await sleep(POLL_MS);
    }
  }
  let answer: A;
  try {
    answer = await run();
  } catch (e) {
    await releaseIdempotencyKey(db, w.userId, w.key);
    throw e;
  }
  const body = isKeptAnswer(answer.status, answer.contentType) ? await answer.text() : null;
  if (body !== null && isStorableBody(body)) {
    await storeIdempotentAnswer(db, w.userId, w.key, { status: answer.status, contentType: answer.contentType!, body });
  } else {
    await releaseIdempotencyKey(db, w.userId, w.key);
  }
  return { answer };
}

/** Forgets keys older than the policy keeps them; `serve` runs it hourly. */
export function pruneOldIdempotencyKeys(db: Db, now: Date): Promise<number> {
  return pruneIdempotencyKeys(db, new Date(now.getTime() - IDEMPOTENCY_POLICY.keepHours * 3_600_000).toISOString());
}
