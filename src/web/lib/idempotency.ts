// The Idempotency-Key of a form's write: the same for the same form sent again (a tap repeated after a lost answer),
// new for anything changed, so a re-send is answered with the first result and an edit is a request of its own.

import { IDEMPOTENCY_HEADER } from '../../domain/idempotency.ts';

/** FNV-1a over the body's JSON: no crypto needed, and a changed field changes the key. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Headers for a write of `what` on record `id` with this body, e.g. a report's submit at its version. */
export function idempotencyHeaders(id: string, what: string, body: unknown): Record<string, string> {
  return { [IDEMPOTENCY_HEADER]: `${id}:${what}:${fnv1a(JSON.stringify(body) ?? '')}` };
}
