// A county's units (责任单位) kept by its dispatchers and administrators: list, add, rename (the old name stays as an
// alias), aliases, merge two into one, and each unit's group robot.

import { z } from 'zod';
import { canManageUnits, coversRegion, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput, notFound } from '../domain/errors.ts';
import { idInput, parseInput, plainText } from '../domain/validation.ts';
import { insertHistory } from '../db/repositories/project.repository.ts';
import { deleteUnitAlias, findRegion, listUnitAliases, putUnitAlias, type UnitAliasRow } from '../db/repositories/region.repository.ts';
import { adoptRobot, deleteUnit, findUnit, insertUnit, listUnitDetails, maxUnitSortOrder, reassignUnit, renameUnit, robotSecret, unitUsage, type UnitDetail } from '../db/repositories/unit.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { configureUnitWebhook } from './round/notices.ts';

const UNIT_KINDS = ['department', 'township', 'zone', 'enterprise', 'other'] as const;
const NameSchema = plainText(60, { label: '名称' }).min(2, '名称至少2个字');

/** A unit as the administration pages show it: its aliases, its robot (never the signing secret) and what names it. */
export interface PresentedUnit {
  id: string;
  name: string;
  kind: string;
  townshipCode: string | null;
  aliases: string[];
  robot: UnitDetail['robot'];
  projects: number;
  accounts: number;
}

function requireKeeper(actor: Actor, countyCode: string): void {
  if (!canManageUnits(actor, countyCode)) throw forbidden('只有本县的调度员或管理员可以管理单位和包联领导');
}

/** A unit of the county named by id, name or one of its aliases. */
export async function resolveUnit(db: Db, countyCode: string, ref: string, field = 'unit'): Promise<UnitDetail> {
  const units = await listUnitDetails(db, countyCode);
  const byName = units.find((u) => u.id === ref || u.name === ref);
  if (byName) return byName;
  const alias = (await listUnitAliases(db, countyCode)).find((a) => a.alias === ref);
  const unit = alias && units.find((u) => u.id === alias.unitId);
  if (!unit) throw invalidInput([{ field, message: `单位“${ref}”不存在` }]);
  return unit;
}

/** Loads a unit for a change by the actor: not found outside the actor's reach, refused for those who only read. */
async function unitToChange(db: Db, id: string, actor: Actor): Promise<UnitDetail> {
  const unit = await findUnit(db, id);
  if (!unit || !coversRegion(actor, unit.regionCode)) throw notFound('单位');
  requireKeeper(actor, unit.regionCode);
  return unit;
}

async function countyOf(db: Db, countyCode: string): Promise<void> {
  const region = await findRegion(db, countyCode);
  if (!region || region.level !== 'county') throw notFound(`县 ${countyCode}`);
}

export async function listCountyUnits(db: Db, countyCode: string, actor: Actor): Promise<PresentedUnit[]> {
  requireKeeper(actor, countyCode);
  await countyOf(db, countyCode);
  const [units, aliases, usage] = await Promise.all([listUnitDetails(db, countyCode), listUnitAliases(db, countyCode), unitUsage(db, countyCode)]);
  return units.map((u) => presentUnit(u, aliases, usage.get(u.id)));
}

function presentUnit(u: UnitDetail, aliases: readonly UnitAliasRow[], usage: { projects: number; accounts: number } | undefined): PresentedUnit {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    townshipCode: u.townshipCode,
    aliases: aliases.filter((a) => a.unitId === u.id).map((a) => a.alias),
    robot: u.robot,
    projects: usage?.projects ?? 0,
    accounts: usage?.accounts ?? 0,
  };
}

async function presentOne(db: Db, id: string): Promise<PresentedUnit> {
  const unit = (await findUnit(db, id))!;
  const [aliases, usage] = await Promise.all([listUnitAliases(db, unit.regionCode), unitUsage(db, unit.regionCode)]);
  return presentUnit(unit, aliases, usage.get(unit.id));
}

/** Why `name` cannot be given to unit `selfId` (or to a new unit) in the county: another unit or another unit's alias has it. */
async function nameTaken(db: Db, countyCode: string, name: string, selfId: string | null): Promise<string | null> {
  const units = await listUnitDetails(db, countyCode);
  const same = units.find((u) => u.name === name && u.id !== selfId);
  if (same) return `已有单位叫“${name}”；若是同一单位，请合并`;
  const alias = (await listUnitAliases(db, countyCode)).find((a) => a.alias === name && a.unitId !== selfId);
  if (alias) return `“${name}”已是“${units.find((u) => u.id === alias.unitId)?.name ?? alias.unitId}”的别名`;
  return null;
}

export const AddUnitSchema = z.object({ name: NameSchema, kind: z.enum(UNIT_KINDS).default('department') }).strict();

