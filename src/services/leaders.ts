// A county's leaders (包联领导) kept by its dispatchers and administrators: list, add, rename and retitle, retire
// (or reinstate), and merge two records of one person.

import { z } from 'zod';
import { canManageUnits, coversRegion, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput, notFound } from '../domain/errors.ts';
import { dayOf } from '../domain/months.ts';
import { dayInput, parseInput, plainText } from '../domain/validation.ts';
import { historyFieldName } from '../domain/project/history-field.ts';
import { insertHistory } from '../db/repositories/project.repository.ts';
import { findRegion, insertLeaders } from '../db/repositories/region.repository.ts';
import {
  deleteLeader,
  findLeader,
  leaderAccountCounts,
  leaderProjectCounts,
  listLeaderDetails,
  maxLeaderSortOrder,
  reassignLeaderProjects,
  reassignLeaderReferences,
  updateLeader,
  type LeaderDetail,
} from '../db/repositories/leader.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';

const NameSchema = plainText(20, { label: '姓名' }).min(2, '姓名至少2个字');
const TitleSchema = plainText(60, { label: '职务' }).nullable();

export interface PresentedLeader {
  id: string;
  name: string;
  title: string | null;
  retiredOn: string | null;
  projects: number;
  accounts: number;
}

function requireKeeper(actor: Actor, countyCode: string): void {
  if (!canManageUnits(actor, countyCode)) throw forbidden('只有本县的调度员或管理员可以管理单位和包联领导');
}

async function leaderToChange(db: Db, id: string, actor: Actor): Promise<LeaderDetail> {
  const leader = await findLeader(db, id);
  if (!leader || !coversRegion(actor, leader.regionCode)) throw notFound('包联领导');
  requireKeeper(actor, leader.regionCode);
  return leader;
}

/** A leader of the county by id or name; two leaders of one name must be told apart by id. */
export async function resolveLeader(db: Db, countyCode: string, ref: string, field = 'leader'): Promise<LeaderDetail> {
  const leaders = await listLeaderDetails(db, countyCode);
  const byId = leaders.find((l) => l.id === ref);
  if (byId) return byId;
  const named = leaders.filter((l) => l.name === ref);
  if (named.length > 1) throw invalidInput([{ field, message: `有${named.length}位领导叫“${ref}”，请用编号指明（tiaodu leader list 可查）` }]);
  if (!named[0]) throw invalidInput([{ field, message: `领导“${ref}”不存在` }]);
  return named[0];
}

async function nameTaken(db: Db, countyCode: string, name: string, selfId: string | null): Promise<void> {
  const same = (await listLeaderDetails(db, countyCode)).find((l) => l.name === name && l.id !== selfId);
  if (same) {
    const message = `已有领导叫“${name}”${same.title ? `（${same.title}）` : ''}；若是同一人，请合并`;
    throw new AppError('conflict', message, [{ field: 'name', message }]);
  }
}

async function present(db: Db, countyCode: string, only?: string): Promise<PresentedLeader[]> {
  const [leaders, projects, accounts] = await Promise.all([listLeaderDetails(db, countyCode), leaderProjectCounts(db, countyCode), leaderAccountCounts(db, countyCode)]);
  return leaders
    .filter((l) => only === undefined || l.id === only)
    .map((l) => ({ id: l.id, name: l.name, title: l.title, retiredOn: l.retiredOn, projects: projects.get(l.id) ?? 0, accounts: accounts.get(l.id) ?? 0 }));
}

async function presentOne(db: Db, leader: { id: string; regionCode: string }): Promise<PresentedLeader> {
  return (await present(db, leader.regionCode, leader.id))[0]!;
}

export async function listCountyLeaders(db: Db, countyCode: string, actor: Actor): Promise<PresentedLeader[]> {
  requireKeeper(actor, countyCode);
  const region = await findRegion(db, countyCode);
  if (!region || region.level !== 'county') throw notFound(`县 ${countyCode}`);
  return present(db, countyCode);
}

export const AddLeaderSchema = z.object({ name: NameSchema, title: TitleSchema.optional() }).strict();

export async function addLeader(db: Db, countyCode: string, input: unknown, actor: Actor): Promise<PresentedLeader> {
  const data = parseInput(AddLeaderSchema, input, { name: '姓名', title: '职务' });
  requireKeeper(actor, countyCode);
  const region = await findRegion(db, countyCode);
  if (!region || region.level !== 'county') throw notFound(`县 ${countyCode}`);
  return inTransaction(db, async (trx) => {
    await nameTaken(trx, countyCode, data.name, null);
    const id = newId();
    await insertLeaders(trx, [{ id, regionCode: countyCode, name: data.name, title: data.title || null, sortOrder: (await maxLeaderSortOrder(trx, countyCode)) + 1 }]);
    return presentOne(trx, { id, regionCode: countyCode });
  });
}

export const UpdateLeaderSchema = z
  .object({
    name: NameSchema.optional(),
    title: TitleSchema.optional(),
    /** The day the leader left office (YYYY-MM-DD), true for today, or null to reinstate. */
    retired: z.union([z.boolean(), dayInput()]).optional(),
  })
  .strict();

/** Renames, retitles, retires or reinstates a leader. A retired leader stays on the projects he had. */
export async function updateCountyLeader(db: Db, id: string, input: unknown, actor: Actor, now: Date): Promise<PresentedLeader> {
  const data = parseInput(UpdateLeaderSchema, input, { name: '姓名', title: '职务', retired: '离任日期' });
  return inTransaction(db, async (trx) => {
    const leader = await leaderToChange(trx, id, actor);
    if (data.name !== undefined && data.name !== leader.name) await nameTaken(trx, leader.regionCode, data.name, leader.id);
    const retiredOn = data.retired === undefined ? undefined : data.retired === false ? null : data.retired === true ? (leader.retiredOn ?? dayOf(now)) : data.retired;
    await updateLeader(trx, leader.id, { name: data.name, title: data.title === undefined ? undefined : data.title || null, retiredOn });
    return presentOne(trx, leader);
  });
}

/**
 * Merges leader `from` into leader `into` (two records of one person), in one transaction: his projects, accounts and
 * 指标分解 go to `into`, each moved project's history says so, and `from` is deleted.
 */
export async function mergeLeaders(db: Db, from: string, into: string, actor: Actor, now: Date): Promise<PresentedLeader & { movedProjects: number }> {
  return inTransaction(db, async (trx) => {
    const source = await leaderToChange(trx, from, actor);
    const target = await leaderToChange(trx, into, actor);
    if (source.id === target.id) throw invalidInput([{ field: 'into', message: '不能把领导合并到他自己' }]);
    if (source.regionCode !== target.regionCode) throw invalidInput([{ field: 'into', message: '只能合并同一个县的领导' }]);
    const moved = await reassignLeaderProjects(trx, source.id, target.id);
    await reassignLeaderReferences(trx, source.id, target.id);
    const stamp = now.toISOString();
    const userId = actor.userId === 'system' ? null : actor.userId;
    // The merged record's id will name nothing any more: its history entry keeps the name.
    await insertHistory(trx, moved.map((projectId) => ({ id: newId(), projectId, changedAt: stamp, userId, field: historyFieldName({ kind: 'field', field: 'leaderIds' }), before: source.name, after: target.id })));
    await deleteLeader(trx, source.id);
    return { ...(await presentOne(trx, target)), movedProjects: moved.length };
  });
}
