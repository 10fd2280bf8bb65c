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
  if (!inScope(actor, p.regionCode)) return false;
  return actor.role === 'reporter' ? p.unitId !== null && p.unitId === actor.unitId : true;
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
