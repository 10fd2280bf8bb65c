// What forms and filters need to know of a county: townships and zones, units, leaders, chains, its current month.

import { coversRegion, type Actor } from '../domain/access.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { countyLabels } from '../domain/region.ts';
import { distinctChains } from '../db/repositories/project.repository.ts';
import { listLeaderDetails } from '../db/repositories/leader.repository.ts';
import { childRegions, findRegion, listCountiesWithCities, listUnits } from '../db/repositories/region.repository.ts';
import type { Db } from '../db/transaction.ts';
import { getCurrentMonth } from './current-month.ts';

export async function countyContext(db: Db, countyCode: string, actor: Actor) {
  if (!coversRegion(actor, countyCode)) throw forbidden('无权查看该地区');
  const region = await findRegion(db, countyCode);
  if (!region || region.level !== 'county') throw notFound(`县 ${countyCode}`);
  const [townships, units, leaders, chains, currentMonth] = await Promise.all([
    childRegions(db, countyCode),
    listUnits(db, countyCode),
    listLeaderDetails(db, countyCode),
    distinctChains(db, countyCode),
    getCurrentMonth(db, countyCode, actor),
  ]);
  return {
    region: { code: region.code, name: region.name },
    townships: townships.map((t) => ({ code: t.code, name: t.name, isZone: t.isZone })),
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, townshipCode: u.townshipCode })),
    leaders: leaders.map((l) => ({ id: l.id, name: l.name, title: l.title, retiredOn: l.retiredOn })),
    chains,
    currentMonth,
  };
}

/** The counties of the deployment that the actor may see. */
export async function visibleCounties(db: Db, actor: Actor) {
  const counties = (await listCountiesWithCities(db, actor.regionCode)).filter((c) => coversRegion(actor, c.code));
  const labels = countyLabels(actor.regionCode, counties);
  return counties.map((c) => ({ code: c.code, name: labels.get(c.code)! }));
}
