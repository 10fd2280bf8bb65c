// The Database interface: every table as Kysely sees it, columns snake_case; repositories map them to camelCase.
// A column holding one of the domain's enumerations has the domain's union as its type, so no repository casts.

import type { GeneratedAlways } from 'kysely';
import type { Role } from '../domain/access.ts';
import type { AuditAction } from '../domain/audit/audit-actions.ts';
import type { IndicatorCode } from '../domain/indicator/catalogue.ts';
import type { TargetKind, TargetQualifier } from '../domain/indicator/values.ts';
import type { ApprovalKind, BatchKind, ConstructionType, EnteredAs, FundKind, KeyLevel, Phase, Stage, StatsEntryStatus } from '../domain/project/project.ts';
import type { RegionLevel } from '../domain/region.ts';
import type { ReminderKind, WebhookKind } from '../domain/round/reminders.ts';
import type { CorrectionStatus, ReportStatus, RoundStatus } from '../domain/round/round.ts';
import type { StatsEntryMaterial } from '../domain/stats-entry/stats-entry.ts';

export interface RegionTable {
  code: string;
  name: string;
  level: RegionLevel;
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
  webhook_kind: WebhookKind | null;
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
  /** The day a leader left office: kept on the projects he had, offered for no new ones. */
  retired_on: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string;
  unit_id: string | null;
  leader_id: string | null;
  disabled: number;
  created_at: string;
  /** Set when an administrator gave the password (a new account, a reset): nothing else works until it is changed. */
  must_change_password: number;
  password_changed_at: string | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** Written at most once a minute, for the idle expiry. */
  last_seen_at: string;
}

/** One sign-in attempt and what became of it (domain/auth/sign-in-limits.ts names the outcomes). */
export interface SignInEventTable {
  id: string;
  at: string;
  username: string;
  user_id: string | null;
  address: string | null;
  outcome: string;
  detail: string | null;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  fingerprint: string;
  created_at: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
}

