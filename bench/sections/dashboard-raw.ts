// The dashboard's call (a county's figures with every breakdown, its 三个一批 counts and open rounds) written by hand as plain SQL, and the check that it answers what poolSummary answers.

import type { BreakdownRow, PoolFigures } from '../../src/domain/pool/pool-analysis.ts';
import type { PoolQuery } from '../../src/db/repositories/pool.repository.ts';
import { countyRange } from '../../src/db/repositories/scope.ts';
import type { PoolSummary } from '../../src/services/pool-summary.ts';
import type { FigureLayout } from '../../src/db/figure-layout.ts';
import type { RawDatabase } from '../lib/databases.ts';
import { yearRows, ytdForm } from './raw-ytd.ts';

const FIGURES = `count(*) as count, sum(total) as total_investment, sum(plan) as annual_plan, sum(ytd) as completed_ytd,
  sum(started) as started, sum(resumed) as resumed`;

// The pool is read once (materialized) and grouped five ways: the totals (labelled with the region's name), then by
// township, chain, unit and 包联领导 (a project with no leader under null), each with the name of its key. The links
// are the region's, found through its projects: joined to the whole table, PostgreSQL hashes every link of the province.
const rawDashboardPool = (layout: FigureLayout) => {
  const { join, ytd } = ytdForm(layout, (a) => `${a}.county_code = :lo`);
  const years = yearRows(layout);
  return `with pool as materialized (
  select p.id as id, y.phase as phase, p.total_investment as total, y.annual_plan as plan,
    coalesce(${ytd}, 0) as ytd,
    case when p.started_on <= :endDay then 1 else 0 end as started,
    case when y.resumed_on <= :endDay then 1 else 0 end as resumed,
    p.township_code as township, p.chain as chain, p.unit_id as unit
  from project p
  ${years.join}
  ${join}
  where ${years.projects}
  and y.county_code = :lo
    and p.stage <> 'cancelled'
    and y.year = :year and y.phase in ('continuing', 'newStart')
)
select 'all' as kind, null as group_key, (select name from region where code = :region) as label, phase, ${FIGURES}
  from pool group by phase
union all
select 'township', township, (select name from region where code = township), phase, ${FIGURES}
  from pool group by township, phase
union all
select 'chain', chain, chain, phase, ${FIGURES}
  from pool group by chain, phase
union all
select 'unit', unit, (select name from unit where id = unit), phase, ${FIGURES}
  from pool group by unit, phase
union all
select 'leader', pl.leader_id, (select name from leader where id = pl.leader_id), phase, ${FIGURES}
  from pool left join (
    select l.project_id, l.leader_id from project_leader l join project lp on lp.id = l.project_id
    where lp.region_code >= :lo and lp.region_code <= :hi
  ) pl on pl.project_id = pool.id
  group by pl.leader_id, phase`;
};

const RAW_DASHBOARD_BATCHES = `select b.id as id, b.held_on as held_on, b.title as title,
  sum(case when bp.kind = 'signed' then 1 else 0 end) as signed,
  sum(case when bp.kind = 'started' then 1 else 0 end) as started,
  sum(case when bp.kind = 'operating' then 1 else 0 end) as operating
from batch_event b
left join batch_project bp on bp.batch_id = b.id
where b.region_code >= :lo and b.region_code <= :hi and b.held_on >= :yearStart and b.held_on <= :yearEnd
group by b.id, b.held_on, b.title
order by b.held_on`;

// The rounds still collecting the months of the figures, with their reports due and approved (a county's: no township filter).
const RAW_DASHBOARD_ROUNDS = `select rd.id as id, rd.month as month, count(*) as due,
  sum(case when r.status = 'approved' then 1 else 0 end) as approved
from round rd
join report r on r.round_id = rd.id
where rd.region_code >= :lo and rd.region_code <= :hi and rd.month >= :fromMonth and rd.month <= :toMonth
  and (rd.status = 'open' or exists (select 1 from round_reopening ro where ro.round_id = rd.id and ro.relocked_at is null))
group by rd.id, rd.region_code, rd.month
order by rd.month, rd.region_code`;

export interface RawDashboard {
  pool: Record<string, unknown>[];
  batches: Record<string, unknown>[];
  rounds: Record<string, unknown>[];
}

