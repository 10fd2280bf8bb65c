// Who may see and change what: roles scoped to a region and, for reporters, to a unit. The server enforces this.

import type { FieldIssue } from './errors.ts';
import { FIELD_LABELS, STATS_ENTRY_LABELS, type Project, type ProjectYear, type StatsEntryStatus } from './project/project.ts';

export const ROLES = ['admin', 'dispatcher', 'reporter', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  dispatcher: '调度员',
  reporter: '填报员',
  leader: '包联领导',
  viewer: '查看者',
};

/** The person acting, as every service receives them. */
export interface Actor {
  userId: string;
  role: Role;
  /** The region the account is scoped to: a province, city or county code. */
  regionCode: string;
  /** A reporter's unit. */
  unitId: string | null;
  leaderId: string | null;
  /** The account's name and the client's address, when known: written beside each change in the audit trail. */
  name?: string;
  address?: string | null;
}

/** The system acting for itself (command line, demo, migrations): full rights everywhere. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'admin', regionCode: '000000', unitId: null, leaderId: null };

/** A unit id no unit has: a reporter without a unit is narrowed to nothing rather than to everything. */
const NO_UNIT = '\u0000';

/** The unit a reporter acts for; null for every other role. */
export function reporterUnit(actor: Actor): string | null {
  return actor.role === 'reporter' ? actor.unitId : null;
}

/**
 * The unit a list or a figure is narrowed to: a reporter's own unit whatever was asked (nothing at all for a reporter
 * without one); for every other role the unit asked for, null for all units.
 * @example unitFilter(reporter, 'other-unit') === reporter.unitId; unitFilter(dispatcher) === null
 */
export function unitFilter(actor: Actor, asked: string | null = null): string | null {
  return actor.role === 'reporter' ? (actor.unitId ?? NO_UNIT) : asked;
}

/** Whether a row of a unit is the actor's to see: a reporter sees its own unit's only, other roles every unit's. */
export function seesUnit(actor: Actor, unitId: string | null): boolean {
  return actor.role !== 'reporter' || (unitId !== null && unitId === actor.unitId);
}

/** The account id stored beside a change: null when the system acts (command line, demo), which is no account. */
export function writerId(actor: Actor): string | null {
  return actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId;
}

/** The prefix every county code inside a scope shares ('14' for 140000, '1404' for 140400, '' for the system). */
export function scopePrefix(regionCode: string): string {
  // A township or zone (9 digits) lies inside its county: 140423100 is not a city because it ends in 00.
  if (regionCode.length > 6) return regionCode.slice(0, 6);
  if (regionCode === '000000') return '';
  if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
  if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  return regionCode.slice(0, 6);
}

export function inScope(actor: Actor, countyCode: string): boolean {
  return countyCode.startsWith(scopePrefix(actor.regionCode));
}

/** What a project looks like to the access rules. */
export interface ProjectScope {
  regionCode: string;
  unitId: string | null;
}

export function canReadProject(actor: Actor, p: ProjectScope): boolean {
  return inScope(actor, p.regionCode) && seesUnit(actor, p.unitId);
}

export function canEditProject(actor: Actor, p: ProjectScope): boolean {
  switch (actor.role) {
    case 'admin':
    case 'dispatcher':
      return inScope(actor, p.regionCode);
    case 'reporter':
      return canReadProject(actor, p);
    case 'leader':
    case 'viewer':
      return false;
    default: {
      const never: never = actor.role;
      return never;
    }
  }
}

/** Creating projects and seeing region-wide analyses belongs to those who keep the pool. */
export function canCreateProject(actor: Actor, countyCode: string): boolean {
  return (actor.role === 'admin' || actor.role === 'dispatcher') && inScope(actor, countyCode);
}

/** Adding a project: those who keep the pool, in their scope, and a reporter for its own unit. */
export function canAddProject(actor: Actor, p: ProjectScope): boolean {
  return canCreateProject(actor, p.regionCode) || (actor.role === 'reporter' && canEditProject(actor, p));
}

/** Whether the actor's scope covers a whole region (a county, city or province) asked for by code. */
export function coversRegion(actor: Actor, regionCode: string): boolean {
  return scopePrefix(regionCode).startsWith(scopePrefix(actor.regionCode));
}

