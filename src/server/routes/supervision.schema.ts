// Schemas of supervision (督办) and alerts (预警) as the API takes and returns them: days YYYY-MM-DD, money in 元,
// ratios as fractions.

import { z } from '@hono/zod-openapi';
import { ALERT_RULES } from '../../domain/alerts/alert-rules.ts';
import { ALERT_LEVELS } from '../../domain/alerts/month-thresholds.ts';
import { STAGES } from '../../domain/project/project.ts';
import { ITEM_ACTIONS, ITEM_EVENT_KINDS, ITEM_KINDS, ITEM_LEVELS, ITEM_SOURCES, ITEM_STATUSES } from '../../domain/supervision/item.ts';
import { ITEM_LIST_STATUSES, ITEM_VIEWS } from '../../domain/supervision/item-input.ts';
import { DEADLINE_KINDS } from '../../domain/supervision/timers.ts';
import { CALENDAR_DAY_KINDS } from '../../domain/supervision/work-calendar.ts';
import { MonthParam, RegionCodeParam } from './common.schema.ts';

const day = z.string().openapi({ example: '2021-06-10' });
const yuan = z.number().int();
const DayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2021-06-10' });

export const ItemSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    kind: z.enum(ITEM_KINDS).openapi({ description: 'problem 问题 · task 任务' }),
    title: z.string(),
    description: z.string().nullable(),
    source: z.enum(ITEM_SOURCES).openapi({ description: 'report 月报反映 · leader 领导交办 · meeting 调度会议 · workReport 政府工作报告 · other 其他' }),
    sourceReportId: z.string().nullable(),
    level: z.enum(ITEM_LEVELS).openapi({ description: 'ordinary 一般（7日） · major 重大（30日或限期计划）' }),
    status: z.enum(ITEM_STATUSES).openapi({ description: 'raised 待交办 · assigned 已交办 · received 已签收 · inProgress 办理中 · closeRequested 申请销号 · returned 已退回 · closed 已销号' }),
    projectId: z.string().nullable(),
    unitId: z.string().nullable(),
    leaderId: z.string().nullable(),
    taskList: z.string().nullable(),
    measures: z.string().nullable(),
    raisedOn: day,
    raisedAt: z.string(),
    raisedBy: z.string().nullable(),
    assignedOn: day.nullable(),
    assignedBy: z.string().nullable(),
    feedbackOn: day.nullable(),
    dueOn: day.nullable().openapi({ description: '交办时确定的办结时限' }),
    planDue: day.nullable().openapi({ description: '重大事项的计划解决日期' }),
    planText: z.string().nullable(),
    extendedDue: day.nullable().openapi({ description: '延期后的期限' }),
    closeRequestedOn: day.nullable(),
    closedOn: day.nullable(),
    closedBy: z.string().nullable(),
    reopenedCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    unitName: z.string().nullable(),
    leaderName: z.string().nullable(),
    projectName: z.string().nullable(),
    assignDue: day.openapi({ description: '交办时限：提出当天' }),
    feedbackDue: day.nullable().openapi({ description: '反馈时限：交办后3日' }),
    solveDue: day.nullable().openapi({ description: '办结时限：一般7日、重大30日，或交办时限、计划、延期' }),
    overdue: z.object({ kind: z.enum(DEADLINE_KINDS), due: day, daysLate: z.number().int() }).nullable(),
    next: z.object({ kind: z.enum(DEADLINE_KINDS), due: day, daysLeft: z.number().int() }).nullable(),
    onMeetingList: z.boolean().openapi({ description: '已列入调度会' }),
  })
  .openapi('SupervisionItem');

const Attachment = z.object({ id: z.string(), itemId: z.string(), eventId: z.string().nullable(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), uploadedAt: z.string() });

export const ItemDetailSchema = z
  .object({
    item: ItemSchema,
    day,
    role: z.enum(['dispatcher', 'unit', 'leader']).nullable(),
    actions: z.array(z.enum(ITEM_ACTIONS)),
    history: z.array(
      z.object({
        id: z.string(),
        itemId: z.string(),
        at: z.string(),
        on: day,
        kind: z.enum(ITEM_EVENT_KINDS),
        userId: z.string().nullable(),
        userName: z.string().nullable(),
        note: z.string().nullable(),
        fromStatus: z.enum(ITEM_STATUSES).nullable(),
        toStatus: z.enum(ITEM_STATUSES).nullable(),
        due: day.nullable(),
      }),
    ),
    attachments: z.array(Attachment),
    letters: z.array(
      z.object({
        id: z.string(), itemId: z.string(), regionCode: z.string(), year: z.number().int(), serial: z.number().int(), number: z.string(),
        deadlineKind: z.string(), dueOn: day, daysLate: z.number().int(), issuedOn: day, answerBy: day,
      }),
    ),
    workingDays: z.boolean(),
  })
  .openapi('SupervisionItemDetail');

export const BoardQuerySchema = z.object({
  region: RegionCodeParam,
  status: z.enum(ITEM_LIST_STATUSES).optional(),
  view: z.enum(ITEM_VIEWS).optional(),
  unit: z.string().max(64).optional(),
  leader: z.string().max(64).optional(),
  project: z.string().max(64).optional(),
  meeting: z.enum(['true', 'false']).optional().openapi({ description: '只列已列入调度会的事项' }),
  on: DayParam.optional().openapi({ description: '按该日判断时限，默认今天' }),
  q: z.string().max(100).optional(),
});

