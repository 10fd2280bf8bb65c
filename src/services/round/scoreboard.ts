// Who is late: the scoreboard of a round per unit, and each unit's timeliness over a year, with the units' names.

import { coversRegion, seesUnit, type Actor } from '../../domain/access.ts';
import { forbidden } from '../../domain/errors.ts';
import { roundScoreboard, scoreboardTotal, TOTAL_UNIT_ID, yearTimeliness, type ReportForScore, type UnitScore, type UnitTimeliness } from '../../domain/round/scoreboard.ts';
import { listUnits } from '../../db/repositories/region.repository.ts';
import { listRounds, reportsForScore } from '../../db/repositories/round.repository.ts';
import { countyRange } from '../../db/repositories/scope.ts';
import type { Db } from '../../db/transaction.ts';
import { loadRound } from './round-access.ts';

/** The unit id of reports whose project has no responsible unit: they still count, under 未指定单位. */
const NO_UNIT = '-';

export interface RoundScoreboard {
  roundId: string;
  month: string;
  deadline: string;
  rows: (UnitScore & { unitName: string })[];
  total: UnitScore;
}

async function unitNames(db: Db, countyCode: string): Promise<Map<string, string>> {
  const names = new Map((await listUnits(db, countyCode)).map((u) => [u.id, u.name]));
  names.set(NO_UNIT, '未指定单位');
  names.set(TOTAL_UNIT_ID, '合计');
  return names;
}

const forScore = (r: { unitId: string | null; status: ReportForScore['status']; firstSubmittedAt: string | null; returnedCount: number }): ReportForScore => ({
  unitId: r.unitId ?? NO_UNIT,
  status: r.status,
  firstSubmittedAt: r.firstSubmittedAt,
  returnedCount: r.returnedCount,
});

/** A round's scoreboard, the latest units first (most missing and late), for the dispatcher and the leaders. */
export async function getRoundScoreboard(db: Db, roundId: string, actor: Actor, now: Date = new Date()): Promise<RoundScoreboard> {
  const round = await loadRound(db, roundId, actor);
  const reports = (await reportsForScore(db, [round.id])).map(forScore);
  const names = await unitNames(db, round.regionCode);
  const scores = roundScoreboard(reports, round.deadline, now);
  // A reporter sees its own unit's line; the board of every unit is for the dispatcher and the leaders.
  const rows = scores
    .filter((s) => seesUnit(actor, s.unitId))
    .map((s) => ({ ...s, unitName: names.get(s.unitId) ?? s.unitId }))
    .sort((a, b) => b.missing + b.late - (a.missing + a.late) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  return { roundId: round.id, month: round.month, deadline: round.deadline, rows, total: scoreboardTotal(scores, round.deadline, now) };
}

/** Each unit's timeliness over the rounds of a year in one county. */
export async function getYearTimeliness(db: Db, countyCode: string, year: number, actor: Actor, now: Date = new Date()): Promise<(UnitTimeliness & { unitName: string })[]> {
  if (!coversRegion(actor, countyCode)) throw forbidden('无权查看该地区的月报');
  const [lo, hi] = countyRange(countyCode);
  const rounds = await listRounds(db, lo, hi, year);
  const reports = await reportsForScore(db, rounds.map((r) => r.id));
  const names = await unitNames(db, countyCode);
  const rows = yearTimeliness(
    rounds.map((r) => ({ deadline: r.deadline, reports: reports.filter((x) => x.roundId === r.id).map(forScore) })),
    now,
  );
  return rows
    .filter((r) => seesUnit(actor, r.unitId))
    .map((r) => ({ ...r, unitName: names.get(r.unitId) ?? r.unitId })).sort((a, b) => (a.timelinessRate ?? 2) - (b.timelinessRate ?? 2));
}
