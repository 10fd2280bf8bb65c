// Who sees and moves which item: the dispatcher of the county keeps the board; a unit's reporter works its own unit's
// items; a leader reads the county's and instructs on his own (his, or his projects'); viewers read. Every service
// loads an item through here, so no route reaches an item its actor may not.

import { canRunRound, inScope, type Actor } from '../../domain/access.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type { ItemRole, SupervisionItem } from '../../domain/supervision/item.ts';
import { projectLeaderLinks } from '../../db/repositories/leader-link.repository.ts';
import { findItem } from '../../db/repositories/supervision.repository.ts';
import type { Db } from '../../db/transaction.ts';

/** The projects a leader answers for (包联). */
export async function leaderProjectIds(db: Db, leaderId: string): Promise<string[]> {
  return (await projectLeaderLinks(db, { leaderIds: [leaderId] })).map((l) => l.projectId);
}

/** Whether an item is a leader's own: he is its leader, or it concerns one of his projects. */
export function isLeadersItem(item: Pick<SupervisionItem, 'leaderId' | 'projectId'>, leaderId: string | null, projects: ReadonlySet<string>): boolean {
  return leaderId !== null && (item.leaderId === leaderId || (item.projectId !== null && projects.has(item.projectId)));
}

/** Whether the actor may read the item: anyone in the county's scope, a reporter only its own unit's items. */
export function canReadItem(actor: Actor, item: Pick<SupervisionItem, 'regionCode' | 'unitId'>): boolean {
  if (!inScope(actor, item.regionCode)) return false;
  return actor.role !== 'reporter' || (item.unitId !== null && item.unitId === actor.unitId);
}

/** The part the actor plays on an item, or null when they only read it. */
export async function itemRoleOf(db: Db, actor: Actor, item: SupervisionItem): Promise<ItemRole | null> {
  if (canRunRound(actor, item.regionCode)) return 'dispatcher';
  if (actor.role === 'reporter' && actor.unitId !== null && actor.unitId === item.unitId) return 'unit';
  if (actor.role === 'leader' && actor.leaderId && inScope(actor, item.regionCode)) {
    if (item.leaderId === actor.leaderId) return 'leader';
    if (item.projectId && (await leaderProjectIds(db, actor.leaderId)).includes(item.projectId)) return 'leader';
  }
  return null;
}

/** Loads an item the actor may read: not found and forbidden are told apart only to those in its county. */
export async function loadReadableItem(db: Db, id: string, actor: Actor): Promise<SupervisionItem> {
  const item = await findItem(db, id);
  if (!item || !inScope(actor, item.regionCode)) throw notFound('督办事项');
  if (!canReadItem(actor, item)) throw forbidden('只能查看本单位的督办事项');
  return item;
}
