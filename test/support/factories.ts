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
  await initCounty(db, { regionCode: COUNTY, adminPassword: 'unused-admin-pass' });
  await initCounty(db, { regionCode: '140425', adminPassword: 'unused-admin-pass' });
  const units = await listUnits(db, COUNTY);
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const leaderId = newId();
  await insertLeaders(db, [{ id: leaderId, regionCode: COUNTY, name: '王志强', title: '副县长', sortOrder: 1 }]);
  const make = (username: string, role: Role, regionCode: string, unitId: string | null, leader: string | null = null): UserRow => ({
    id: newId(), username, displayName: username, passwordHash, role, regionCode, unitId, leaderId: leader, disabled: false, createdAt: '2021-01-01T00:00:00.000Z',
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
      leaderId: spec.leaderId ?? null,
      years: spec.phase === undefined && spec.annualPlan === undefined
        ? []
        : [{ year, phase: spec.phase ?? 'newStart', annualPlan: spec.annualPlan ?? 0, resumedOn: spec.resumedOn ?? null }],
      ...spec.fields,
    },
    SYSTEM_ACTOR,
  );
  await upsertProjectMonths(db, p.id, Object.entries(spec.months ?? {}).map(([month, completed]) => ({ month, completed, enteredAs: 'month' as const })));
  return p.id;
}