export interface ProjectTable {
  id: string;
  region_code: string;
  /** The first six digits of region_code, kept by the database (a generated column, a trigger on PostgreSQL). */
  county_code: GeneratedAlways<string>;
  name: string;
  project_code: string | null;
  approval_kind: ApprovalKind | null;
  owner: string | null;
  township_code: string | null;
  industry_code: string | null;
  chain: string | null;
  construction_type: ConstructionType | null;
  category: string | null;
  stage: Stage;
  signed_on: string | null;
  land_supplied_on: string | null;
  permit_on: string | null;
  started_on: string | null;
  suspended_on: string | null;
  completed_on: string | null;
  operating_on: string | null;
  total_investment: number;
  completed_before: number;
  stats_entry: StatsEntryStatus;
  // leader_id is still a column, emptied and never read: the leaders are project_leader's rows.
  unit_id: string | null;
  key_level: KeyLevel | null;
  progress_note: string | null;
  land_area_mu: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A 包联领导 of a project; a project may have several, listed by position. */
export interface ProjectLeaderTable {
  project_id: string;
  leader_id: string;
  position: number;
}

export interface ProjectYearTable {
  /** The project's county (the first six digits of its region code): leads the key, so a county's rows sit together. */
  county_code: string;
  project_id: string;
  year: number;
  phase: Phase;
  annual_plan: number;
  resumed_on: string | null;
}

export interface ProjectMonthTable {
  /** As in ProjectYearTable. */
  county_code: string;
  project_id: string;
  month: string;
  completed: number;
  entered_as: EnteredAs;
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
  /** 第几期 in its year, when numbered. */
  edition: number | null;
  venue: string | null;
}

export interface BatchProjectTable {
  batch_id: string;
  project_id: string;
  kind: BatchKind;
  /** 预计年产值 announced at the event (元). */
  expected_output: number | null;
}

export interface FundApplicationTable {
  id: string;
  project_id: string;
  kind: FundKind;
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
  status: RoundStatus;
  deadline: string;
  grace_until: string;
  opened_at: string;
  opened_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  /** How the deadline was set: 'calendar' | 'opening' | 'given' | 'extended' (DeadlineBasis). */
  deadline_basis: string;
}

/** A closed round reopened for one unit, until it is locked again (relocked_at). */
export interface RoundReopeningTable {
  id: string;
  round_id: string;
  unit_id: string;
  reason: string;
  deadline: string;
  grace_until: string;
  reopened_at: string;
  reopened_by: string | null;
  relocked_at: string | null;
  relocked_by: string | null;
}

export interface ReportTable {
  id: string;
  round_id: string;
  project_id: string;
  unit_id: string | null;
  status: ReportStatus;
  completed_month: number | null;
  entered_as: EnteredAs;
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
  status: CorrectionStatus;
  requested_at: string;
  requested_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
}

export interface ReminderTable {
  round_id: string;
  unit_id: string;
  kind: ReminderKind;
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
  item: StatsEntryMaterial;
  done: number;
  marked_on: string | null;
  marked_by: string | null;
  note: string | null;
}

/** An indicator's value for a region and month (rates as whole millionths of the fraction: 14.8% is 148 000). */
export interface IndicatorValueTable {
  indicator: IndicatorCode;
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
  indicator: IndicatorCode;
  region_code: string;
  year: number;
  kind: TargetKind;
  growth_ppm: number | null;
  amount: number | null;
  upper_growth_ppm: number | null;
  upper_amount: number | null;
  qualifier: TargetQualifier | null;
  /** 'entered' | 'report' (confirmed from a work report's text) | 'imported' */
  source: string;
  source_text: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** 指标分解 to a unit or a leader of the county: an amount or a share of the county's target. */
export interface IndicatorAssignmentTable {
  indicator: IndicatorCode;
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
  indicator: IndicatorCode;
  region_code: string;
  month: string;
  rank_in_city: number | null;
  city_peer_count: number | null;
  rank_among_counties: number | null;
  county_peer_count: number | null;
  updated_at: string;
  updated_by: string | null;
}

/** 招商线索: a prospective investment from 线索 to 投产; money in 元. */
export interface LeadTable {
  id: string;
  region_code: string;
  name: string;
  investor: string | null;
  investor_origin: string | null;
  investor_place: string | null;
  chain: string | null;
  township_code: string | null;
  unit_id: string | null;
  team: string | null;
  source: string;
  source_detail: string | null;
  referrer: string | null;
  intended_amount: number;
  contracted_amount: number | null;
  funds_in_place: number;
  expected_output: number | null;
  actual_output: number | null;
  stage: string;
  sign_kind: string | null;
  terminated_reason: string | null;
  received_on: string;
  project_id: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface LeadLeaderTable {
  lead_id: string;
  leader_id: string;
  sort_order: number;
}

/** A dated stage move (kind 'stage') or follow-up of a lead, with its evidence. */
export interface LeadEventTable {
  id: string;
  lead_id: string;
  kind: string;
  stage: string | null;
  sign_kind: string | null;
  on_day: string;
  evidence: string | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface LeadHistoryTable {
  id: string;
  lead_id: string;
  changed_at: string;
  user_id: string | null;
  field: string;
  before_value: string | null;
  after_value: string | null;
}

export interface LeadNoticeTable {
  lead_id: string;
  kind: string;
  due_on: string;
  sent_at: string;
}

/** A county's attraction target of a year: a count, an amount in 元, or a rate in millionths. */
export interface AttractionTargetTable {
  region_code: string;
  year: number;
  key: string;
  value: number;
  threshold: number | null;
  qualifier: string | null;
  /** 'entered' | 'report' (confirmed from a work report's text) */
  source: string;
  source_text: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** A candidate lead read from a news item, waiting for a dispatcher's decision. */
export interface NewsCandidateTable {
  id: string;
  region_code: string;
  article_title: string;
  article_date: string | null;
  place_code: string | null;
  place_name: string | null;
  project: string;
  event: string;
  amount: number | null;
  amount_text: string | null;
  enterprise: string | null;
  sentence: string;
  /** 'pending' | 'accepted' | 'rejected' */
  status: string;
  lead_id: string | null;
  created_at: string;
  created_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface BatchLeadTable {
  batch_id: string;
  lead_id: string;
  kind: string;
}

export interface DocumentTemplateTable {
  region_code: string;
  unit_name: string;
  number_pattern: string;
  recipient: string;
  signature: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DocumentEditionTable {
  id: string;
  region_code: string;
  kind: string;
  as_of: string;
  number: number;
  title: string;
  /** The edition's DocumentContent as JSON. */
  content: string;
  note: string | null;
  based_on: string | null;
  created_at: string;
  created_by: string | null;
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

/** One change that matters, append-only (the database refuses edits, and removals younger than the retention). */
export interface AuditEventTable {
  id: string;
  region_code: string | null;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
  address: string | null;
  action: AuditAction;
  subject_kind: string;
  subject_id: string;
  /** JSON of the changed fields before and after; secrets only as a marker. */
  before_json: string | null;
  after_json: string | null;
}

export interface Database {
  region: RegionTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  leader: LeaderTable;
  app_user: UserTable;
  session: SessionTable;
  sign_in_event: SignInEventTable;
  idempotency_key: IdempotencyKeyTable;
  project: ProjectTable;
  project_leader: ProjectLeaderTable;
  project_year: ProjectYearTable;
  project_month: ProjectMonthTable;
  project_history: ProjectHistoryTable;
  batch_event: BatchEventTable;
  batch_project: BatchProjectTable;
  fund_application: FundApplicationTable;
  setting: SettingTable;
  round: RoundTable;
  round_reopening: RoundReopeningTable;
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
  lead: LeadTable;
  lead_leader: LeadLeaderTable;
  lead_event: LeadEventTable;
  lead_history: LeadHistoryTable;
  lead_notice: LeadNoticeTable;
  attraction_target: AttractionTargetTable;
  news_candidate: NewsCandidateTable;
  batch_lead: BatchLeadTable;
  document_template: DocumentTemplateTable;
  document_edition: DocumentEditionTable;
  supervision_item: SupervisionItemTable;
  supervision_event: SupervisionEventTable;
  supervision_attachment: SupervisionAttachmentTable;
  supervision_escalation: SupervisionEscalationTable;
  supervision_letter: SupervisionLetterTable;
  work_calendar_day: WorkCalendarDayTable;
  project_start_plan: ProjectStartPlanTable;
  audit_event: AuditEventTable;
}
