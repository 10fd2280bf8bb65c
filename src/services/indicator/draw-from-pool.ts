// 固定资产投资 and 工业投资 (and 技改投资) added up from the project pool: the year-to-date completion of the pool's projects
// that count ("先入库，后有数": entered in the statistics, in the indicator's industries and 建设性质). Shown on request,
// stored as the indicator's value (source 'pool') only when the user asks for it.

import { writerId, type Actor } from '../../domain/access.ts';
import { AppError, invalidInput } from '../../domain/errors.ts';
import { countsInPoolDraw, indicatorByCode, INDICATORS, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { DrawFromPoolInputSchema, INDICATOR_FIELD_LABELS, type DrawFromPoolInput } from '../../domain/indicator/indicator-input.ts';
import { sumYuan } from '../../domain/money.ts';
import { poolBounds } from '../../domain/pool/pool-membership.ts';
import { parseInput } from '../../domain/validation.ts';
import { findValues, poolDrawProjects, type IndicatorValueSource } from '../../db/repositories/indicator.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { assertCanEditIndicators, loadRegion } from './indicator-access.ts';
import { writeIndicatorValues } from './indicator-writes.ts';

/** The indicators drawn when none is named. */
export const DEFAULT_POOL_DRAWS: readonly IndicatorCode[] = ['fixed-asset-investment', 'industrial-investment'];

export interface PoolDraw {
  indicator: IndicatorCode;
  name: string;
  /** Year-to-date completion of the projects that count, in 元. */
  value: number;
  /** How many of the pool's projects count. */
  projects: number;
  /** The value stored now for the region and month, if any, and where it came from. */
  stored: { value: number; source: IndicatorValueSource } | null;
  /** True when this draw was written as the indicator's value. */
  saved: boolean;
}

export interface PoolDrawResult {
  region: string;
  asOf: string;
  draws: PoolDraw[];
}

/**
 * The sums of some drawable indicators from the pool for a county, township or zone as of a month, and the values
 * stored now; nothing is written. The documents read the 入库 projects' completion through it.
 */
export async function computePoolDraws(db: Db, region: { code: string; level: string }, asOf: string, codes: readonly IndicatorCode[]): Promise<PoolDraw[]> {
  const projects = await poolDrawProjects(db, {
    countyCode: region.code.slice(0, 6),
    townshipCode: region.level === 'township' ? region.code : null,
    ...poolBounds(asOf),
  });
  const stored = await findValues(db, { regions: [region.code], fromMonth: asOf, toMonth: asOf, indicators: codes });
  return codes.map((code) => {
    const counted = projects.filter((p) => countsInPoolDraw(code, p));
    const current = stored.find((v) => v.indicator === code);
    return {
      indicator: code,
      name: indicatorByCode(code).name,
      value: sumYuan(counted.map((p) => p.completedYtd)),
      projects: counted.length,
      stored: current ? { value: current.value, source: current.source } : null,
      saved: false,
    };
  });
}

/**
 * Adds up an indicator from the pool for a county (or one township or zone) as of a month: the 1—M月 completion of
 * the year's pool projects (续建 and 新建, not cancelled) that count per {@link countsInPoolDraw}. With `save`, the
 * sums are stored as the indicator's values with source 'pool' and no official growth; a value that was entered or
 * imported is replaced only with `overwrite`, otherwise nothing is saved and the refusal names it.
 * Drawing is the work of the region's admins and dispatchers.
 */
export async function drawFromPool(db: Db, input: DrawFromPoolInput, actor: Actor, now: Date = new Date()): Promise<PoolDrawResult> {
  const q = parseInput(DrawFromPoolInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  if (region.level !== 'county' && region.level !== 'township') {
    throw invalidInput([{ field: 'region', message: '只能为县（区）或乡镇、园区从项目库汇总' }]);
  }
  const codes = q.indicators ?? DEFAULT_POOL_DRAWS;
  const notDrawable = codes.filter((c) => indicatorByCode(c).poolDraw === null);
  if (notDrawable.length > 0) {
    const drawable = INDICATORS.filter((d) => d.poolDraw !== null).map((d) => d.name).join('、');
    throw invalidInput([{ field: 'indicators', message: `${notDrawable.map((c) => indicatorByCode(c).name).join('、')}不能从项目库汇总（可汇总：${drawable}）` }]);
  }

  return inTransaction(db, async (trx) => {
    const draws = await computePoolDraws(trx, region, q.asOf, codes);
    if (!q.save) return { region: region.code, asOf: q.asOf, draws };

    const kept = draws.filter((d) => d.stored && d.stored.source !== 'pool');
    if (kept.length > 0 && !q.overwrite) {
      throw new AppError(
        'conflict',
        `${kept.map((d) => `${d.name}已有${d.stored!.source === 'imported' ? '导入' : '录入'}的数值`).join('，')}，未保存项目库汇总数；如需替换请选择覆盖`,
      );
    }
    const stamp = now.toISOString();
    await writeIndicatorValues(
      trx,
      draws.map((d) => ({ indicator: d.indicator, region: region.code, month: q.asOf, value: d.value, officialYoy: null, source: 'pool' as const, updatedAt: stamp, updatedBy: writerId(actor) })),
      actor,
      now,
    );
    return { region: region.code, asOf: q.asOf, draws: draws.map((d) => ({ ...d, saved: true })) };
  });
}
