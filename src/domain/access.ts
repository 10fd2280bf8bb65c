// Who may see and change what: roles scoped to a region and, for reporters, to a unit. The server enforces this.

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

/** A county's units and leaders are kept by its dispatchers and administrators. */
export function canManageUnits(actor: Actor, countyCode: string): boolean {
  return canCreateProject(actor, countyCode);
}
