// The leads ledger in and out of Excel: an import read row by row (each taken or refused with its row number),
// previewed or committed in one transaction, nothing written when a row is refused unless asked; and the export,
// which imports back.

import { canCreateProject, coversRegion, type Actor } from '../../domain/access.ts';
import { LEAD_COLUMNS, leadColumnOf, headerUnit, originWord, signKindWord, sourceWord, type LeadColumn, type LeadColumnKey } from '../../domain/attraction/lead-columns.ts';
import { INVESTOR_ORIGIN_LABELS, LEAD_SOURCE_LABELS, LEAD_STAGE_LABELS, SIGN_KIND_LABELS, type Lead, type LeadEvent, type LeadStage, type LeadStatus, type SignKind } from '../../domain/attraction/lead.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import { cellText, isBlank, parseLedgerDate, parseMoney, type LedgerCell } from '../../domain/ledger/ledger-cells.ts';
import { toUnit } from '../../domain/money.ts';
import type { Day } from '../../domain/months.ts';
import { townshipNameMatches } from '../../domain/region.ts';
import { insertLeadEvents, insertLeadHistory, insertLeads, leadLeaders, listLeads, replaceLeadLeaders } from '../../db/repositories/lead.repository.ts';
import { childRegions, findRegion, listLeaders, listUnits } from '../../db/repositories/region.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { writeLeadSheet } from '../../io/lead-sheet.ts';
import { LedgerFileProblem, readWorkbookOrRefuse } from '../import-ledger.ts';
import { cstToday, viewsOf } from './leads.ts';

export interface ImportLeadsReport {
  committed: boolean;
  imported: number;
  rejected: { row: number; reason: string }[];
  sheet: string;
  rows: { row: number; action: 'new' | 'rejected'; name: string; reason?: string }[];
}

const STAGE_DATES: readonly [LeadColumnKey, LeadStage][] = [
  ['negotiatingOn', 'negotiating'], ['signedOn', 'signed'], ['registeredOn', 'registered'], ['startedOn', 'started'], ['operatingOn', 'operating'], ['attainedOn', 'attained'],
];

interface Planned {
  lead: Lead;
  leaderIds: string[];
  events: LeadEvent[];
}

/**
 * Imports a leads ledger (.xlsx): a header row naming 项目名称 among the first 20 rows, one lead per row after it.
 * A lead's stage comes from the furthest stage date the row gives (each date becomes a dated move whose evidence is
 * the row); dates must run in order, not after today. A name already in the county, or twice in the file, is refused.
 */
