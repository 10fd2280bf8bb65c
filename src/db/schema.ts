// The Database interface: every table as Kysely sees it, columns snake_case; repositories map them to camelCase.

export interface RegionTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  is_zone: number;
}

export interface UnitTable {
  id: string;
  region_code: string;
  name: string;
  kind: string;
  township_code: string | null;
  sort_order: number;
  /** The unit's group robot for reminders: 'dingtalk' or 'wecom', its address and (DingTalk) signing secret. */
  webhook_kind: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
}

/** A county's own name for one of its units, beside the domain's general abbreviation rules. */
export interface UnitAliasTable {
  region_code: string;
  alias: string;
  unit_id: string;
  created_at: string;
}

export interface LeaderTable {
  id: string;
  region_code: string;
  name: string;
  title: string | null;
  sort_order: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  unit_id: string | null;
  leader_id: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ProjectTable {
  id: string;
  region_code: string;
  name: string;
  project_code: string | null;
  approval_kind: string | null;
  owner: string | null;
  township_code: string | null;
  industry_code: string | null;
  chain: string | null;
  construction_type: string | null;
  category: string | null;
  stage: string;
  signed_on: string | null;
  land_supplied_on: string | null;
  permit_on: string | null;
  started_on: string | null;
  suspended_on: string | null;
  completed_on: string | null;
  operating_on: string | null;
  total_investment: number;
  completed_before: number;
  stats_entry: string;
  leader_id: string | null;
  unit_id: string | null;
  land_area_mu: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProjectYearTable {
  project_id: string;
  year: number;
  phase: string;
  annual_plan: number;
  resumed_on: string | null;
}

export interface ProjectMonthTable {
  project_id: string;
  month: string;
  completed: number;
  entered_as: string;
}

export interface ProjectHistoryTable {
  id: string;
  project_id: string;
  changed_at: string;
  user_id: string | null;
  field: string;
  before_value: string | null;
  after_value: string | null;
}

export interface BatchEventTable {
  id: string;
  region_code: string;
  held_on: string;
  title: string;
}

export interface BatchProjectTable {
  batch_id: string;
  project_id: string;
  kind: string;
}

export interface FundApplicationTable {
  id: string;
  project_id: string;
  kind: string;
  year: number;
  amount: number;
  status: string;
  notes: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RoundTable {
  id: string;
  region_code: string;
  month: string;
  status: string;
  deadline: string;
  grace_until: string;
  opened_at: string;
  opened_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
}

export interface ReportTable {
  id: string;
  round_id: string;
  project_id: string;
  unit_id: string | null;
  status: string;
  completed_month: number | null;
  entered_as: string;
  entered_ytd: number | null;
  progress: string | null;
  /** JSON: [{ event, on }] */
  stage_events: string;
  prefilled: number;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  return_reason: string | null;
  returned_count: number;
  updated_at: string;
  updated_by: string | null;
  version: number;
}

export interface AttachmentTable {
  id: string;
  report_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  content: Uint8Array;
  uploaded_at: string;
  uploaded_by: string | null;
}

export interface CorrectionTable {
  id: string;
  report_id: string;
  old_value: number;
  new_value: number;
  reason: string;
  status: string;
  requested_at: string;
  requested_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
}

export interface ReminderTable {
  round_id: string;
  unit_id: string;
  kind: string;
  channel: string;
  sent_at: string;
  ok: number;
  detail: string | null;
}

export interface NotificationTable {
  id: string;
  region_code: string;
  unit_id: string | null;
  created_at: string;
  text: string;
  link: string | null;
}

/** 入库: the day and reason of a project's status (the status itself is project.stats_entry). */
export interface StatsEntryTable {
  project_id: string;
  status_on: string | null;
  reason: string | null;
  notes: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** One item of a project's 入库 materials checklist. */
export interface StatsEntryMaterialTable {
  project_id: string;
  item: string;
  done: number;
  marked_on: string | null;
  marked_by: string | null;
  note: string | null;
}

/** An indicator's value for a region and month (rates as whole millionths of the fraction: 14.8% is 148 000). */
export interface IndicatorValueTable {
  indicator: string;
  region_code: string;
  month: string;
  value: number;
  official_yoy_ppm: number | null;
  /** 'entered' | 'imported' | 'pool' */
  source: string;
  updated_at: string;
  updated_by: string | null;
}

/** An annual target: growth_ppm for kind 'growth', amount (in the indicator's unit) for kind 'absolute'. */
export interface IndicatorTargetTable {
  indicator: string;
  region_code: string;
  year: number;
  kind: string;
  growth_ppm: number | null;
  amount: number | null;
  upper_growth_ppm: number | null;
  upper_amount: number | null;
  qualifier: string | null;
  /** 'entered' | 'report' (confirmed from a work report's text) | 'imported' */
  source: string;
  source_text: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** 指标分解 to a unit or a leader of the county: an amount or a share of the county's target. */
export interface IndicatorAssignmentTable {
  indicator: string;
  region_code: string;
  year: number;
  /** 'unit' | 'leader' */
  assignee_kind: string;
  assignee_id: string;
  amount: number | null;
  share_ppm: number | null;
  note: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** 12 cumulative planned shares (JSON array of millionths) of an indicator or a project category. */
export interface IndicatorPlanCurveTable {
  /** 'indicator' | 'category' */
  subject_kind: string;
  subject: string;
  region_code: string;
  year: number;
  shares_ppm: string;
  updated_at: string;
  updated_by: string | null;
}

/** Ranks published by the city and entered by hand. */
export interface IndicatorRankTable {
  indicator: string;
  region_code: string;
  month: string;
  rank_in_city: number | null;
  city_peer_count: number | null;
  rank_among_counties: number | null;
  county_peer_count: number | null;
  updated_at: string;
  updated_by: string | null;
}

/** A supervision item (督办事项): a problem or a task, its unit, leader, deadlines and status. */
export interface SupervisionItemTable {
  id: string;
  region_code: string;
  kind: string;
  title: string;
  description: string | null;
  source: string;
  source_report_id: string | null;
  level: string;
  status: string;
  project_id: string | null;
  unit_id: string | null;
  leader_id: string | null;
  task_list: string | null;
  measures: string | null;
  raised_on: string;
  raised_at: string;
  raised_by: string | null;
  assigned_on: string | null;
  assigned_by: string | null;
  feedback_on: string | null;
  due_on: string | null;
  plan_due: string | null;
  plan_text: string | null;
  extended_due: string | null;
  close_requested_on: string | null;
  closed_on: string | null;
  closed_by: string | null;
  reopened_count: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One step of an item's life or one escalation, in order. */
export interface SupervisionEventTable {
  id: string;
  item_id: string;
  /** The event's place in the item's history: 1, 2, 3 … */
  seq: number;
  at: string;
  event_on: string;
  kind: string;
  user_id: string | null;
  note: string | null;
  from_status: string | null;
  to_status: string | null;
  /** A deadline the event set: an extension's, a plan's. */
  due: string | null;
}

export interface SupervisionAttachmentTable {
  id: string;
  item_id: string;
  event_id: string | null;
  file_name: string;
  mime_type: string;
  size: number;
  content: Uint8Array;
  uploaded_at: string;
  uploaded_by: string | null;
}

/** An escalation step taken for a missed deadline on a channel ('app', 'webhook'), recorded before it is sent. */
export interface SupervisionEscalationTable {
  item_id: string;
  step: string;
  deadline_kind: string;
  due_on: string;
  channel: string;
  sent_at: string;
  ok: number;
  detail: string | null;
}

/** A 督办函, numbered per county and year. */
export interface SupervisionLetterTable {
  id: string;
  item_id: string;
  region_code: string;
  year: number;
  serial: number;
  number: string;
  deadline_kind: string;
  due_on: string;
  days_late: number;
  issued_on: string;
  answer_by: string;
}

/** A day a county's working calendar sets apart: 'holiday' (a weekday off) or 'workday' (a weekend day worked). */
export interface WorkCalendarDayTable {
  region_code: string;
  day: string;
  kind: string;
  note: string | null;
}

/** The month a project is planned to start in a year (开工计划落实到月). */
export interface ProjectStartPlanTable {
  project_id: string;
  year: number;
  month: string;
}

export interface Database {
  region: RegionTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  leader: LeaderTable;
  app_user: UserTable;
  session: SessionTable;
  project: ProjectTable;
  project_year: ProjectYearTable;
  project_month: ProjectMonthTable;
  project_history: ProjectHistoryTable;
  batch_event: BatchEventTable;
  batch_project: BatchProjectTable;
  fund_application: FundApplicationTable;
  setting: SettingTable;
  round: RoundTable;
  report: ReportTable;
  attachment: AttachmentTable;
  correction: CorrectionTable;
  reminder: ReminderTable;
  notification: NotificationTable;
  stats_entry: StatsEntryTable;
  stats_entry_material: StatsEntryMaterialTable;
  indicator_value: IndicatorValueTable;
  indicator_target: IndicatorTargetTable;
  indicator_assignment: IndicatorAssignmentTable;
  indicator_plan_curve: IndicatorPlanCurveTable;
  indicator_rank: IndicatorRankTable;
  supervision_item: SupervisionItemTable;
  supervision_event: SupervisionEventTable;
  supervision_attachment: SupervisionAttachmentTable;
  supervision_escalation: SupervisionEscalationTable;
  supervision_letter: SupervisionLetterTable;
  work_calendar_day: WorkCalendarDayTable;
  project_start_plan: ProjectStartPlanTable;
}
