// A round's figures as an Excel file, for the dispatch meeting and the statistics office.

import type { Actor } from '../../domain/access.ts';
import { cstParts, ytdLabel } from '../../domain/months.ts';
import { isLate, REPORT_STATUS_LABELS } from '../../domain/round/round.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { writeRoundWorkbook } from '../../io/round-writer.ts';
import { listRoundReports } from './reports.ts';
import { loadRound } from './round-access.ts';
import { monthName } from './rounds.ts';

/** The instant a clerk reads: 2021-06-03 10:00 (China Standard Time). */
function cstStamp(instant: string): string {
  const { day, hour, minute } = cstParts(instant);
  return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export async function exportRound(db: Db, roundId: string, actor: Actor, now: Date = new Date()): Promise<{ fileName: string; content: Buffer }> {
  const round = await loadRound(db, roundId, actor);
  const regionName = (await findRegion(db, round.regionCode))?.name ?? round.regionCode;
  const reports = await listRoundReports(db, roundId, actor);
  const title = `${regionName}${monthName(round.month)}重点项目月报`;
  const content = await writeRoundWorkbook(
    title,
    `${ytdLabel(round.month)}累计完成投资`,
    reports.map((r) => ({
      unitName: r.unitName ?? '未指定单位',
      projectName: r.projectName,
      projectCode: r.projectCode,
      status: REPORT_STATUS_LABELS[r.status],
      completedMonth: r.figures?.month ?? null,
      ytd: r.figures?.ytd ?? null,
      annualPlan: r.annualPlan,
      progress: r.progress,
      submittedAt: r.firstSubmittedAt ? cstStamp(r.firstSubmittedAt) : null,
      late: isLate(r.firstSubmittedAt, round.deadline, now),
    })),
  );
  return { fileName: `${title}.xlsx`, content };
}
