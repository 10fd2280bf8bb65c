// The demo's attraction (招商引资): the zone's leads of 2023 from which the funnel prints seed 001's figures (洽谈 16 个
// 149 亿元, 签约 12 个 53.8 亿元, 开工 5 个 18 亿元, 投产 2 个 46.98 亿元), the county's signed projects of 2021 as the
// leads they came from, seed 002's attraction targets read from its own words, and the 三个一批 events numbered.

import { readAttractionTargets } from '../domain/attraction/attraction-target-reader.ts';
import type { InvestorOrigin, Lead, LeadEvent, LeadSource, LeadStage, SignKind } from '../domain/attraction/lead.ts';
import { YUAN_PER_WAN } from '../domain/money.ts';
import type { Day } from '../domain/months.ts';
import { attachBatchLeads, insertBatchEvent } from '../db/repositories/attraction-batch.repository.ts';
import { insertLeadEvents, insertLeadHistory, insertLeads, replaceLeadLeaders, upsertAttractionTargets } from '../db/repositories/lead.repository.ts';
import { leadersOfProjects } from '../db/repositories/project.repository.ts';
import { listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import { newId, type Db } from '../db/transaction.ts';

const COUNTY = '140423';
const ZONE = '140423402';
const ZONE_OFFICE = '襄垣经济技术开发区管委会';

/** Seed 002's 招商引资 paragraph, as the work report writes it: the reader takes the targets from these words. */
export const SEED_002_ATTRACTION_TEXT =
  '同时，定期开展经开区“三个一批”活动，加强定时、定向调度，解决突出问题，力争年内引进亿元以上项目10个，总投资额达到50亿元以上，' +
  '招商引资签约项目开工落地率达到40%以上。';

/** A demo lead: amounts in 万元, its moves as [stage, day] in order, the last one where it stands. */
interface DemoLead {
  name: string;
  investor: string;
  origin: InvestorOrigin;
  place: string;
  chain: string;
  team: string;
  source: LeadSource;
  leader: string;
  receivedOn: Day;
  intended: number;
  contracted?: number;
  inPlace?: number;
  expectedOutput?: number;
  actualOutput?: number;
  moves: readonly (readonly [LeadStage | 'terminated', Day, string])[];
  signKind?: SignKind;
  reason?: string;
}

const SHENZHEN = '驻深圳招商小分队';
const CHEMICAL = '化工新材料招商小分队';
const ENERGY = '能源产业招商小分队';

const signed = (day: Day, kind = '正式合同') => ['signed', day, `${kind}（${day}签订）`] as const;
const talks = (day: Day) => ['negotiating', day, `首轮洽谈会议纪要（${day}）`] as const;
const registered = (day: Day) => ['registered', day, `营业执照（${day}核发）`] as const;
const started = (day: Day) => ['started', day, `开工现场照片及开工报告（${day}）`] as const;

/** 襄垣经开区's leads as of June 2023. */
const ZONE_LEADS: readonly DemoLead[] = [
  // 投产 2 (signed years before; in production in 2023): 46.98 亿元.
  {
    name: '金鼎254万吨清洁焦化项目', investor: '山西金鼎煤化集团有限公司', origin: 'local', place: '襄垣县', chain: '现代煤化工', team: CHEMICAL, source: 'byBusiness', leader: '王志强',
    receivedOn: '2020-02-18', intended: 400_000, contracted: 386_000, inPlace: 352_000, expectedOutput: 520_000, actualOutput: 310_000,
    moves: [talks('2020-03-10'), signed('2020-07-16'), registered('2020-09-02'), started('2021-04-08'), ['operating', '2023-05-18', '投产仪式及试生产备案（2023-05-18）']],
  },
  {
    name: '潞安天达20万吨高密油项目', investor: '潞安化工集团天达新材料有限公司', origin: 'outsideCity', place: '太原市', chain: '现代煤化工', team: CHEMICAL, source: 'byBusiness', leader: '刘建平',
    receivedOn: '2020-11-05', intended: 90_000, contracted: 83_800, inPlace: 80_000, expectedOutput: 120_000, actualOutput: 75_000,
    moves: [talks('2020-12-01'), signed('2021-03-22'), registered('2021-05-10'), started('2021-08-18'), ['operating', '2023-03-28', '投产验收报告（2023-03-28）']],
  },
  // 开工 5: the 深圳高端装备制造标准化厂房 projects, 18 亿元, negotiated, signed and started in 2023.
  ...([
    ['深圳精密数控装备标准化厂房项目', '深圳市精工数控装备有限公司', 42_000, '2023-05-06'],
    ['深圳智能机器人装备标准化厂房项目', '深圳市智行机器人科技有限公司', 38_000, '2023-05-12'],
    ['深圳工业激光装备标准化厂房项目', '深圳市光锐激光装备有限公司', 36_000, '2023-05-20'],
    ['深圳新能源汽车零部件标准化厂房项目', '深圳市驰远汽车零部件有限公司', 34_000, '2023-06-02'],
    ['深圳电子元器件标准化厂房项目', '深圳市华芯电子元器件有限公司', 30_000, '2023-06-16'],
  ] as const).map(([name, investor, amount, start], i): DemoLead => ({
    name, investor, origin: 'outsideProvince', place: '深圳市', chain: '装备制造', team: SHENZHEN, source: 'byBusiness', leader: '郭晓东',
    receivedOn: `2022-12-${String(5 + i * 3).padStart(2, '0')}`, intended: amount, contracted: amount, inPlace: Math.round(amount / 4), expectedOutput: amount * 2,
    moves: [talks(`2023-01-${String(9 + i * 2).padStart(2, '0')}`), signed('2023-03-16'), registered(`2023-04-${String(6 + i * 4).padStart(2, '0')}`), started(start)],
  })),
  // 签约 7 more, not yet started: 35.8 亿元 contracted.
  ...([
    ['PVC功能型助剂项目', '浙江嘉化新材料股份有限公司', 'outsideProvince', '嘉兴市', 'PVC', CHEMICAL, 'commissioned', '刘建平', '2022-10-12', 90_000, 85_000, '2023-02-14', '2023-04-20', '2023-05-25'],
    ['固废综合利用新型建材项目', '山西绿源环保科技有限公司', 'outsideCity', '太原市', '固废综合利用', CHEMICAL, 'hometown', '李宏伟', '2022-11-20', 65_000, 62_000, '2023-01-16', '2023-03-30', '2023-06-08'],
    ['煤焦油深加工项目', '河北旭阳化工有限公司', 'outsideProvince', '邢台市', '现代煤化工', CHEMICAL, 'byBusiness', '王志强', '2023-01-04', 60_000, 58_000, '2023-01-20', '2023-04-18', null],
    ['源网荷储一体化储能电站项目', '北京京能清洁能源有限公司', 'outsideProvince', '北京市', '源网荷储', ENERGY, 'commissioned', '史红梅', '2023-01-09', 55_000, 50_000, '2023-02-06', '2023-05-09', null],
    ['高纯氯化钙项目', '长治市瑞恒精细化工有限公司', 'local', '襄垣县', 'PVC', CHEMICAL, 'byBusiness', '张海峰', '2023-02-02', 46_000, 43_000, '2023-02-20', '2023-05-30', null],
    ['工业固废制备微粉项目', '河南金耀建材有限公司', 'outsideProvince', '郑州市', '固废综合利用', CHEMICAL, 'expo', '李宏伟', '2023-02-15', 40_000, 36_000, '2023-03-01', '2023-06-12', null],
    ['氢能重卡换电站项目', '山西美锦氢能科技有限公司', 'outsideCity', '太原市', '源网荷储', ENERGY, 'visit', '史红梅', '2022-12-26', 30_000, 24_000, '2023-01-30', '2023-06-20', null],
  ] as const).map(([name, investor, origin, place, chain, team, source, leader, receivedOn, intended, contracted, talkOn, signOn, regOn]): DemoLead => ({
    name, investor, origin, place, chain, team, source, leader, receivedOn, intended, contracted, inPlace: regOn ? Math.round(contracted / 20) : 0, expectedOutput: contracted * 2,
    moves: [talks(talkOn), signed(signOn, signOn < '2023-05-01' ? '正式合同' : '框架协议'), ...(regOn ? [registered(regOn)] : [])],
    signKind: signOn < '2023-05-01' ? 'formal' : 'framework',
  })),
  // 洽谈 4, still negotiating: 92.4 亿元 intended.
  ...([
    ['百万吨级PVC配套电石项目', '新疆中泰化学股份有限公司', 'outsideProvince', '乌鲁木齐市', 'PVC', CHEMICAL, 'byBusiness', '刘建平', '2022-09-14', 350_000, '2023-02-08'],
    ['煤基可降解材料项目', '江苏华昌化工股份有限公司', 'outsideProvince', '苏州市', '现代煤化工', CHEMICAL, 'commissioned', '王志强', '2022-12-02', 280_000, '2023-03-15'],
    ['风光储一体化项目', '中广核新能源投资（深圳）有限公司', 'outsideProvince', '深圳市', '源网荷储', ENERGY, 'expo', '史红梅', '2023-03-08', 184_000, '2023-04-11'],
    ['矿山装备再制造项目', '太原重型机械集团有限公司', 'outsideCity', '太原市', '装备制造', SHENZHEN, 'hometown', '郭晓东', '2023-04-03', 110_000, '2023-05-16'],
  ] as const).map(([name, investor, origin, place, chain, team, source, leader, receivedOn, intended, talkOn]): DemoLead => ({
    name, investor, origin, place, chain, team, source, leader, receivedOn, intended, moves: [talks(talkOn)],
  })),
  // 线索 3 new this year, and 1 ended before talks.
  { name: '碳纤维复合材料项目', investor: '江苏恒神股份有限公司', origin: 'outsideProvince', place: '镇江市', chain: '装备制造', team: SHENZHEN, source: 'news', leader: '郭晓东', receivedOn: '2023-05-22', intended: 50_000, moves: [] },
  { name: '废旧轮胎热裂解项目', investor: '山东双星再生资源有限公司', origin: 'outsideProvince', place: '青岛市', chain: '固废综合利用', team: CHEMICAL, source: 'expo', leader: '李宏伟', receivedOn: '2023-06-09', intended: 30_000, moves: [] },
  { name: '分布式光伏整县推进项目', investor: '晋能控股电力集团有限公司', origin: 'outsideCity', place: '大同市', chain: '源网荷储', team: ENERGY, source: 'visit', leader: '史红梅', receivedOn: '2023-06-19', intended: 20_000, moves: [] },
  {
    name: '铝基新材料项目', investor: '广东某铝业有限公司', origin: 'outsideProvince', place: '佛山市', chain: '装备制造', team: SHENZHEN, source: 'byBusiness', leader: '郭晓东', receivedOn: '2023-02-10', intended: 80_000,
    moves: [['terminated', '2023-04-20', '投资方来函（2023-04-20）']], reason: '投资方资金链紧张，暂缓投资',
  },
];

/**
 * Adds the demo's attraction data: the zone's 2023 leads, the county's 2021 signed batch projects as the leads they
 * came from (linked, so the funnel follows them through the round), seed 002's targets from its own words, and the
 * batch events' numbers and venue. Touches none of the pool's figures.
 */
export async function addDemoAttraction(db: Db, now: Date): Promise<{ leads: number }> {
  const stamp = now.toISOString();
  const [units, leaders] = await Promise.all([listUnits(db, COUNTY), listLeaders(db, COUNTY)]);
  const zoneUnit = units.find((u) => u.name === ZONE_OFFICE)?.id ?? null;
  const commerce = units.find((u) => u.name === '商务局')?.id ?? null;
  const leaderId = (name: string) => leaders.find((l) => l.name === name)?.id;

  const leads: Lead[] = [];
  const events: LeadEvent[] = [];
  const leaderLinks: [string, string][] = [];
  const build = (d: DemoLead, extra: Partial<Lead>): Lead => {
    const id = newId();
    const last = d.moves.at(-1);
    const reachedSigned = d.moves.some(([s]) => s === 'signed');
    for (const [stage, on, evidence] of d.moves) {
      events.push({
        id: newId(), leadId: id, kind: 'stage', stage, signKind: stage === 'signed' ? (d.signKind ?? 'formal') : null, on, evidence,
        note: stage === 'terminated' ? (d.reason ?? null) : null, recordedAt: stamp, recordedBy: null,
      });
    }
    // The first response came the day after the lead, and the assessment within the week.
    events.push({ id: newId(), leadId: id, kind: 'response', stage: null, signKind: null, on: d.receivedOn, evidence: null, note: '已登记并与投资方取得联系', recordedAt: stamp, recordedBy: null });
    const lid = leaderId(d.leader);
    if (lid) leaderLinks.push([id, lid]);
    return {
      id, regionCode: COUNTY, name: d.name, investor: d.investor, investorOrigin: d.origin, investorPlace: d.place, chain: d.chain, townshipCode: ZONE, unitId: zoneUnit,
      team: d.team, source: d.source, sourceDetail: null, referrer: null, intendedAmount: d.intended * YUAN_PER_WAN,
      contractedAmount: d.contracted === undefined ? null : d.contracted * YUAN_PER_WAN, fundsInPlace: (d.inPlace ?? 0) * YUAN_PER_WAN,
      expectedOutput: d.expectedOutput === undefined ? null : d.expectedOutput * YUAN_PER_WAN, actualOutput: d.actualOutput === undefined ? null : d.actualOutput * YUAN_PER_WAN,
      stage: last ? last[0] : 'lead', signKind: reachedSigned ? (d.signKind ?? 'formal') : null, terminatedReason: d.reason ?? null, receivedOn: d.receivedOn,
      projectId: null, notes: null, createdAt: stamp, updatedAt: stamp, version: 1, ...extra,
    };
  };
  for (const d of ZONE_LEADS) leads.push(build(d, {}));

  // The county's projects signed at 2021's batch events came from leads: they keep the link, and their 开工 follows the project.
  const signedAtBatch = await db
    .selectFrom('batch_project as bp')
    .innerJoin('batch_event as b', 'b.id', 'bp.batch_id')
    .innerJoin('project as p', 'p.id', 'bp.project_id')
    .select(['p.id', 'p.name', 'p.owner', 'p.chain', 'p.total_investment', 'p.signed_on', 'p.unit_id', 'p.township_code', 'b.held_on'])
    .where('bp.kind', '=', 'signed')
    .where('b.region_code', '=', COUNTY)
    .orderBy('b.held_on')
    .orderBy('p.name')
    .execute();
  const projectLeaders = await leadersOfProjects(db, signedAtBatch.map((p) => p.id));
  for (const [i, p] of signedAtBatch.entries()) {
    const total = Number(p.total_investment);
    const signedOn = p.signed_on ?? p.held_on;
    const receivedOn = `2020-${String(6 + (i % 3)).padStart(2, '0')}-${String(8 + i).padStart(2, '0')}`;
    const lead = build(
      {
        name: p.name, investor: p.owner ?? '', origin: i % 3 === 0 ? 'outsideProvince' : i % 3 === 1 ? 'outsideCity' : 'local', place: '', chain: p.chain ?? '', team: i % 2 === 0 ? CHEMICAL : SHENZHEN,
        source: i % 2 === 0 ? 'byBusiness' : 'commissioned', leader: '', receivedOn, intended: Math.round(total / YUAN_PER_WAN),
        moves: [talks(`2020-${String(9 + (i % 3)).padStart(2, '0')}-15`), signed(signedOn)],
      },
      { contractedAmount: total, investorPlace: null, chain: p.chain, unitId: p.unit_id ?? commerce, townshipCode: p.township_code, projectId: p.id, investor: p.owner, fundsInPlace: Math.round(total / 5) },
    );
    for (const leaderId of projectLeaders.get(p.id) ?? []) leaderLinks.push([lead.id, leaderId]);
    leads.push(lead);
  }

  await insertLeads(db, leads);
  await insertLeadEvents(db, events);
  const byLead = new Map<string, string[]>();
  for (const [lead, leader] of leaderLinks) byLead.set(lead, [...(byLead.get(lead) ?? []), leader]);
  for (const [lead, ids] of byLead) await replaceLeadLeaders(db, lead, ids);
  await insertLeadHistory(db, leads.map((l) => ({ id: newId(), leadId: l.id, changedAt: stamp, userId: null, field: 'created', before: null, after: l.name })));

  // Seed 002's targets, read from its own words and confirmed as a dispatcher would.
  await upsertAttractionTargets(
    db,
    readAttractionTargets(SEED_002_ATTRACTION_TEXT, { year: 2021 }).map((t) => ({ ...t, regionCode: COUNTY, year: 2021, source: 'report' as const, sourceText: t.span.text })),
    stamp,
    null,
  );

  // The 2021 events are the province's numbered sessions in the zone; 2023's second session started the 深圳 plants.
  const batches = await db.selectFrom('batch_event').select(['id', 'held_on']).where('region_code', '=', COUNTY).orderBy('held_on').execute();
  for (const [i, b] of batches.entries()) {
    await db.updateTable('batch_event').set({ edition: i + 1, venue: '襄垣经济技术开发区' }).where('id', '=', b.id).execute();
  }
  const session = { id: newId(), regionCode: COUNTY, heldOn: '2023-06-16', title: '2023年第二期“三个一批”活动', edition: 2, venue: '襄垣经开区标准化厂房园区' };
  await insertBatchEvent(db, session);
  const zoneByName = new Map(leads.map((l) => [l.name, l.id]));
  await attachBatchLeads(db, session.id, [
    ...ZONE_LEADS.filter((d) => d.moves.at(-1)?.[0] === 'started').map((d) => ({ leadId: zoneByName.get(d.name)!, kind: 'started' as const })),
    ...ZONE_LEADS.filter((d) => d.moves.some(([s, on]) => s === 'signed' && on >= '2023-05-01')).map((d) => ({ leadId: zoneByName.get(d.name)!, kind: 'signed' as const })),
    ...ZONE_LEADS.filter((d) => d.moves.at(-1)?.[0] === 'operating').map((d) => ({ leadId: zoneByName.get(d.name)!, kind: 'operating' as const })),
  ]);
  return { leads: leads.length };
}
