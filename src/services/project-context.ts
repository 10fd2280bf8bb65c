// What the project rules need to know about a county, loaded once per use case.

import type { ProjectContext } from '../domain/project/validate-project.ts';
import { childRegions, listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import type { Db } from '../db/transaction.ts';

export async function loadProjectContext(db: Db, countyCode: string): Promise<ProjectContext> {
  const [townships, units, leaders] = await Promise.all([childRegions(db, countyCode), listUnits(db, countyCode), listLeaders(db, countyCode)]);
  return {
    countyCode,
    townshipCodes: new Set(townships.map((t) => t.code)),
    unitIds: new Set(units.map((u) => u.id)),
    leaderIds: new Set(leaders.map((l) => l.id)),
  };
}
