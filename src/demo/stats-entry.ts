// The demo county's 入库 files: the day of each project's status, the one refusal's reason, and the materials checklist
// as the units have kept it — drawn from the project's own dates, so every build is the same and no figure moves.

import { nextDayOfMonth } from '../domain/stats-entry/cut-offs.ts';
import { STATS_ENTRY_MATERIALS, type StatsEntryMaterial } from '../domain/stats-entry/stats-entry.ts';
import type { Day } from '../domain/months.ts';
import type { Project } from '../domain/project/project.ts';
import { insertStatsEntries, type MaterialRecord, type StatsEntryRecord } from '../db/repositories/stats-entry.repository.ts';
import { findUserByUsername } from '../db/repositories/user.repository.ts';
import type { Db } from '../db/transaction.ts';

/** The last day the demo's data covers (its as-of month is 2021-05): no 入库 event lies after it. */
const DEMO_LAST_DAY: Day = '2021-05-31';
/** The refusal the demo tells of: the contract was signed by another company than the one on the filing. */
export const DEMO_REFUSAL_REASON = '施工合同签订主体与备案主体不一致';

/** One project's 入库 file in the demo: the day of its status, a reason when refused, the checklist items it has. */
export interface DemoStatsEntry {
  statusOn: Day | null;
  reason: string | null;
  materials: { item: StatsEntryMaterial; done: boolean; note: string | null }[];
  /** Recorded before tiaodu (projects entered in earlier years): nobody marked it in the app. */
  earlier: boolean;
}

function earliest(a: Day, b: Day): Day {
  return a < b ? a : b;
}

/**
 * The 入库 file of a demo project, or null when it has none (未入库 and nothing gathered). Materials go in by the 10th
 * after the start, the office verifies by the 25th; a project still gathering lacks its construction contract.
 */
export function demoStatsEntry(p: Pick<Project, 'statsEntry' | 'startedOn' | 'permitOn' | 'landSuppliedOn' | 'projectCode' | 'owner'>): DemoStatsEntry | null {
  const started = p.startedOn;
  const photos = (day: Day) => ({ item: 'sitePhotos' as const, done: true, note: `照片注明拍摄日期：${day}` });
  // Photos are taken on the site once work has begun: they carry the start day.
  const complete = (start: Day) =>
    STATS_ENTRY_MATERIALS.map((item) => (item === 'sitePhotos' ? photos(start) : { item, done: true, note: null }));
  switch (p.statsEntry) {
    case 'none':
      return null;
    case 'entered': {
      if (!started) return null;
      const on = earliest(nextDayOfMonth(started, 25), DEMO_LAST_DAY);
      return { statusOn: on, reason: null, materials: complete(started), earlier: on < '2021-01-01' };
    }
    case 'submitted': {
      if (!started) return null;
      const on = earliest(nextDayOfMonth(started, 10), DEMO_LAST_DAY);
      return { statusOn: on, reason: null, materials: complete(started), earlier: false };
    }
    case 'refused': {
      if (!started) return null;
      const on = earliest(nextDayOfMonth(started, 25), DEMO_LAST_DAY);
      const materials = complete(started).map((m) => (m.item === 'constructionContract' ? { ...m, note: '合同签订主体与备案主体不一致，正在补签' } : m));
      return { statusOn: on, reason: DEMO_REFUSAL_REASON, materials, earlier: false };
    }
    case 'preparing': {
      const on = started ?? p.permitOn ?? p.landSuppliedOn;
      const materials: DemoStatsEntry['materials'] = [];
      if (p.projectCode) materials.push({ item: 'approvalDocument', done: true, note: null });
      if (p.owner?.includes('公司')) materials.push({ item: 'businessLicence', done: true, note: null });
      if (started) materials.push(photos(started));
      materials.push({ item: 'constructionContract', done: false, note: started ? '施工合同正在签订' : '尚未开工，施工合同待签' });
      return { statusOn: on ?? null, reason: null, materials, earlier: false };
    }
    default: {
      const never: never = p.statsEntry;
      return never;
    }
  }
}

/**
 * Writes the demo's 入库 files: each marked by the account of the project's unit where the demo has one (古韩镇, the
 * zone), by the dispatcher otherwise, and by nobody for files older than the app.
 */
export async function addDemoStatsEntry(db: Db, projects: readonly Project[], now: Date): Promise<void> {
  const stamp = now.toISOString();
  const byUnit = new Map<string, string>();
  let dispatcher: string | null = null;
  for (const username of ['dispatcher', 'reporter', 'reporter-zone']) {
    const u = await findUserByUsername(db, username);
    if (!u) continue;
    if (username === 'dispatcher') dispatcher = u.id;
    else if (u.unitId) byUnit.set(u.unitId, u.id);
  }
  const records: StatsEntryRecord[] = [];
  const materials: (MaterialRecord & { projectId: string })[] = [];
  for (const p of projects) {
    const file = demoStatsEntry(p);
    if (!file) continue;
    const by = file.earlier ? null : (p.unitId && byUnit.get(p.unitId)) || dispatcher;
    records.push({ projectId: p.id, statusOn: file.statusOn, reason: file.reason, notes: null, updatedAt: stamp, updatedBy: by });
    for (const m of file.materials) {
      materials.push({ projectId: p.id, item: m.item, done: m.done, markedOn: file.statusOn ?? null, markedBy: by, note: m.note });
    }
  }
  await insertStatsEntries(db, records, materials);
}
