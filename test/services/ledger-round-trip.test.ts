// What tiaodu exports, tiaodu imports back with the same fields and figures: the demo ledger round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import type { Project } from '../../src/domain/project/project.ts';
import { listProjects } from '../../src/db/repositories/project.repository.ts';
import { createDemo, DEMO_AS_OF, DEMO_REGION } from '../../src/demo/create-demo.ts';
import { exportLedger } from '../../src/services/export-ledger.ts';
import { importLedger } from '../../src/services/import-ledger.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let file: Buffer;

/** Every project of the county as the ledger shows it: fields, the year's phase and plan, year-to-date completion. */
async function snapshot() {
  const { rows } = await listProjects(h.db, { regionCode: DEMO_REGION, year: 2021, toMonth: DEMO_AS_OF, poolOnly: false, sort: 'name', order: 'asc', limit: 1_000, offset: 0 });
  const sinceStart = new Map(
    (await h.db.selectFrom('project_month').select(['project_id', 'completed']).where('month', '<=', DEMO_AS_OF).execute()).reduce(
      (acc, r) => acc.set(r.project_id, (acc.get(r.project_id) ?? 0) + Number(r.completed)),
      new Map<string, number>(),
    ),
  );
  return rows.map(({ project, phase, annualPlan, resumedOn, completedYtd }) => {
    const { id, createdAt: _c, updatedAt: _u, version: _v, completedBefore, ...fields } = project as Project;
    return { ...fields, phase, annualPlan, resumedOn, completedYtd, completedSinceStart: completedBefore + (sinceStart.get(id) ?? 0) };
  });
}

beforeAll(async () => {
  h = await openTestDatabase();
  await createDemo(h.db);
  file = (await exportLedger(h.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, includeReserve: true }, SYSTEM_ACTOR)).buffer;
});
afterAll(async () => {
  await h.close();
});

describe(`ledger round trip (${testDialect()})`, () => {
  it('finds nothing to change when the export is imported back over the same pool', async () => {
    const report = await importLedger(h.db, { file, regionCode: DEMO_REGION, skipInvalid: false, commit: true }, SYSTEM_ACTOR);
    expect(report.rejected).toEqual([]);
    expect({ new: report.new, updated: report.updated }).toEqual({ new: 0, updated: 0 });
    expect(report.unchanged).toBe(244); // 229 in the pool and 15 reserve; the 2 cancelled are not in the ledger
  });

  it('rebuilds every field and figure into an emptied pool', async () => {
    const before = await snapshot();
    const poolBefore = await poolSummary(h.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
    // The demo's supervision items and start plans name projects too: the emptied pool takes them along.
    for (const table of ['supervision_letter', 'supervision_escalation', 'supervision_attachment', 'supervision_event', 'supervision_item', 'project_start_plan'] as const) await h.db.deleteFrom(table).execute();
    await h.db.deleteFrom('batch_project').execute();
    await h.db.deleteFrom('fund_application').execute();
    await h.db.deleteFrom('project_history').execute();
    await h.db.deleteFrom('project_month').execute();
    await h.db.deleteFrom('project_year').execute();
    await h.db.deleteFrom('project').execute();

    const report = await importLedger(h.db, { file, regionCode: DEMO_REGION, skipInvalid: false, commit: true }, SYSTEM_ACTOR);
    expect(report.rejected).toEqual([]);
    expect(report.new).toBe(244);

    const after = await snapshot();
    const cancelled = new Set(before.filter((p) => p.stage === 'cancelled').map((p) => p.name));
    expect(after).toEqual(before.filter((p) => !cancelled.has(p.name)));
    const poolAfter = await poolSummary(h.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
    expect({ all: poolAfter.all, continuing: poolAfter.continuing, newStart: poolAfter.newStart })
      .toEqual({ all: poolBefore.all, continuing: poolBefore.continuing, newStart: poolBefore.newStart });
  });
});
