// What an administrator may not do to an account, each rule returning the reason it refuses.

import type { Role } from '../access.ts';

export interface AccountShape {
  role: Role;
  unitId: string | null;
}

/** An account's role and unit must fit: a reporter reports for one unit. */
export function accountShapeProblem(a: AccountShape): { field: string; message: string } | null {
  if (a.role === 'reporter' && !a.unitId) return { field: 'unit', message: '填报员必须属于一个单位' };
  return null;
}

/** An administrator cannot lock themself out: not by disabling their own account, nor by taking away their own role. */
export function selfChangeProblem(actorUserId: string, targetId: string, change: { disabled?: boolean; role?: Role }): string | null {
  if (actorUserId !== targetId) return null;
  if (change.disabled) return '不能停用自己的账号';
  if (change.role !== undefined && change.role !== 'admin') return '不能修改自己的角色';
  return null;
}
