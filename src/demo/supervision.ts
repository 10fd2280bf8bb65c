// The demo county's supervision and alerts as of early June 2021: its working calendar with the 2021 holidays, the
// year's task of 100 亿元 (seed 000: "全年100亿元的年度任务"), the start months of its new projects, the ten 攻坚行动 of
// the 2021 work report (seed 002) as tasks, and the problems of its stalled and lagging projects — each item lived
// through the same services the app uses, day by day from March, with the escalation timer run each morning.

import type { Actor } from '../domain/access.ts';
import { addDays, cstInstant, monthOfDay, type Day } from '../domain/months.ts';
import type { Project } from '../domain/project/project.ts';
import type { ItemCreateInput } from '../domain/supervision/item-input.ts';
import { findProjectYears } from '../db/repositories/project.repository.ts';
import { listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import { putStartPlans } from '../db/repositories/supervision.repository.ts';
import { findUserByUsername } from '../db/repositories/user.repository.ts';
import type { Db } from '../db/transaction.ts';
import { actorOf } from '../services/auth/sessions.ts';
import { sendDueEscalations } from '../services/supervision/escalation.ts';
import { assignItem, closeItem, extendItem, receiveItem, reopenItem, reportProgress, requestClose, returnItem, setItemPlan, instructItem } from '../services/supervision/item-actions.ts';
import { createItem } from '../services/supervision/items.ts';
import { saveSupervisionSettings } from '../services/supervision/settings.ts';

/** The year's task of seed 000 (全年100亿元的年度任务), in 元. */
export const DEMO_YEAR_TASK = 10_000_000_000;

/** The last day the demo's items are lived through: the week after the May round closed. */
export const DEMO_SUPERVISION_DAY: Day = '2021-06-10';

/** 2021's public holidays on weekdays, and the weekend days worked in their place (国务院办公厅 2020-11-25). */
export const DEMO_HOLIDAYS_2021: readonly { day: Day; kind: 'holiday' | 'workday'; note: string }[] = [
  { day: '2021-01-01', kind: 'holiday', note: '元旦' },
  { day: '2021-02-07', kind: 'workday', note: '春节调休上班' },
  ...['2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-02-17'].map((day) => ({ day, kind: 'holiday' as const, note: '春节' })),
  { day: '2021-02-20', kind: 'workday', note: '春节调休上班' },
  { day: '2021-04-05', kind: 'holiday', note: '清明节' },
  { day: '2021-04-25', kind: 'workday', note: '劳动节调休上班' },
  ...['2021-05-03', '2021-05-04', '2021-05-05'].map((day) => ({ day, kind: 'holiday' as const, note: '劳动节' })),
  { day: '2021-05-08', kind: 'workday', note: '劳动节调休上班' },
  { day: '2021-06-14', kind: 'holiday', note: '端午节' },
  { day: '2021-09-18', kind: 'workday', note: '中秋节调休上班' },
  { day: '2021-09-20', kind: 'holiday', note: '中秋节' },
  { day: '2021-09-21', kind: 'holiday', note: '中秋节' },
  { day: '2021-09-26', kind: 'workday', note: '国庆节调休上班' },
  ...['2021-10-01', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'].map((day) => ({ day, kind: 'holiday' as const, note: '国庆节' })),
  { day: '2021-10-09', kind: 'workday', note: '国庆节调休上班' },
];

/** The planned start months of the new projects not started by May (the started ones were planned for their month). */
const PLANNED_NOT_STARTED: Record<string, string> = {
  山西襄垣润达新材料化工有限公司年产3万吨可降解塑料项目: '2021-03',
  山西襄垣宏鑫新材料有限公司年产1万吨碳纤维复合材料项目: '2021-04',
  襄垣县夏店镇新庄村采煤沉陷区搬迁安置项目: '2021-04',
  襄垣县城区公共租赁住房建设项目: '2021-05',
  襄垣县城区智慧停车场建设项目: '2021-02',
  襄垣县集中式共享储能电站项目: '2021-06',
  '襄垣县古韩镇东畛村采煤沉陷区搬迁安置项目（二期）': '2021-07',
};

interface Step {
  day: Day;
  /** The hour in 襄垣 the step is taken at. */
  hour: number;
  run: (now: Date) => Promise<unknown>;
}

/**
 * Writes the demo's supervision and alerts settings, its projects' start months and its items with their histories.
 * One call from createDemo, inside its transaction.
 */
export async function addDemoSupervision(db: Db, projects: readonly Project[]): Promise<{ items: number }> {
  const county = projects[0]!.regionCode;
  const [units, leaders] = await Promise.all([listUnits(db, county), listLeaders(db, county)]);
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const leader = (name: string) => leaders.find((l) => l.name === name)!.id;
  const project = (name: string) => {
    const p = projects.find((x) => x.name === name);
    if (!p) throw new Error(`demo supervision names a project that does not exist: ${name}`);
    return p;
  };
  const actor = async (username: string): Promise<Actor> => actorOf((await findUserByUsername(db, username))!);
  const dispatcher = await actor('dispatcher');
  const guhan = await actor('reporter');
  const zone = await actor('reporter-zone');
  const liHongwei = await actor('leader');

  await saveSupervisionSettings(db, { region: county, year: 2021, workingDays: true, days: [...DEMO_HOLIDAYS_2021], task: DEMO_YEAR_TASK }, dispatcher);

  // 开工计划落实到月: each new project's month, the started ones planned for the month they started.
  const plans: { projectId: string; year: number; month: string }[] = [];
  for (const p of projects) {
    const year = (await findProjectYears(db, p.id)).find((y) => y.year === 2021);
    if (year?.phase !== 'newStart' || p.stage === 'cancelled') continue;
    const month = p.startedOn ? monthOfDay(p.startedOn) : PLANNED_NOT_STARTED[p.name];
    if (month) plans.push({ projectId: p.id, year: 2021, month: month < '2021-01' ? '2021-01' : month });
  }
  await putStartPlans(db, plans);

  const ids: Record<string, string> = {};
  const create = (key: string, input: Omit<ItemCreateInput, 'region'>, by: Actor = dispatcher) => async (now: Date) => {
    ids[key] = (await createItem(db, { region: county, ...input }, by, now)).item.id;
  };
  const id = (key: string) => ids[key]!;

  // The ten 攻坚行动 of the 2021 work report (seed 002), assigned on 1 March with their own deadlines.
  const actions: [string, string, string, string, Day][] = [
    ['a1', '国资国企改革：襄矿、七一等竞争类企业市场化退出，“僵尸企业”法治化出清', '发展和改革局', '李宏伟', '2021-12-31'],
    ['a2', '采煤沉陷治理：科学制定完成9个村的搬迁安置方案，压实资金筹措责任', '发展和改革局', '郭晓东', '2021-05-31'],
    ['a3', '优化营商环境：推行一次告知、一次表单、一次联办，实现“一件事一次办”', '行政审批服务管理局', '李宏伟', '2021-09-30'],
    ['a5', '不动产登记历史遗留问题：摸清居民小区底数，重点解决9400户居民不动产登记', '自然资源局', '牛向东', '2021-12-31'],
    ['a6', '城乡“两违”建筑整治：分批规范处置2018年前建设的57个“两违”项目', '住房和城乡建设局', '牛向东', '2021-12-31'],
    ['a8', '壮大村集体经济：收入10万元以上的村集体力争达到200个', '农业农村局', '孙建国', '2021-12-31'],
    ['a9', '规范居民小区物业管理：打造1—2个高标准示范小区', '住房和城乡建设局', '牛向东', '2021-10-31'],
    ['a10', '盘活经开区闲置资源：彻底解决“批而未供”，盘活低效用地400亩、闲置厂房10000平方米', '襄垣经济技术开发区管委会', '张海峰', '2021-09-30'],
  ];
  const steps: Step[] = actions.map(([key, title, unitName, leaderName, dueOn]) => ({
    day: '2021-03-01',
    hour: 10,
    run: create(key, { kind: 'task', title, source: 'workReport', taskList: '十大攻坚行动', unitId: unit(unitName), leaderId: leader(leaderName), level: 'major', dueOn }),
  }));

  const runda = project('山西襄垣润达新材料化工有限公司年产3万吨可降解塑料项目');
  const hengtai = project('山西襄垣恒泰焦化有限公司化产回收系统升级改造项目');
  const zhongsheng = project('山西襄垣中晟新型建材有限公司煤矸石制备新型墙体材料项目');
  const housing = project('襄垣县城区公共租赁住房建设项目');
  const hongxin = project('山西襄垣宏鑫新材料有限公司年产1万吨碳纤维复合材料项目');
  const jingsheng = project('山西襄垣晶盛新材料有限公司锂电负极材料石墨化项目');
  const funeral = project('襄垣县殡仪馆迁建项目');
  const lvyuan = project('山西襄垣绿源固废处置有限公司一般工业固体废物处置场项目');
  const step = (day: Day, hour: number, run: (now: Date) => Promise<unknown>) => steps.push({ day, hour, run });

  // Each unit signs for its task within two days and reports its plan of work; the zone signs for its own.
  const firstNotes: Record<string, string> = {
    a1: '已制定襄矿、七一市场化退出工作方案，报县政府常务会研究',
    a2: '东畛村、北田漳村、西回辕村方案已定稿，其余6村正在入户调查',
    a3: '首批32个“一件事”事项清单已梳理完成',
    a5: '已完成47个居民小区历史遗留问题摸底',
    a6: '57个“两违”项目已逐一建档，制定分批处置计划',
    a8: '已排查村集体经济收入情况，确定重点帮扶村86个',
    a9: '已选定和美苑、滨河小区作为示范小区',
    a10: '已梳理批而未供地块23宗、低效用地412亩，制定分类处置方案',
  };
  for (const [key, note] of Object.entries(firstNotes)) {
    const by = key === 'a10' ? zone : dispatcher;
    step('2021-03-02', 9, (now) => receiveItem(db, id(key), {}, by, now));
    step('2021-03-03', 16, (now) => reportProgress(db, id(key), { note }, by, now));
  }
  // The task on the 9 villages' plans met its end of May.
  step('2021-05-28', 16, (now) => requestClose(db, id('a2'), { note: '9个村“一村一策”搬迁安置方案全部印发（襄治办〔2021〕1号）' }, dispatcher, now));
  step('2021-05-31', 10, (now) => closeItem(db, id('a2'), { note: '方案齐全，同意销号' }, dispatcher, now));
  step('2021-04-15', 11, (now) => reportProgress(db, id('a10'), { note: '已盘活低效用地126亩，3宗批而未供地块完成供地' }, zone, now));
  step('2021-05-10', 10, (now) => reportProgress(db, id('a3'), { note: '“一件事一次办”专区上线，首批32个事项可一次办理' }, dispatcher, now));

  // 润达: land supplied in March, still not started — the 环评 approval is the obstacle; a major item with a dated plan.
  step('2021-05-10', 10, create('runda', { kind: 'problem', title: '环评批复未下达，项目无法开工', description: '年产3万吨可降解塑料项目环评报告已报市生态环境局，技术评估提出补充大气预测内容，批复未下达，影响开工。', source: 'meeting', projectId: runda.id, unitId: unit('生态环境局'), level: 'major' }));
  step('2021-05-11', 9, (now) => receiveItem(db, id('runda'), { note: '已对接企业和环评单位' }, dispatcher, now));
  step('2021-05-14', 16, (now) => setItemPlan(db, id('runda'), { planDue: '2021-07-15', note: '6月底前完成补充预测并报审，7月15日前取得批复' }, dispatcher, now));
  step('2021-05-20', 9, (now) => instructItem(db, id('runda'), { note: '请生态环境局主动对接市局，压茬推进，确保7月开工' }, dispatcher, now));

  // 恒泰 化产回收: stopped on 25 May; raised by its leader, assigned to 侯堡镇, answered in time.
  step('2021-05-26', 9, create('hengtai', { kind: 'problem', title: '焦化限产后项目停工，复工时间不明', source: 'leader', projectId: hengtai.id }, liHongwei));
  step('2021-05-26', 11, (now) => assignItem(db, id('hengtai'), { unitId: unit('侯堡镇人民政府'), level: 'ordinary', note: '请侯堡镇会同工信局摸清复工条件' }, dispatcher, now));
  step('2021-05-27', 10, (now) => receiveItem(db, id('hengtai'), {}, dispatcher, now));
  step('2021-05-31', 17, (now) => reportProgress(db, id('hengtai'), { note: '企业计划6月下旬限产结束后复工，已督促做好复工准备' }, dispatcher, now));

  // 中晟 煤矸石墙体材料 (李宏伟's): power not connected; no answer in time — reminder, then a 督办函.
  step('2021-05-24', 10, create('zhongsheng', { kind: 'problem', title: '施工用电线路未接入，影响设备安装', source: 'meeting', projectId: zhongsheng.id, unitId: unit('侯堡镇人民政府') }));
  step('2021-06-04', 15, (now) => instructItem(db, id('zhongsheng'), { note: '请侯堡镇协调供电公司，本周内接通施工用电' }, liHongwei, now));

  // 公租房: the tender failed; the unit asks to close the item out, waiting for the dispatcher.
  step('2021-05-20', 10, create('housing', { kind: 'problem', title: '施工总承包招标流标', source: 'meeting', projectId: housing.id, unitId: unit('住房和城乡建设局') }));
  step('2021-05-21', 9, (now) => receiveItem(db, id('housing'), {}, dispatcher, now));
  step('2021-05-25', 16, (now) => reportProgress(db, id('housing'), { note: '已调整招标文件资格条件，重新发布招标公告' }, dispatcher, now));
  step('2021-06-08', 17, (now) => requestClose(db, id('housing'), { note: '6月8日重新开标，已确定中标单位' }, dispatcher, now));

  // 宏鑫: signed at the second batch, not started; its leader raises the land problem, waiting to be assigned.
  step('2021-06-09', 16, create('hongxin', { kind: 'problem', title: '项目用地规划性质需调整，影响供地', source: 'leader', projectId: hongxin.id }, liHongwei));

  // 晶盛: solved in a week and closed out.
  step('2021-04-12', 10, create('jingsheng', { kind: 'problem', title: '天然气管道接口未落实', source: 'meeting', projectId: jingsheng.id, unitId: unit('襄垣经济技术开发区管委会') }));
  step('2021-04-12', 15, (now) => receiveItem(db, id('jingsheng'), {}, zone, now));
  step('2021-04-14', 11, (now) => reportProgress(db, id('jingsheng'), { note: '已与燃气公司确定接口位置' }, zone, now));
  step('2021-04-19', 16, (now) => requestClose(db, id('jingsheng'), { note: '接口已施工完成并通过验收' }, zone, now));
  step('2021-04-20', 9, (now) => closeItem(db, id('jingsheng'), {}, dispatcher, now));

  // 殡仪馆迁建 (古韩镇): a close-out sent back, then a recurrence reopened.
  step('2021-04-26', 10, create('funeral', { kind: 'problem', title: '迁建地块3户未签订征收协议', source: 'report', projectId: funeral.id, unitId: unit('古韩镇人民政府') }));
  step('2021-04-26', 15, (now) => receiveItem(db, id('funeral'), {}, guhan, now));
  step('2021-04-28', 10, (now) => reportProgress(db, id('funeral'), { note: '已入户做工作，2户同意签约' }, guhan, now));
  step('2021-04-30', 16, (now) => requestClose(db, id('funeral'), { note: '3户均已签约' }, guhan, now));
  step('2021-05-06', 9, (now) => returnItem(db, id('funeral'), { note: '请上传3户签约协议扫描件' }, dispatcher, now));
  step('2021-05-07', 11, (now) => requestClose(db, id('funeral'), { note: '已补充上传签约协议' }, guhan, now));
  step('2021-05-07', 15, (now) => closeItem(db, id('funeral'), {}, dispatcher, now));
  step('2021-06-02', 10, (now) => reopenItem(db, id('funeral'), { note: '1户反悔，要求重新评估补偿' }, dispatcher, now));
  step('2021-06-03', 9, (now) => receiveItem(db, id('funeral'), {}, guhan, now));

  // 绿源 处置场: an extension for the rainy season.
  step('2021-05-17', 10, create('lvyuan', { kind: 'problem', title: '防渗工程施工方案需专家论证', source: 'meeting', projectId: lvyuan.id, unitId: unit('生态环境局') }));
  step('2021-05-18', 9, (now) => receiveItem(db, id('lvyuan'), {}, dispatcher, now));
  step('2021-05-19', 10, (now) => reportProgress(db, id('lvyuan'), { note: '已联系省环科院专家，论证会定于6月上旬' }, dispatcher, now));
  step('2021-05-26', 10, (now) => extendItem(db, id('lvyuan'), { newDue: '2021-06-18', reason: '专家论证会安排在6月上旬' }, dispatcher, now));

  // A unit's problem raised on the last day, waiting for the dispatcher.
  step('2021-06-10', 9, create('guhan', { kind: 'problem', title: '雨污管网改造涉及燃气管线迁改', source: 'report', projectId: project('襄垣县古韩镇农村公路提质改造工程').id }, guhan));

  // Each morning the timer runs; then the day's steps, in order.
  for (let day: Day = '2021-03-01'; day <= DEMO_SUPERVISION_DAY; day = addDays(day, 1)) {
    // The demo's units have no group robots; nothing is posted anywhere.
    await sendDueEscalations(db, new Date(cstInstant(day, 8)), async () => ({ ok: false, detail: '演示数据不发送' }));
    for (const s of steps.filter((x) => x.day === day).sort((a, b) => a.hour - b.hour)) await s.run(new Date(cstInstant(s.day, s.hour)));
  }
  return { items: Object.keys(ids).length };
}
