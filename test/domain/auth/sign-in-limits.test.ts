// Lockouts counted from recorded attempts, the words that say when to retry, and sessions that end when idle.
import { describe, expect, it } from 'vitest';
import { lockedUntil, lockoutMessage, SIGN_IN_LIMITS, type SignInAttempt, type SignInOutcome } from '../../../src/domain/auth/sign-in-limits.ts';
import { sessionStatus } from '../../../src/domain/auth/session-policy.ts';

const at = (minute: number, outcome: SignInOutcome = 'wrong_password'): SignInAttempt => ({ at: new Date(Date.UTC(2021, 5, 10, 8, minute)).toISOString(), outcome });
const clock = (minute: number) => new Date(Date.UTC(2021, 5, 10, 8, minute));
const account = SIGN_IN_LIMITS.account;

describe('lockout', () => {
  it('locks an account for 15 minutes from its fifth failure within 15 minutes', () => {
    const five = [at(0), at(2), at(4), at(6), at(8)];
    expect(lockedUntil(five.slice(0, 4), account, clock(9), true)).toBeNull();
    expect(lockedUntil(five, account, clock(9), true)).toBe('2021-06-10T08:23:00.000Z');
    expect(lockedUntil(five, account, clock(22), true)).toBe('2021-06-10T08:23:00.000Z');
    expect(lockedUntil(five, account, clock(23), true)).toBeNull();
  });

  it('does not count failures further apart than the window', () => {
    expect(lockedUntil([at(0), at(5), at(10), at(14), at(16)], account, clock(17), true)).toBeNull();
    expect(lockedUntil([at(0), at(5), at(10), at(14), at(14)], account, clock(17), true)).toBe('2021-06-10T08:29:00.000Z');
  });

  it('starts the count afresh after a success or an administrator’s unlock, not after a refusal while locked', () => {
    expect(lockedUntil([at(0), at(1), at(2), at(3, 'ok'), at(4), at(5)], account, clock(6), true)).toBeNull();
    expect(lockedUntil([at(0), at(1), at(2), at(3), at(4), at(5, 'unlocked')], account, clock(6), true)).toBeNull();
    // Attempts refused while locked neither count nor lengthen the lock.
    expect(lockedUntil([at(0), at(1), at(2), at(3), at(4), at(5, 'locked'), at(6, 'locked')], account, clock(7), true)).toBe('2021-06-10T08:19:00.000Z');
  });

  it('counts an address’s failures whatever succeeded in between', () => {
    const tries = Array.from({ length: 20 }, (_, i) => at(i % 2 ? 3 : 2));
    expect(lockedUntil([...tries.slice(0, 10), at(2, 'ok'), ...tries.slice(10)], SIGN_IN_LIMITS.address, clock(4), false)).toBe('2021-06-10T08:18:00.000Z');
    expect(lockedUntil(tries.slice(1), SIGN_IN_LIMITS.address, clock(4), false)).toBeNull();
  });

  it('says when to retry on the county’s clock, with the date when it is another day', () => {
    expect(lockoutMessage('account', '2021-06-10T08:23:00.000Z', clock(9))).toBe('登录失败次数过多，该账号已暂时锁定，请于16:23后重试（约14分钟后）');
    expect(lockoutMessage('address', '2021-06-10T16:05:00.000Z', new Date('2021-06-10T15:55:00Z'))).toBe('登录失败次数过多，本机所在网络地址已暂时锁定，请于6月11日0:05后重试（约10分钟后）');
  });
});

describe('sessions', () => {
  const s = { expiresAt: '2021-06-17T08:00:00.000Z', lastSeenAt: '2021-06-10T08:00:00.000Z' };
  it('end after the idle time since their last recorded use, or at their age', () => {
    expect(sessionStatus(s, new Date('2021-06-10T09:59:59Z'), 120).live).toBe(true);
    expect(sessionStatus(s, new Date('2021-06-10T10:00:00Z'), 120).live).toBe(false);
    expect(sessionStatus({ ...s, lastSeenAt: '2021-06-17T07:59:00.000Z' }, new Date('2021-06-17T08:00:00Z'), 120).live).toBe(false);
  });

  it('write their use down at most once a minute', () => {
    expect(sessionStatus(s, new Date('2021-06-10T08:00:59Z'), 120).touch).toBe(false);
    expect(sessionStatus(s, new Date('2021-06-10T08:01:00Z'), 120).touch).toBe(true);
  });
});
