// The demo's accounts on the sign-in page: listed only while the database holds nothing but the demo.

import { getSetting } from '../db/repositories/region.repository.ts';
import { unitsOutside } from '../db/repositories/unit.repository.ts';
import { findUserByUsername, usernamesOtherThan } from '../db/repositories/user.repository.ts';
import type { Db } from '../db/transaction.ts';
import { DEMO_ACCOUNTS, DEMO_REGION } from './create-demo.ts';

export interface PublicDemoAccount {
  username: string;
  password: string;
  role: string;
  displayName: string;
  note: string;
}

/**
 * Whether the database holds nothing but the demo, told from the data itself: `tiaodu demo` marked it (the `demo`
 * setting names 襄垣县), no other county was set up in it (none has units; the demo's neighbours in 长治市 are there
 * only as regions for the indicators' ranks), and it holds no account but the demo's own. Once anyone sets up a
 * county or adds an account, the public passwords stop being shown, whatever the server was started with.
 */
export async function isDemoOnly(db: Db): Promise<boolean> {
  if ((await getSetting(db, 'demo')) !== DEMO_REGION) return false;
  if (await unitsOutside(db, DEMO_REGION)) return false;
  return (await usernamesOtherThan(db, DEMO_ACCOUNTS.map((a) => a.username), 1)).length === 0;
}

/** The demo accounts that still open with their published password: enabled, and never given or set another. */
export async function publicDemoAccounts(db: Db): Promise<{ demo: boolean; accounts: PublicDemoAccount[] }> {
  if (!(await isDemoOnly(db))) return { demo: false, accounts: [] };
  const accounts: PublicDemoAccount[] = [];
  for (const { username, password, role, displayName, note } of DEMO_ACCOUNTS) {
    const user = await findUserByUsername(db, username);
    if (user && !user.disabled && !user.mustChangePassword && user.passwordChangedAt === null) accounts.push({ username, password, role, displayName, note });
  }
  return { demo: true, accounts };
}