export const BoardSchema = z
  .object({
    region: z.string(),
    day,
    view: z.enum(ITEM_VIEWS),
    counts: z.record(z.string(), z.number().int()),
    byUnit: z.array(z.object({ unitId: z.string().nullable(), unitName: z.string().nullable(), open: z.number().int(), overdue: z.number().int(), closed: z.number().int() })),
    items: z.array(ItemSchema),
    canCreate: z.boolean(),
  })
  .openapi('SupervisionBoard');

export const LetterSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    issuedOn: day,
    number: z.string(),
    title: z.string(),
    addressee: z.string(),
    paragraphs: z.array(z.string()),
    signer: z.string(),
    date: z.string(),
  })
  .openapi('SupervisionLetter');

export const AlertSchema = z
  .object({
    rule: z.enum(ALERT_RULES),
    level: z.enum(ALERT_LEVELS),
    projectId: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    unitId: z.string().nullable(),
    unit: z.string().nullable(),
    leaderIds: z.array(z.string()),
    leader: z.string().nullable(),
    reason: z.string().openapi({ description: '亮灯理由，含数字' }),
  })
  .openapi('Alert');

export const AlertQuerySchema = z.object({
  region: RegionCodeParam,
  asOf: MonthParam,
  on: DayParam.optional(),
  rule: z.enum(ALERT_RULES).optional(),
  level: z.enum(ALERT_LEVELS).optional(),
  unit: z.string().max(64).optional(),
  leader: z.string().max(64).optional(),
});

export const AlertListSchema = z
  .object({
    region: z.string(),
    regionName: z.string(),
    asOf: z.string(),
    day,
    on: day,
    counts: z.record(z.string(), z.object({ red: z.number().int(), yellow: z.number().int() })),
    total: z.object({ red: z.number().int(), yellow: z.number().int(), projects: z.number().int() }),
    alerts: z.array(AlertSchema),
  })
  .openapi('AlertList');

const ReserveLine = z.object({
  count: z.number().int(),
  remainingInvestment: yuan,
  effectiveCount: z.number().int(),
  effectiveBalance: yuan,
  annualPlan: yuan,
  completedYtd: yuan,
  task: yuan,
  required: yuan,
  gap: yuan,
});

export const ReserveSchema = ReserveLine.extend({
  region: z.string(),
  regionName: z.string(),
  asOf: z.string(),
  unitId: z.string().nullable(),
  taskSource: z.enum(['setting', 'poolPlan']),
  coverageRatio: z.number(),
  remainingTask: yuan,
  newlyEntered: z.object({ count: z.number().int(), totalInvestment: yuan }),
  byCategory: z.array(ReserveLine.extend({ category: z.string().nullable() })),
  sentence: z.string(),
}).openapi('Reserve');

export const LeaderViewSchema = z
  .object({
    leader: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }).nullable(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    region: z.string(),
    asOf: z.string(),
    on: day,
    counts: z.object({ projects: z.number().int(), red: z.number().int(), yellow: z.number().int(), green: z.number().int(), openItems: z.number().int(), overdueItems: z.number().int() }),
    projects: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        stage: z.enum(STAGES),
        totalInvestment: yuan,
        annualPlan: yuan.nullable(),
        ytd: yuan,
        light: z.enum(['red', 'yellow', 'green']),
        alerts: z.array(z.object({ rule: z.enum(ALERT_RULES), level: z.enum(ALERT_LEVELS), reason: z.string() })),
        openItems: z.number().int(),
        overdueItems: z.number().int(),
      }),
    ),
    items: z.array(ItemSchema),
  })
  .openapi('LeaderView');

export const ProjectAlertsSchema = z
  .object({
    projectId: z.string(),
    asOf: z.string(),
    day,
    on: day,
    alerts: z.array(AlertSchema),
    plannedStart: z.string().nullable(),
    canEdit: z.boolean(),
    items: z.array(ItemSchema),
  })
  .openapi('ProjectAlerts');

const MonthThresholds = z.object({ yellow: z.number().int(), red: z.number().int() });
const Thresholds = z.object({
  behindTimeProgress: MonthThresholds,
  startLate: MonthThresholds,
  notEntered: MonthThresholds,
  stalledLandSupplied: MonthThresholds,
  stalledPermitIssued: MonthThresholds,
  stoppedAfterStart: MonthThresholds,
  noInvestment: MonthThresholds,
  signedNotStarted: MonthThresholds,
  itemOverdue: z.object({ nearDays: z.number().int() }),
});
const Escalation = z.object({ reminderAfterDays: z.number().int(), letterAfterDays: z.number().int(), meetingAfterDays: z.number().int() });

export const SettingsSchema = z
  .object({
    region: z.string(),
    year: z.number().int(),
    workingDays: z.boolean(),
    days: z.array(z.object({ day, kind: z.enum(CALENDAR_DAY_KINDS), note: z.string().nullable() })),
    escalation: Escalation,
    thresholds: Thresholds,
    defaults: z.object({ thresholds: Thresholds, escalation: Escalation, coverageRatio: z.number() }),
    coverageRatio: z.number(),
    task: yuan.nullable(),
    canEdit: z.boolean(),
  })
  .openapi('SupervisionSettings');
