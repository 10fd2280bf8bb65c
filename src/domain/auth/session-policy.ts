// How long a sign-in lasts: at most a fixed time after signing in, and less when the session lies idle.

import { instantMs } from '../months.ts';

export const SESSION_POLICY = {
  /** A session ends this long after sign-in, however busy. */
  absoluteDays: 7,
  /** … and after this long without a request (configurable: `serve --idle-minutes`). */
  defaultIdleMinutes: 120,
  /** Use is written down at most this often, so reading pages costs no database write per request. */
  touchSeconds: 60,
} as const;

export interface SessionTimes {
  expiresAt: string;
  lastSeenAt: string;
}

/**
 * Whether a session still holds at `now`, and whether its use should be written down.
 * A session is idle when `idleMinutes` have passed since its last recorded use; recorded use lags real use by at most
 * `touchSeconds`, so a session may end up to a minute early, never late.
 */
export function sessionStatus(s: SessionTimes, now: Date, idleMinutes: number): { live: boolean; touch: boolean } {
  const t = now.getTime();
  const lastSeen = instantMs(s.lastSeenAt);
  const live = instantMs(s.expiresAt) > t && t - lastSeen < idleMinutes * 60_000;
  return { live, touch: live && t - lastSeen >= SESSION_POLICY.touchSeconds * 1000 };
}
