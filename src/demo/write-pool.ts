// Writes the demo pool planned in pool/plan.ts: its projects with their years, months and history, the 三个一批 events
// and the fund applications.

import { YUAN_PER_WAN } from '../domain/money.ts';
import type { Project } from '../domain/project/project.ts';
import { projectProblems } from '../domain/project/validate-project.ts';
import { insertBatch, insertBatchProjects, insertFundApplications, type FundApplication } from '../db/repositories/batch.repository.ts';
import { insertHistory, insertProject, replaceProjectLeaders, replaceProjectYears, upsertProjectMonths } from '../db/repositories/project.repository.ts';
import { newId, type Db } from '../db/transaction.ts';
import { loadProjectContext } from '../services/project-context.ts';
import { createdEntry } from '../services/project-history.ts';
import { DEMO_BATCHES, DEMO_REGION, DEMO_YEAR } from './county.ts';
import type { DemoNames } from './people.ts';
import { planDemo } from './pool/plan.ts';

/** Adds the planned pool, each project checked by the same rules as any other; returns the projects written. */
export async function addDemoPool(db: Db, names: DemoNames, now: Date): Promise<Project[]> {
  const data = planDemo();
  const stamp = now.toISOString();
  const ctx = await loadProjectContext(db, DEMO_REGION);
  const projects: Project[] = data.map((d) => ({
    ...d.project,
    id: newId(),
    leaderIds: d.leaderName === null ? [] : [names.leader(d.leaderName)],
    unitId: names.unit(d.unitName),
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  }));
  projects.forEach((p, i) => {
    const problems = projectProblems({ ...p, years: data[i]!.years }, ctx);
    if (problems.length > 0) throw new Error(`demo project ${p.name} breaks the rules: ${problems.map((x) => x.message).join('；')}`);
  });

  for (const [i, p] of projects.entries()) {
    await insertProject(db, p);
    await replaceProjectYears(db, p, data[i]!.years);
    await upsertProjectMonths(db, p, data[i]!.months);
  }
  await replaceProjectLeaders(db, projects.map((p) => ({ projectId: p.id, leaderIds: p.leaderIds })));
  const history = projects.map((p) => createdEntry(p, null, stamp));
  for (let i = 0; i < history.length; i += 200) await insertHistory(db, history.slice(i, i + 200));

  for (const b of DEMO_BATCHES) {
    const id = newId();
    await insertBatch(db, { id, regionCode: DEMO_REGION, heldOn: b.heldOn, title: b.title });
    await insertBatchProjects(
      db,
      id,
      data.flatMap((d, i) => d.batches.filter((x) => x.heldOn === b.heldOn).map((x) => ({ projectId: projects[i]!.id, kind: x.kind }))),
    );
  }
  const funds: FundApplication[] = data.flatMap((d, i) =>
    d.fund
      ? [{ id: newId(), projectId: projects[i]!.id, kind: d.fund.kind, year: DEMO_YEAR, amount: d.fund.amount * YUAN_PER_WAN, status: 'submitted', notes: d.fund.notes }]
      : [],
  );
  await insertFundApplications(db, funds);
  return projects;
}
