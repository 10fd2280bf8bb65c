// The ledger: projects of a region for a year, filtered, searched, sorted and paged, within what the actor may see.

import { z } from 'zod';
import { coversRegion, unitFilter, type Actor } from '../domain/access.ts';
import { forbidden } from '../domain/errors.ts';
import { isMonth, monthYear } from '../domain/months.ts';
import { asksBeyondPool } from '../domain/pool/pool-membership.ts';
import { PHASES, STAGES } from '../domain/project/project.ts';
import { parseInput } from '../domain/validation.ts';
import { listProjects as listProjectRows, PROJECT_SORT_COLUMNS, type ProjectListQuery, type ProjectListRow, type ProjectSortKey } from '../db/repositories/project.repository.ts';
import type { Db } from '../db/transaction.ts';
import { figureCompleteness, type Completeness } from './current-month.ts';

/** The columns the ledger sorts by, as the API names them. */
export const PROJECT_SORT_KEYS = Object.keys(PROJECT_SORT_COLUMNS) as [ProjectSortKey, ...ProjectSortKey[]];

export const ProjectListInputSchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
  asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
  q: z.string().trim().max(100).optional(),
  phase: z.enum(PHASES).optional(),
  stage: z.enum(STAGES).optional(),
  township: z.string().regex(/^\d{9}$/).optional(),
  chain: z.string().max(50).optional(),
  unit: z.string().max(64).optional(),
  leader: z.string().max(64).optional(),
  poolOnly: z.boolean().default(true),
  sort: z.enum(PROJECT_SORT_KEYS).default('totalInvestment'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(20),
});
export type ProjectListInput = z.input<typeof ProjectListInputSchema>;

export async function listProjects(
  db: Db,
  input: ProjectListInput,
  actor: Actor,
): Promise<{ rows: ProjectListRow[]; total: number; page: number; pageSize: number; completeness: Completeness[] }> {
  const q = parseInput(ProjectListInputSchema, input);
  const { rows, total } = await listProjectRows(db, { ...ledgerQuery(q, actor), limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  // The ledger's year-to-date column draws from the same months as the pool's figures: it says how complete they are.
  const completeness = await figureCompleteness(db, { region: q.region, asOf: q.asOf }, actor);
  return { rows, total, page: q.page, pageSize: q.pageSize, completeness };
}

/**
 * The repository query of a parsed ledger request within what the actor may see, without its page: the one place the
 * ledger's scope rules live, shared by the list and the export.
 */
export function ledgerQuery(q: z.output<typeof ProjectListInputSchema>, actor: Actor): Omit<ProjectListQuery, 'limit' | 'offset'> {
  if (!coversRegion(actor, q.region.slice(0, 6))) throw forbidden('无权查看该地区的项目');
  return {
    regionCode: q.region,
    year: monthYear(q.asOf),
    toMonth: q.asOf,
    // A reporter's ledger is its own unit's projects, whatever the request asks for.
    unitId: unitFilter(actor, q.unit ?? null),
    leaderId: q.leader ?? null,
    townshipCode: q.township ?? null,
    phase: q.phase ?? null,
    stage: q.stage ?? null,
    chain: q.chain ?? null,
    q: q.q || null,
    // Asking for 储备 or 撤销 projects means looking beyond the year's pool.
    poolOnly: q.poolOnly && !asksBeyondPool(q),
    sort: q.sort,
    order: q.order,
  };
}
