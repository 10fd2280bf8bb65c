// When a request sent again is answered with the first one's result: the key's form, and which answers are kept.

/** Header a client sets on a write it may send again; the same value on a re-send. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that is the stored result of an earlier request with the key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export const IDEMPOTENCY_POLICY = {
  /** A phone retries within minutes; a day covers a clerk who finds the page again the next morning. */
  keepHours: 24,
  /** A re-send that arrives while the first is still being answered waits this long for its answer. */
  waitForFirstMs: 10_000,
  /** A claim this old with no answer belongs to a server that stopped mid-request: a re-send runs anew. */
  abandonedAfterMs: 60_000,
  /** Answers above this size (a document, a workbook) are not kept: they are reads, and a re-send may run again. */
  maxStoredBytes: 1024 * 1024,
} as const;

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Why a key is refused, or null: 8–128 letters, digits and `_ . : -` (a UUID, or a report id with its version). */
export function idempotencyKeyRefusal(key: string): string | null {
  return KEY.test(key) ? null : `${IDEMPOTENCY_HEADER} 应为 8 到 128 个字母、数字或 _ . : -`;
}

/**
 * Whether an answer is the request's result, to give every re-send: anything the request decided (done, or refused
 * for a reason that will not change), but not the server's own failure or a "too many, wait", which a re-send should
 * try again.
 */
export function isKeptAnswer(status: number, contentType: string | null): boolean {
  if (status >= 500 || status === 429 || status === 408) return false;
  return (contentType ?? '').startsWith('application/json');
}

/** Whether a kept answer's body is small enough to store; a larger one gives the key back instead. */
export function isStorableBody(body: string): boolean {
  return new TextEncoder().encode(body).length <= IDEMPOTENCY_POLICY.maxStoredBytes;
}

/** The answer to a re-send, from the key's record: the stored result, a refusal, or wait / run it again. */
export type KeyedRequest =
  | { kind: 'replay' }
  | { kind: 'mismatch'; message: string }
  | { kind: 'wait' }
  | { kind: 'abandoned' };

export function keyedRequest(stored: { fingerprint: string; status: number | null; createdAt: string }, fingerprint: string, now: Date): KeyedRequest {
  if (stored.fingerprint !== fingerprint) return { kind: 'mismatch', message: `这个 ${IDEMPOTENCY_HEADER} 已用于另一个请求：每次新的操作请换一个新键` };
  if (stored.status !== null) return { kind: 'replay' };
  return now.getTime() - Date.parse(stored.createdAt) >= IDEMPOTENCY_POLICY.abandonedAfterMs ? { kind: 'abandoned' } : { kind: 'wait' };
}
