// Data factories for database tests: a county with two township units, a leader, an account per role, and projects.

import type { Actor, Role } from '../../src/domain/access.ts';
import type { Phase, Stage } from '../../src/domain/project/project.ts';
import type { ProjectCreate } from '../../src/domain/project/project-input.ts';
import { insertLeaders, listUnits } from '../../src/db/repositories/region.repository.ts';
import { insertUser, type UserRow } from '../../src/db/repositories/user.repository.ts';
import { upsertProjectMonths } from '../../src/db/repositories/project.repository.ts';
import { newId, type Db } from '../../src/db/transaction.ts';
import { actorOf } from '../../src/services/auth/sessions.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { createProject } from '../../src/services/create-project.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';

export const COUNTY = '140423';
export const GUHAN = '140423100';
export const WANGQIAO = '140423101';
export const ZONE = '140423402';
export const PASSWORD = 'test-pass-1';

export interface CountyFixture {
  units: { guhan: string; wangqiao: string; drc: string };
  leaderId: string;
  users: Record<'admin' | 'dispatcher' | 'reporter' | 'otherReporter' | 'leader' | 'viewer' | 'otherCounty', UserRow>;
  actors: Record<'admin' | 'dispatcher' | 'reporter' | 'otherReporter' | 'leader' | 'viewer' | 'otherCounty', Actor>;
}

const passwordHash = hashPassword(PASSWORD);

export async function seedCounty(db: Db): Promise<CountyFixture> {
  await initCounty(db, { regionCode: COUNTY, adminPassword: 'Unused-admin-1' });
  await initCounty(db, { regionCode: '140425', adminPassword: 'Unused-admin-1' });
  const units = await listUnits(db, COUNTY);
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const leaderId = newId();
  await insertLeaders(db, [{ id: leaderId, regionCode: COUNTY, name: '王志强', title: '副县长', sortOrder: 1 }]);
  const make = (username: string, role: Role, regionCode: string, unitId: string | null, leader: string | null = null): UserRow => ({
    id: newId(), username, displayName: username, passwordHash, role, regionCode, unitId, leaderId: leader, disabled: false, createdAt: '2021-01-01T00:00:00.000Z', mustChangePassword: false, passwordChangedAt: null,
  });
  const users = {
    admin: make('t-admin', 'admin', COUNTY, null),
    dispatcher: make('t-dispatcher', 'dispatcher', COUNTY, unit('发展和改革局')),
    reporter: make('t-reporter', 'reporter', COUNTY, unit('古韩镇人民政府')),
    otherReporter: make('t-reporter-wq', 'reporter', COUNTY, unit('王桥镇人民政府')),
    leader: make('t-leader', 'leader', COUNTY, null, leaderId),
    viewer: make('t-viewer', 'viewer', COUNTY, null),
    otherCounty: make('t-pingshun', 'dispatcher', '140425', null),
  };
  for (const u of Object.values(users)) await insertUser(db, u);
  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as CountyFixture['actors'];
  return { units: { guhan: unit('古韩镇人民政府'), wangqiao: unit('王桥镇人民政府'), drc: unit('发展和改革局') }, leaderId, users, actors };
}

export interface ProjectSpec {
  name: string;
  unitId: string;
  townshipCode?: string;
  chain?: string;
  stage?: Stage;
  phase?: Phase;
  year?: number;
  totalInvestment: number;
  annualPlan?: number;
  startedOn?: string | null;
  resumedOn?: string | null;
  leaderId?: string | null;
  /** Several 包联领导, in order (instead of leaderId). */
  leaderIds?: string[];
  months?: Record<string, number>;
  /** Any other field of the project as the API takes it (milestones, category, 入库 status…). */
  fields?: Partial<ProjectCreate>;
}

/** Adds a project through the same service the API uses, with its monthly figures. */
export async function addProject(db: Db, spec: ProjectSpec): Promise<string> {
  const year = spec.year ?? 2021;
  const p = await createProject(
    db,
    {
      regionCode: COUNTY,
      name: spec.name,
      unitId: spec.unitId,
      townshipCode: spec.townshipCode ?? GUHAN,
      chain: spec.chain ?? null,
      stage: spec.stage ?? 'underway',
      totalInvestment: spec.totalInvestment,
      startedOn: spec.startedOn ?? null,
      leaderIds: spec.leaderIds ?? (spec.leaderId ? [spec.leaderId] : []),
      years: spec.phase === undefined && spec.annualPlan === undefined
        ? []
        : [{ year, phase: spec.phase ?? 'newStart', annualPlan: spec.annualPlan ?? 0, resumedOn: spec.resumedOn ?? null }],
      ...spec.fields,
    },
    SYSTEM_ACTOR,
  );
  await upsertProjectMonths(db, p, Object.entries(spec.months ?? {}).map(([month, completed]) => ({ month, completed, enteredAs: 'month' as const })));
  return p.id;
}

/**
 * The three projects of the 2021 pool the round's tests work on: 古韩镇's heating (new, started in March, with March and
 * April figures) and school (continuing, resumed in March, an April figure), and 王桥镇's road (new, not started).
 */
export async function addRoundProjects(db: Db, f: CountyFixture): Promise<{ heating: string; school: string; road: string }> {
  const heating = await addProject(db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 200_000_000, phase: 'newStart', annualPlan: 80_000_000, startedOn: '2021-03-10', months: { '2021-03': 5_000_000, '2021-04': 6_000_000 } });
  const school = await addProject(db, { name: '古韩镇中学新校区', unitId: f.units.guhan, totalInvestment: 90_000_000, phase: 'continuing', annualPlan: 30_000_000, stage: 'underway', startedOn: '2020-05-01', resumedOn: '2021-03-01', months: { '2021-04': 2_000_000 } });
  const road = await addProject(db, { name: '王桥镇农村公路提质改造', unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 40_000_000, phase: 'newStart', annualPlan: 20_000_000, stage: 'preparing' });
  return { heating, school, road };
}