export async function importLeads(db: Db, input: { file: Buffer | string; regionCode: string; skipInvalid: boolean; commit: boolean; fileName?: string }, actor: Actor, now: Date = new Date()): Promise<ImportLeadsReport> {
  if (!canCreateProject(actor, input.regionCode)) throw forbidden('只有本县的管理员或调度员可以导入线索台账');
  const { sheets } = await readWorkbookOrRefuse(input.file);
  let found: { sheet: (typeof sheets)[number]; headerRow: number; columns: Map<LeadColumnKey, { index: number; column: LeadColumn; header: string }> } | undefined;
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20) && !found; r++) {
      const columns = new Map<LeadColumnKey, { index: number; column: LeadColumn; header: string }>();
      (sheet.rows[r] ?? []).forEach((cell, index) => {
        const c = leadColumnOf(cellText(cell));
        if (c && !columns.has(c.key)) columns.set(c.key, { index, column: c, header: cellText(cell) });
      });
      if (columns.has('name')) found = { sheet, headerRow: r, columns };
    }
  }
  if (!found) throw new LedgerFileProblem('没有找到线索台账：任何工作表的表头中都没有“项目名称”列', 'noLedger');
  const { sheet, headerRow, columns } = found;
  const county = input.regionCode;
  const [towns, units, leaders, stored] = await Promise.all([childRegions(db, county), listUnits(db, county), listLeaders(db, county), listLeads(db, { regionCode: county })]);
  const storedNames = new Set(stored.map((l) => l.name));
  const today = cstToday(now);
  const stamp = now.toISOString();
  const userId = actor.userId === 'system' ? null : actor.userId;
  const report: ImportLeadsReport = { committed: false, imported: 0, rejected: [], sheet: sheet.name, rows: [] };
  const plans: Planned[] = [];
  const seen = new Map<string, number>();

  for (let i = headerRow + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (cells.every((c) => isBlank(c))) continue;
    const row = i + 1;
    const problems: string[] = [];
    const cell = (key: LeadColumnKey): LedgerCell => {
      const c = columns.get(key);
      return c === undefined ? null : (cells[c.index] ?? null);
    };
    const text = (key: LeadColumnKey) => cellText(cell(key));
    const money = (key: LeadColumnKey) => {
      const c = columns.get(key);
      if (!c) return null;
      const r = parseMoney(cell(key), headerUnit(c.header), c.column.header.replace(/（.*/, ''));
      if (!r.ok) problems.push(r.problem);
      return r.ok ? r.value : null;
    };
    const date = (key: LeadColumnKey): Day | null => {
      const c = columns.get(key);
      if (!c) return null;
      const r = parseLedgerDate(cell(key), c.column.header);
      if (!r.ok) problems.push(r.problem);
      return r.ok ? r.value : null;
    };
    const name = text('name').replace(/\s+/g, ' ');
    const refuse = (reason: string) => {
      const t = `第${row}行：${reason}`;
      report.rejected.push({ row, reason: t });
      report.rows.push({ row, action: 'rejected', name, reason: t });
    };
    if (!name) {
      refuse('项目名称为空');
      continue;
    }
    if (storedNames.has(name)) {
      refuse(`本县已有线索“${name}”，不重复导入`);
      continue;
    }
    if (seen.has(name)) {
      refuse(`与第${seen.get(name)}行是同一线索`);
      continue;
    }
    seen.set(name, row);
    const origin = text('origin') ? originWord(text('origin')) : null;
    if (origin === undefined) problems.push(`投资方来源“${text('origin')}”无法识别，应为省外、市外或本地`);
    const source = text('source') ? sourceWord(text('source')) : 'other';
    if (source === undefined) problems.push(`线索来源“${text('source')}”无法识别，应为${Object.values(LEAD_SOURCE_LABELS).join('、')}`);
    const signKind: SignKind | null | undefined = text('signKind') ? signKindWord(text('signKind')) : null;
    if (signKind === undefined) problems.push(`签约类型“${text('signKind')}”无法识别，应为框架协议或正式合同`);
    let townshipCode: string | null = null;
    if (text('township')) {
      const t = towns.find((d) => d.name === text('township')) ?? towns.find((d) => townshipNameMatches(text('township'), d.name));
      if (t) townshipCode = t.code;
      else problems.push(`拟落户乡镇“${text('township')}”不是本县的乡镇或园区`);
    }
    let unitId: string | null = null;
    if (text('unit')) {
      const u = units.find((x) => x.name === text('unit')) ?? units.filter((x) => x.name.includes(text('unit'))).at(0);
      if (u) unitId = u.id;
      else problems.push(`责任单位“${text('unit')}”不是本县的单位`);
    }
    const leaderIds: string[] = [];
    for (const n of text('leaders').split(/[、,，;；\s]+/).filter(Boolean)) {
      const l = leaders.find((x) => x.name === n);
      if (l) leaderIds.push(l.id);
      else problems.push(`包联领导“${n}”不是本县的包联领导`);
    }
    const receivedOn = date('receivedOn');
    const intendedAmount = money('intendedAmount');
    const contractedAmount = money('contractedAmount');
    const fundsInPlace = money('fundsInPlace');
    const expectedOutput = money('expectedOutput');
    const actualOutput = money('actualOutput');
    const stageDays = STAGE_DATES.map(([key, stage]) => [stage, date(key)] as const).filter((x): x is readonly [LeadStage, Day] => x[1] !== null);
    const terminatedOn = date('terminatedOn');
    if (!receivedOn) problems.push('获得线索日期为空');
    if (problems.length > 0) {
      refuse(problems.join('；'));
      continue;
    }
    // The moves must run forward in time from the day the lead came in, and none after today.
    let last = receivedOn!;
    for (const [stage, on] of stageDays) {
      if (on < last) problems.push(`${LEAD_STAGE_LABELS[stage]}日期${on}早于前一阶段（${last}）`);
      if (on > today) problems.push(`${LEAD_STAGE_LABELS[stage]}日期${on}晚于今天`);
      last = on > last ? on : last;
    }
    if (terminatedOn && terminatedOn < last) problems.push(`终止日期${terminatedOn}早于最后一次变动（${last}）`);
    if (terminatedOn && !text('terminatedReason')) problems.push('终止须写明终止原因');
    if (receivedOn! > today) problems.push(`获得线索日期${receivedOn}晚于今天`);
    if (problems.length > 0) {
      refuse(problems.join('；'));
      continue;
    }
    const furthest = stageDays.at(-1)?.[0] ?? 'lead';
    const signed = stageDays.some(([s]) => s !== 'negotiating');
    const id = newId();
    const evidence = `台账导入：${input.fileName ?? '线索台账'} 第${row}行`;
    const stage: LeadStatus = terminatedOn ? 'terminated' : furthest;
    plans.push({
      lead: {
        id, regionCode: county, name, investor: text('investor') || null, investorOrigin: origin ?? null, investorPlace: text('investorPlace') || null,
        chain: text('chain') || null, townshipCode, unitId, team: text('team') || null, source: source ?? 'other', sourceDetail: text('sourceDetail') || null,
        referrer: text('referrer') || null, intendedAmount: intendedAmount ?? 0, contractedAmount, fundsInPlace: fundsInPlace ?? 0, expectedOutput, actualOutput,
        stage, signKind: signed ? (signKind ?? 'formal') : null, terminatedReason: terminatedOn ? text('terminatedReason') : null, receivedOn: receivedOn!,
        projectId: null, notes: text('notes') || null, createdAt: stamp, updatedAt: stamp, version: 1,
      },
      leaderIds,
      events: [
        ...stageDays.map(([s, on]): LeadEvent => ({ id: newId(), leadId: id, kind: 'stage', stage: s, signKind: s === 'signed' ? (signKind ?? 'formal') : null, on, evidence, note: null, recordedAt: stamp, recordedBy: userId })),
        ...(terminatedOn ? [{ id: newId(), leadId: id, kind: 'stage' as const, stage: 'terminated' as const, signKind: null, on: terminatedOn, evidence, note: text('terminatedReason'), recordedAt: stamp, recordedBy: userId }] : []),
      ],
    });
    report.rows.push({ row, action: 'new', name });
  }
  report.rows.sort((a, b) => a.row - b.row);
  const blocked = report.rejected.length > 0 && !input.skipInvalid;
  if (!blocked) report.imported = plans.length;
  if (blocked || !input.commit) return report;
  return inTransaction(db, async (trx) => {
    await insertLeads(trx, plans.map((p) => p.lead));
    for (const p of plans) if (p.leaderIds.length > 0) await replaceLeadLeaders(trx, p.lead.id, p.leaderIds);
    await insertLeadEvents(trx, plans.flatMap((p) => p.events));
    await insertLeadHistory(trx, plans.map((p) => ({ id: newId(), leadId: p.lead.id, changedAt: stamp, userId, field: 'created', before: null, after: `${p.lead.name}（台账导入）` })));
    report.committed = true;
    return report;
  });
}

