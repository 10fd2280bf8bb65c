// The dispatcher's hand on a round's calendar: extending an open round's deadline, reopening a closed round for one unit
// (its drafts and returned reports can be filled in and submitted again, every other unit's stay locked) and locking it again.

import { z } from 'zod';
import { SYSTEM_ACTOR, type Actor } from '../../domain/access.ts';
import { AppError, invalidInput } from '../../domain/errors.ts';
import { canExtend, canRelock, canReopen, deadlineFromDay } from '../../domain/round/deadlines.ts';
import { cstLabel } from '../../domain/round/round.ts';
import { instantInput, parseInput, plainText } from '../../domain/validation.ts';
import { findRegion, listUnits } from '../../db/repositories/region.repository.ts';
import { activeReopenings, insertReopening, relockReopening, unitReportCounts, updateRoundDeadline } from '../../db/repositories/round-calendar.repository.ts';
import { insertNotification } from '../../db/repositories/round.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { loadRoundToRun } from './round-access.ts';
import { getRound, loadRoundSettings, monthName, type RoundSummary } from './rounds.ts';

export const ExtendSchema = z.object({ deadline: instantInput(), graceUntil: instantInput().optional() }).strict();
export const ReopenSchema = z
  .object({
    reason: plainText(500, { multiline: true, label: '原因' }).min(1, '请说明重新开放的原因'),
    deadline: instantInput().optional(),
    graceUntil: instantInput().optional(),
  })
  .strict();
const LABELS = { deadline: '截止时间', graceUntil: '宽限截止时间', reason: '原因' };

const userOf = (actor: Actor) => (actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId);
const iso = (instant: string) => new Date(instant).toISOString();

/**
 * Extends an open round's deadline. The grace period keeps its length unless a new end is given; every unit is told in
 * the app. Reports first submitted before the new deadline count as on time.
 */
export async function extendDeadline(db: Db, roundId: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<RoundSummary> {
  const q = parseInput(ExtendSchema, input, LABELS);
  await inTransaction(db, async (trx) => {
    const round = await loadRoundToRun(trx, roundId, actor);
    const deadline = iso(q.deadline);
    const graceUntil = q.graceUntil ? iso(q.graceUntil) : new Date(Date.parse(deadline) + Date.parse(round.graceUntil) - Date.parse(round.deadline)).toISOString();
    const refusal = canExtend(round.status, round, { deadline, graceUntil });
    if (refusal) throw new AppError('conflict', refusal);
    if (!(await updateRoundDeadline(trx, round.id, deadline, graceUntil, 'extended'))) throw new AppError('conflict', `${monthName(round.month)}月报已经关闭`);
    await insertNotification(trx, {
      id: newId(),
      regionCode: round.regionCode,
      unitId: null,
      createdAt: now.toISOString(),
      text: `${monthName(round.month)}月报截止时间延长至${cstLabel(deadline, true)}，宽限至${cstLabel(graceUntil, true)}。`,
      link: `/rounds/${round.id}`,
    });
  });
  return getRound(db, roundId, actor);
}

/** A unit of the county named by its id or its full name (as the command line takes it). */
async function unitOfCounty(db: Db, countyCode: string, unitId: string): Promise<{ id: string; name: string }> {
  const unit = (await listUnits(db, countyCode)).find((u) => u.id === unitId || u.name === unitId);
  if (!unit) throw invalidInput([{ field: 'unitId', message: `单位：不是${(await findRegion(db, countyCode))?.name ?? countyCode}的责任单位` }]);
  return unit;
}

/**
 * Reopens a closed round for one unit (named by id, or by its full name), with the reason. Until it is locked again the unit's drafts and returned reports
 * may be filled in and submitted — by the reopening's deadline, which by default the county's calendar counts from today
 * — and the dispatcher reviews them as in an open round. The other units' reports stay locked, and approved figures,
 * the unit's included, still change only through a correction.
 */
export async function reopenForUnit(db: Db, roundId: string, unitId: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<RoundSummary> {
  const q = parseInput(ReopenSchema, input, LABELS);
  await inTransaction(db, async (trx) => {
    const round = await loadRoundToRun(trx, roundId, actor);
    const unit = await unitOfCounty(trx, round.regionCode, unitId);
    const counts = await unitReportCounts(trx, round.id, unit.id);
    const reopened = (await activeReopenings(trx, [round.id])).some((r) => r.unitId === unit.id);
    const refusal = canReopen(round.status, Object.values(counts).reduce((a, b) => a + (b ?? 0), 0), reopened);
    if (refusal) throw new AppError('conflict', refusal);
    const calendar = deadlineFromDay(now, await loadRoundSettings(trx, round.regionCode));
    const deadline = q.deadline ? iso(q.deadline) : calendar.deadline;
    const graceUntil = q.graceUntil ? iso(q.graceUntil) : q.deadline ? deadline : calendar.graceUntil;
    if (Date.parse(deadline) <= now.getTime()) throw invalidInput([{ field: 'deadline', message: '截止时间：应晚于现在' }]);
    if (graceUntil < deadline) throw invalidInput([{ field: 'graceUntil', message: '宽限截止时间：不能早于截止时间' }]);
    await insertReopening(trx, { id: newId(), roundId: round.id, unitId: unit.id, reason: q.reason, deadline, graceUntil, reopenedAt: now.toISOString(), reopenedBy: userOf(actor), relockedAt: null, relockedBy: null });
    const todo = (counts.draft ?? 0) + (counts.returned ?? 0);
    await insertNotification(trx, {
      id: newId(),
      regionCode: round.regionCode,
      unitId: unit.id,
      createdAt: now.toISOString(),
      text: `${monthName(round.month)}月报已为${unit.name}重新开放（${q.reason}），尚有${todo}个项目待填报，请于${cstLabel(deadline, true)}前提交。`,
      link: `/rounds/${round.id}`,
    });
  });
  return getRound(db, roundId, actor);
}

/** Locks a unit's reopening again, once none of its submitted reports waits for review. */
export async function relockUnit(db: Db, roundId: string, unitId: string, actor: Actor, now: Date = new Date()): Promise<RoundSummary> {
  await inTransaction(db, async (trx) => {
    const round = await loadRoundToRun(trx, roundId, actor);
    const unit = await unitOfCounty(trx, round.regionCode, unitId);
    const reopening = (await activeReopenings(trx, [round.id])).find((r) => r.unitId === unit.id);
    const refusal = canRelock(reopening !== undefined, (await unitReportCounts(trx, round.id, unit.id)).submitted ?? 0);
    if (refusal || !reopening) throw new AppError('conflict', refusal ?? '本月月报没有为该单位重新开放');
    if (!(await relockReopening(trx, reopening.id, now.toISOString(), userOf(actor)))) throw new AppError('conflict', '该单位已经重新锁定');
  });
  return getRound(db, roundId, actor);
}