export async function addUnit(db: Db, countyCode: string, input: unknown, actor: Actor): Promise<PresentedUnit> {
  const data = parseInput(AddUnitSchema, input, { name: '单位名称', kind: '类别' });
  requireKeeper(actor, countyCode);
  await countyOf(db, countyCode);
  return inTransaction(db, async (trx) => {
    const taken = await nameTaken(trx, countyCode, data.name, null);
    if (taken) throw new AppError('conflict', taken, [{ field: 'name', message: taken }]);
    const id = newId();
    await insertUnit(trx, { id, regionCode: countyCode, name: data.name, kind: data.kind, townshipCode: null, sortOrder: (await maxUnitSortOrder(trx, countyCode)) + 1 });
    return presentOne(trx, id);
  });
}

/**
 * Renames a unit. The old name becomes an alias, so ledgers written with it still import; a name that was this
 * unit's alias stops being one.
 */
export async function renameCountyUnit(db: Db, id: string, input: unknown, actor: Actor, now: Date): Promise<PresentedUnit> {
  const { name } = parseInput(RenameUnitSchema, input, { name: '单位名称' });
  return inTransaction(db, async (trx) => {
    const unit = await unitToChange(trx, id, actor);
    if (name === unit.name) return presentOne(trx, id);
    const taken = await nameTaken(trx, unit.regionCode, name, unit.id);
    if (taken) throw new AppError('conflict', taken, [{ field: 'name', message: taken }]);
    await deleteUnitAlias(trx, unit.regionCode, name);
    await renameUnit(trx, unit.id, name);
    await putUnitAlias(trx, unit.regionCode, unit.name, unit.id, now.toISOString());
    return presentOne(trx, id);
  });
}

export const RenameUnitSchema = z.object({ name: NameSchema }).strict();
/** The other unit or leader that stays when two are merged. */
export const MergeSchema = z.object({ into: idInput('保留的一方') }).strict();

export const AliasSchema = z.object({ alias: plainText(60, { label: '别名' }).min(2, '别名至少2个字') }).strict();

/** Adds a county's own name for one of its units (县发改局 for 发展和改革局). */
export async function addUnitAlias(db: Db, id: string, input: unknown, actor: Actor, now: Date): Promise<PresentedUnit> {
  const { alias } = parseInput(AliasSchema, input, { alias: '别名' });
  return inTransaction(db, async (trx) => {
    const unit = await unitToChange(trx, id, actor);
    if (alias === unit.name) throw invalidInput([{ field: 'alias', message: '别名与单位名称相同' }]);
    const taken = await nameTaken(trx, unit.regionCode, alias, unit.id);
    if (taken) throw new AppError('conflict', taken, [{ field: 'alias', message: taken }]);
    await putUnitAlias(trx, unit.regionCode, alias, unit.id, now.toISOString());
    return presentOne(trx, id);
  });
}

export async function removeUnitAlias(db: Db, id: string, alias: string, actor: Actor): Promise<PresentedUnit> {
  return inTransaction(db, async (trx) => {
    const unit = await unitToChange(trx, id, actor);
    const aliases = await listUnitAliases(trx, unit.regionCode);
    if (!aliases.some((a) => a.alias === alias && a.unitId === unit.id)) throw notFound(`别名“${alias}”`);
    await deleteUnitAlias(trx, unit.regionCode, alias);
    return presentOne(trx, id);
  });
}

/**
 * Merges unit `from` into unit `into`, in one transaction: everything that named `from` names `into` (see
 * reassignUnit for the list), each moved project's history says so, `from`'s name and aliases become aliases of
 * `into`, `into` takes `from`'s robot if it has none, and `from` is deleted.
 */
export async function mergeUnits(db: Db, from: string, into: string, actor: Actor, now: Date): Promise<PresentedUnit & { movedProjects: number }> {
  return inTransaction(db, async (trx) => {
    const source = await unitToChange(trx, from, actor);
    const target = await unitToChange(trx, into, actor);
    if (source.id === target.id) throw invalidInput([{ field: 'into', message: '不能把单位合并到它自己' }]);
    if (source.regionCode !== target.regionCode) throw invalidInput([{ field: 'into', message: '只能合并同一个县的单位' }]);
    const moved = await reassignUnit(trx, source.id, target.id);
    const stamp = now.toISOString();
    const userId = actor.userId === 'system' ? null : actor.userId;
    // The merged unit's id will name nothing any more: its history entry keeps its name (a page shows either as it is).
    await insertHistory(trx, moved.map((projectId) => ({ id: newId(), projectId, changedAt: stamp, userId, field: 'unitId', before: source.name, after: target.id })));
    await adoptRobot(trx, source.id, target.id);
    await deleteUnit(trx, source.id);
    await putUnitAlias(trx, target.regionCode, source.name, target.id, stamp);
    return { ...(await presentOne(trx, target.id)), movedProjects: moved.length };
  });
}

/**
 * Sets, or with null removes, a unit's DingTalk or WeCom group robot (the round's reminders go to it). A secret left
 * out keeps the one set before (pages never see it); `secret: null` removes it.
 */
export async function setUnitRobot(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<PresentedUnit> {
  await unitToChange(db, id, actor);
  const keepSecret = input !== null && typeof input === 'object' && !('secret' in input);
  await configureUnitWebhook(db, id, keepSecret ? { ...input, secret: await robotSecret(db, id) } : input, actor, now);
  return presentOne(db, id);
}
