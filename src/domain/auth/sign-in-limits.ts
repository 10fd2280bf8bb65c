// Sign-in limits: after too many failed attempts an account, or an address, is locked for a while, and the refusal
// says until when. Computed from the recorded attempts, so every server of a deployment agrees and a restart forgets nothing.

import { cstParts, instantMs } from '../months.ts';
import { cstLabel } from '../round/round.ts';

export const SIGN_IN_OUTCOMES = ['ok', 'wrong_password', 'unknown_user', 'disabled', 'locked', 'unlocked'] as const;
/**
 * What became of one attempt: `ok`; `wrong_password` and `unknown_user` (failures, counted); `disabled` (the right
 * password of a disabled account); `locked` (refused unread while locked: not counted, so hammering a lock does not
 * prolong it); `unlocked` (an administrator reset the password or enabled the account, which clears the count).
 */
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

export const FAILED_OUTCOMES: readonly SignInOutcome[] = ['wrong_password', 'unknown_user'];

export interface SignInLimit {
  /** This many failures … */
  failures: number;
  /** … within this many minutes … */
  windowMinutes: number;
  /** … lock for this many minutes from the last of them. */
  lockMinutes: number;
}

/**
 * Per account (by the username typed, known or not, so a lock tells nothing about who exists): 5 failures in 15
 * minutes lock it for 15. Per address: 20 failures in 15 minutes, whatever usernames they tried, lock the address for 15.
 */
export const SIGN_IN_LIMITS = {
  account: { failures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { failures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const satisfies Record<string, SignInLimit>;

export interface SignInAttempt {
  at: string;
  outcome: SignInOutcome;
}

/** The earliest attempt that can still matter now: older ones neither start nor extend a lock. */
export function attemptsSince(now: Date): string {
  const span = Math.max(...Object.values(SIGN_IN_LIMITS).map((l) => l.windowMinutes + l.lockMinutes));
  return new Date(now.getTime() - span * 60_000).toISOString();
}

/**
 * Until when attempts are locked, or null. `attempts` are in time order. For an account a successful sign-in or an
 * administrator's unlock starts the count afresh; for an address (`resetOnSuccess` false) only time does, so one
 * good account does not cover guessing at the others.
 */
export function lockedUntil(attempts: readonly SignInAttempt[], limit: SignInLimit, now: Date, resetOnSuccess: boolean): string | null {
  const windowMs = limit.windowMinutes * 60_000;
  let failures: number[] = [];
  let until = 0;
  for (const a of attempts) {
    const at = instantMs(a.at);
    if (resetOnSuccess && (a.outcome === 'ok' || a.outcome === 'unlocked')) {
      failures = [];
      until = 0;
      continue;
    }
    if (!FAILED_OUTCOMES.includes(a.outcome)) continue;
    failures = [...failures.filter((t) => at - t < windowMs), at];
    if (failures.length >= limit.failures) {
      until = Math.max(until, at + limit.lockMinutes * 60_000);
      failures = [];
    }
  }
  return until > now.getTime() ? new Date(until).toISOString() : null;
}

/**
 * The refusal while locked, saying when to try again on the county's clock.
 * @example lockoutMessage('account', '2021-06-10T08:15:00.000Z', new Date('2021-06-10T08:01:00Z'))
 *   === '登录失败次数过多，该账号已暂时锁定，请于16:15后重试（约14分钟后）'
 */
export function lockoutMessage(scope: 'account' | 'address', until: string, now: Date): string {
  const at = cstParts(until);
  // Today's time alone; another day's with its date (a lock can run past midnight).
  const when = at.day === cstParts(now).day ? `${at.hour}:${String(at.minute).padStart(2, '0')}` : cstLabel(until);
  const minutes = Math.max(1, Math.ceil((instantMs(until) - now.getTime()) / 60_000));
  const who = scope === 'account' ? '该账号' : '本机所在网络地址';
  return `登录失败次数过多，${who}已暂时锁定，请于${when}后重试（约${minutes}分钟后）`;
}
