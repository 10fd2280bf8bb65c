// Who may draft, read and keep a region's documents: the rules return the reason they refuse, so API, CLI and web say
// the same words.

import { coversRegion, type Actor } from '../access.ts';

/** A region's summaries and dispatch packs are read by those who see the whole region: not by a unit's reporter. */
export function documentReadRefusal(actor: Actor, region: string): string | null {
  if (actor.role === 'reporter') return '填报员不能查看全县文稿';
  if (!coversRegion(actor, region.length === 9 ? region.slice(0, 6) : region)) return '无权查看该地区的文稿';
  return null;
}

/** Editions and the template are kept by the region's admins and dispatchers. */
export function documentWriteRefusal(actor: Actor, region: string): string | null {
  const read = documentReadRefusal(actor, region);
  if (read) return read;
  if (actor.role !== 'admin' && actor.role !== 'dispatcher') return '只有管理员和调度员可以保存文稿版本和模板';
  return null;
}