/** Opening, reviewing and closing a county's monthly round, and deciding corrections, is the dispatcher's work. */
export function canRunRound(actor: Actor, countyCode: string): boolean {
  return canCreateProject(actor, countyCode);
}

/** A region's accounts are managed by its administrators only (a city's administrator also manages its counties'). */
export function canManageAccounts(actor: Actor, regionCode: string): boolean {
  return actor.role === 'admin' && coversRegion(actor, regionCode);
}

/** The audit trail is read by administrators only, each for the counties of their region (a region asked for included). */
export function canReadAudit(actor: Actor, regionCode: string | null = null): boolean {
  return actor.role === 'admin' && (regionCode === null || coversRegion(actor, regionCode));
}

/** A county's units and leaders are kept by its dispatchers and administrators. */
export function canManageUnits(actor: Actor, countyCode: string): boolean {
  return canCreateProject(actor, countyCode);
}

/**
 * 已入库 is the statistics office's decision, which the county's dispatcher records: a reporter may prepare and submit
 * the file, but neither sets 已入库 nor takes it back, by any route (the 入库 panel, the project edit, a new project).
 * @example statsEntryRefusal(reporter, 'submitted', 'entered') // '已入库由调度员根据统计部门的结果登记……'
 */
export function statsEntryRefusal(actor: Pick<Actor, 'role'>, from: StatsEntryStatus, to: StatsEntryStatus): string | null {
  if (actor.role !== 'reporter' || from === to || (from !== 'entered' && to !== 'entered')) return null;
  return `“${STATS_ENTRY_LABELS.entered}”由调度员根据统计部门的入库结果登记，填报员不能设为或撤销“${STATS_ENTRY_LABELS.entered}”`;
}

/**
 * What the monthly round changes once the dispatcher approves a report — the stage and the day of each stage event
 * (开工, 停工, 竣工, 投产; 复工 is the year's resumedOn) — and the earlier years' completed investment that the round's
 * monthly figures are counted from. A reporter changes them only through the report, never by editing the project.
 */
export const ROUND_REVIEWED_FIELDS = ['stage', 'startedOn', 'suspendedOn', 'completedOn', 'operatingOn', 'completedBefore'] as const;
export type RoundReviewedField = (typeof ROUND_REVIEWED_FIELDS)[number];

/** Whether the actor changes {@link ROUND_REVIEWED_FIELDS} only through the monthly round's report. */
export function changesThroughRound(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'reporter';
}

/** Whether a field of the edit form (a {@link ROUND_REVIEWED_FIELDS} or the year's 'resumedOn') is changed only through the round. */
export function isRoundReviewed(field: string): boolean {
  return field === 'resumedOn' || (ROUND_REVIEWED_FIELDS as readonly string[]).includes(field);
}

type ReviewedState = Pick<Project, RoundReviewedField> & { years: readonly Pick<ProjectYear, 'year' | 'resumedOn'>[] };

/**
 * Each round-reviewed field a direct edit would change that the actor may not change directly, named as the API names
 * it ('stage', 'years.2021.resumedOn'); empty when the edit may go on.
 * @example reviewedFieldRefusals(reporter, before, { ...before, stage: 'underway' })
 *   → [{ field: 'stage', message: '项目阶段随月报经调度员审核后更新，填报员不能直接修改……' }]
 */
export function reviewedFieldRefusals(actor: Actor, before: ReviewedState, after: ReviewedState): FieldIssue[] {
  if (!changesThroughRound(actor)) return [];
  const refusal = (label: string) => `${label}随月报经调度员审核后更新，填报员不能直接修改：请在月报中填报，或请调度员更正`;
  const issues: FieldIssue[] = ROUND_REVIEWED_FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({ field: f, message: refusal(FIELD_LABELS[f]) }));
  const resumed = new Map(before.years.map((y) => [y.year, y.resumedOn]));
  for (const y of after.years) {
    if ((resumed.get(y.year) ?? null) !== y.resumedOn) issues.push({ field: `years.${y.year}.resumedOn`, message: refusal(`${y.year}年${FIELD_LABELS.resumedOn}`) });
  }
  return issues;
}