/** The leads ledger of a region as people print it; money in 万元; it imports back unchanged. */
export async function exportLeads(db: Db, q: { region: string }, actor: Actor, now: Date = new Date()): Promise<{ buffer: Buffer; rows: number; filename: string }> {
  if (!coversRegion(actor, q.region)) throw forbidden('无权导出该地区的线索');
  const leads = (await listLeads(db, { regionCode: q.region, unitId: actor.role === 'reporter' ? (actor.unitId ?? '-') : null, townshipCode: q.region.length === 9 ? q.region : null }));
  const day = cstToday(now);
  const views = await viewsOf(db, leads, day);
  const county = q.region.slice(0, 6);
  const [towns, units, region, leaderMap] = await Promise.all([childRegions(db, county), listUnits(db, county), findRegion(db, q.region), leadLeaders(db, leads.map((l) => l.id))]);
  const townName = new Map(towns.map((t) => [t.code, t.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const wan = (v: number | null) => (v === null ? null : toUnit(v, '万元'));
  const rows = views.map((v) => {
    const l = v.lead;
    const values: Record<LeadColumnKey, string | number | null> = {
      name: l.name, investor: l.investor, origin: l.investorOrigin ? INVESTOR_ORIGIN_LABELS[l.investorOrigin] : null, investorPlace: l.investorPlace,
      chain: l.chain, township: l.townshipCode ? (townName.get(l.townshipCode) ?? null) : null, unit: l.unitId ? (unitName.get(l.unitId) ?? null) : null,
      team: l.team, leaders: (leaderMap.get(l.id) ?? []).map((x) => x.name).join('、') || null, source: LEAD_SOURCE_LABELS[l.source], sourceDetail: l.sourceDetail,
      referrer: l.referrer, receivedOn: l.receivedOn, intendedAmount: wan(l.intendedAmount), contractedAmount: wan(l.contractedAmount), fundsInPlace: wan(l.fundsInPlace),
      expectedOutput: wan(l.expectedOutput), actualOutput: wan(l.actualOutput), stage: LEAD_STAGE_LABELS[v.stage],
      negotiatingOn: v.days.negotiating ?? null, signedOn: v.days.signed ?? null, signKind: l.signKind ? SIGN_KIND_LABELS[l.signKind] : null,
      registeredOn: v.days.registered ?? null, startedOn: v.days.started ?? null, operatingOn: v.days.operating ?? null, attainedOn: v.days.attained ?? null,
      terminatedOn: v.terminatedOn, terminatedReason: l.terminatedReason, notes: l.notes,
    };
    return LEAD_COLUMNS.map((c) => values[c.key]);
  });
  const title = `${region?.name ?? q.region}招商引资项目台账（截至${day}）`;
  const buffer = await writeLeadSheet(title, LEAD_COLUMNS.map((c) => ({ header: c.header, width: c.width, numeric: c.kind === 'money' })), rows);
  if (rows.length > 100_000) throw new AppError('too_large', '线索过多，请按乡镇分别导出');
  return { buffer, rows: rows.length, filename: `${region?.name ?? q.region}招商引资项目台账.xlsx` };
}
