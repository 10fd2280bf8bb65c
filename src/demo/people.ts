// The demo county's people: its 包联 leaders and the demo accounts (the administrator among them).

import { insertLeaders, listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import { findUserByUsername, insertUser } from '../db/repositories/user.repository.ts';
import { newId, type Db } from '../db/transaction.ts';
import { AppError } from '../domain/errors.ts';
import { hashPassword } from '../services/auth/password.ts';
import { DEMO_ACCOUNTS, DEMO_REGION } from './county.ts';
import { DEMO_LEADERS } from './pool/leaders.ts';

/** The ids of the county's units and leaders by name, for demo data that names them. */
export interface DemoNames {
  unit(name: string): string;
  leader(name: string): string;
}

/** Refuses when a demo account name is taken: the demo's accounts have fixed names and passwords. */
export async function assertDemoAccountsFree(db: Db): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByUsername(db, a.username)) {
      throw new AppError('conflict', `账号“${a.username}”已存在，不能生成演示数据；演示账号需使用固定的用户名和密码`);
    }
  }
}

/** scrypt is slow on purpose: the passwords are hashed before the transaction, so it holds no lock meanwhile. */
export function hashDemoPasswords(): Map<string, string> {
  return new Map(DEMO_ACCOUNTS.map((a) => [a.username, hashPassword(a.password)]));
}

/** Adds the leaders and every demo account; returns how to find the county's units and leaders by name. */
export async function addDemoPeople(db: Db, hashes: ReadonlyMap<string, string>, now: Date): Promise<DemoNames> {
  await insertLeaders(db, DEMO_LEADERS.map((l, i) => ({ id: newId(), regionCode: DEMO_REGION, name: l.name, title: l.title, sortOrder: i + 1 })));
  const [units, leaders] = await Promise.all([listUnits(db, DEMO_REGION), listLeaders(db, DEMO_REGION)]);
  const idOf = (list: readonly { id: string; name: string }[], name: string, what: string): string => {
    const found = list.find((x) => x.name === name);
    if (!found) throw new Error(`demo data names a ${what} that does not exist: ${name}`);
    return found.id;
  };
  const names: DemoNames = { unit: (name) => idOf(units, name, 'unit'), leader: (name) => idOf(leaders, name, 'leader') };
  for (const a of DEMO_ACCOUNTS) {
    await insertUser(db, {
      id: newId(),
      username: a.username,
      displayName: a.displayName,
      passwordHash: hashes.get(a.username)!,
      role: a.role,
      regionCode: DEMO_REGION,
      unitId: 'unitName' in a ? names.unit(a.unitName) : null,
      leaderId: 'leaderName' in a ? names.leader(a.leaderName) : null,
      disabled: false,
      createdAt: now.toISOString(),
    });
  }
  return names;
}
