// The demo county 襄垣县 as of May 2021, built through the same services and repositories as any county: one call
// per part, each part in its own file.

import { AppError } from '../domain/errors.ts';
import { listProjects } from '../db/repositories/project.repository.ts';
import { putSetting } from '../db/repositories/region.repository.ts';
import { inTransaction, type Db } from '../db/transaction.ts';
import { initCounty } from '../services/init-county.ts';
import { addDemoAttraction } from './attraction.ts';
import { DEMO_AS_OF, DEMO_REGION, DEMO_YEAR } from './county.ts';
import { addDemoIndicators } from './indicators.ts';
import { addDemoPeople, assertDemoAccountsFree, hashDemoPasswords } from './people.ts';
import { addDemoStatsEntry } from './stats-entry.ts';
import { addDemoSupervision } from './supervision.ts';
import { addDemoPool } from './write-pool.ts';

export { DEMO_ACCOUNTS, DEMO_AS_OF, DEMO_REGION, type DemoAccount } from './county.ts';
export { planDemo } from './pool/plan.ts';

/**
 * Builds the demo county in one transaction: the county (initCounty), its leaders and the demo
 * accounts, the pool with its years, months, batch events and fund applications, 入库 records, the indicators, the attraction leads, the supervision items lived through; marks
 * the database as a demo (setting `demo` = 140423). Refuses when the county already holds projects or a demo account
 * name is taken.
 */
export async function createDemo(db: Db, now: Date = new Date()): Promise<{ projects: number }> {
  const hashes = hashDemoPasswords();
  return inTransaction(db, async (trx) => {
    const existing = await listProjects(trx, { regionCode: DEMO_REGION, year: DEMO_YEAR, toMonth: DEMO_AS_OF, sort: 'name', order: 'asc', limit: 1, offset: 0 });
    if (existing.total > 0) throw new AppError('conflict', `襄垣县（${DEMO_REGION}）已有${existing.total}个项目，不能再生成演示数据；请使用空数据库`);
    await assertDemoAccountsFree(trx);

    // The demo's administrator is one of its accounts: its public password is the demo's, never asked to change.
    await initCounty(trx, { regionCode: DEMO_REGION, adminUsername: null }, now);
    const names = await addDemoPeople(trx, hashes, now);
    const projects = await addDemoPool(trx, names, now);
    await addDemoStatsEntry(trx, projects, now);
    await addDemoIndicators(trx, now);
    await addDemoAttraction(trx, now);
    await addDemoSupervision(trx, projects);
    await putSetting(trx, 'demo', DEMO_REGION);
    return { projects: projects.length };
  });
}