/** The dashboard of a county by hand: three queries, one after another on the one plain connection. */
export async function rawDashboard(raw: RawDatabase, q: PoolQuery, layout: FigureLayout): Promise<RawDashboard> {
  const [lo, hi] = countyRange(q.regionCode);
  const params = { region: q.regionCode, lo, hi, year: q.year, fromMonth: q.fromMonth, toMonth: q.toMonth, endDay: q.endDay };
  const pool = await raw.all(rawDashboardPool(layout), params);
  const batches = await raw.all(RAW_DASHBOARD_BATCHES, { lo, hi, yearStart: `${q.year}-01-01`, yearEnd: `${q.year}-12-31` });
  const rounds = await raw.all(RAW_DASHBOARD_ROUNDS, { lo, hi, fromMonth: q.fromMonth, toMonth: q.toMonth });
  return { pool, batches, rounds };
}

const FIELDS = ['count', 'totalInvestment', 'annualPlan', 'completedYtd', 'started', 'resumed'] as const;
type Line = Record<(typeof FIELDS)[number], number> & { label: string | null };

// Per breakdown, key and phase: the figures and the label, from the service's answer.
function linesOfService(s: PoolSummary): Map<string, Line> {
  const lines = new Map<string, Line>();
  const add = (kind: string, key: string | null, label: string | null, f: PoolFigures) => {
    for (const phase of ['continuing', 'newStart'] as const) {
      const g = f[phase];
      if (g.count === 0) continue;
      const started = phase === 'newStart' ? f.newStart.started : 0;
      const resumed = phase === 'continuing' ? f.continuing.resumed : 0;
      lines.set(`${kind}|${key ?? ''}|${phase}`, { count: g.count, totalInvestment: g.totalInvestment, annualPlan: g.annualPlan, completedYtd: g.completedYtd, started, resumed, label });
    }
  };
  add('all', null, s.regionName, s);
  const kinds: [string, BreakdownRow[] | undefined][] = [['township', s.byTownship], ['chain', s.byChain], ['unit', s.byUnit], ['leader', s.byLeader]];
  for (const [kind, rows] of kinds) {
    if (!rows) throw new Error(`poolSummary returned no ${kind} breakdown`);
    // A line without a key is labelled by the service ('未填写', '县直及跨乡镇'); the raw query leaves it unnamed.
    for (const r of rows) add(kind, r.key, r.key === null ? null : r.label, r);
  }
  return lines;
}

function linesOfRaw(rows: Record<string, unknown>[]): Map<string, Line> {
  const lines = new Map<string, Line>();
  for (const r of rows) {
    const key = (r.group_key as string | null) ?? null;
    const phase = r.phase as string;
    // started counts new projects, resumed continuing ones: the other phase's figure is not part of the answer.
    lines.set(`${r.kind as string}|${key ?? ''}|${phase}`, {
      count: Number(r.count),
      totalInvestment: Number(r.total_investment),
      annualPlan: Number(r.annual_plan),
      completedYtd: Number(r.completed_ytd),
      started: phase === 'newStart' ? Number(r.started) : 0,
      resumed: phase === 'continuing' ? Number(r.resumed) : 0,
      label: r.kind === 'all' || key !== null ? ((r.label as string | null) ?? key) : null,
    });
  }
  return lines;
}

/** Null when the service and the raw queries give the same figures, breakdowns, 三个一批 counts and rounds; else the first difference. */
export function dashboardDifference(s: PoolSummary, raw: RawDashboard): string | null {
  const a = linesOfService(s);
  const b = linesOfRaw(raw.pool);
  if (a.size !== b.size) return `${a.size} breakdown lines from poolSummary, ${b.size} from the raw query`;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) return `line ${k} missing from the raw query`;
    for (const f of [...FIELDS, 'label'] as const) if (x[f] !== y[f]) return `line ${k}: ${f} ${x[f]} vs ${y[f]}`;
  }
  const batches = raw.batches.map((r) => `${r.held_on as string} ${r.title as string} ${Number(r.signed)}/${Number(r.started)}/${Number(r.operating)}`);
  const sBatches = s.batches.map((r) => `${r.heldOn} ${r.title} ${r.signed}/${r.started}/${r.operating}`);
  if (batches.join('\n') !== sBatches.join('\n')) return `三个一批 counts differ: ${sBatches.length} vs ${batches.length} events`;
  const rounds = raw.rounds.map((r) => `${r.month as string} ${Number(r.approved)}/${Number(r.due)}`);
  const sRounds = s.completeness.map((r) => `${r.month} ${r.approved}/${r.due}`);
  if (rounds.join('\n') !== sRounds.join('\n')) return `open rounds differ: ${sRounds.join(', ')} vs ${rounds.join(', ')}`;
  return null;
}
