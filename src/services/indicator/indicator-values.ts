// Entering, listing and removing indicator values: every value checked by the domain's rules, all or nothing.

import { writerId, type Actor } from '../../domain/access.ts';
import { invalidInput, notFound, type FieldIssue } from '../../domain/errors.ts';
import { indicatorByCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import {
  INDICATOR_FIELD_LABELS,
  SaveValuesInputSchema,
  ValueKeySchema,
  ValueListInputSchema,
  type SaveValuesInput,
  type ValueKey,
  type ValueListInput,
} from '../../domain/indicator/indicator-input.ts';
import { indicatorValueIssues } from '../../domain/indicator/values.ts';
import { makeMonth } from '../../domain/months.ts';
import { parseInput } from '../../domain/validation.ts';
import { findValues, type IndicatorValueSource, type ValueWrite } from '../../db/repositories/indicator.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { assertCanEditIndicators, assertCanReadIndicators, batchProblems, byCatalogue, displayName, loadRegion, subRegions } from './indicator-access.ts';
import { removeIndicatorValue, writeIndicatorValues } from './indicator-writes.ts';

/** A stored value as the API shows it. */
export interface IndicatorValueView {
  indicator: IndicatorCode;
  name: string;
  unit: string;
  region: string;
  regionName: string;
  month: string;
  value: number;
  officialYoy: number | null;
  source: IndicatorValueSource;
  updatedAt: string;
}

/**
 * The values of a region in a year (and, with `within`, of its townships and zones, or a city's counties), by
 * indicator, region and month. Everyone whose scope covers the region reads them.
 */
export async function listIndicatorValues(db: Db, input: ValueListInput, actor: Actor): Promise<{ region: string; year: number; values: IndicatorValueView[] }> {
  const q = parseInput(ValueListInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const regions = [region, ...(q.within ? await subRegions(db, region.code) : [])];
  const names = new Map(regions.map((r) => [r.code, displayName(r)]));
  const values = await findValues(db, {
    regions: regions.map((r) => r.code),
    fromMonth: makeMonth(q.year, 1),
    toMonth: makeMonth(q.year, 12),
    indicators: q.indicator ? [q.indicator] : undefined,
  });
  return {
    region: region.code,
    year: q.year,
    values: values.sort(byCatalogue).map((v) => {
      const def = indicatorByCode(v.indicator);
      return {
        indicator: v.indicator,
        name: def.name,
        unit: def.unit,
        region: v.region,
        regionName: names.get(v.region) ?? v.region,
        month: v.month,
        value: v.value,
        officialYoy: v.officialYoy,
        source: v.source,
        updatedAt: v.updatedAt,
      };
    }),
  };
}

/**
 * Checks values field by field, each against the domain's rules, the region's existence and the actor's right to
 * change it; returns the issues, each naming its item (`values.2.month`), or an empty list.
 */
export async function valueProblems(db: Db, values: readonly { indicator: string; region: string; month: string; value: number; officialYoy?: number | null }[], actor: Actor): Promise<FieldIssue[]> {
  return batchProblems(db, values, actor, { path: 'values', noun: '指标', own: indicatorValueIssues, period: (v) => v.month, periodField: 'month', periodWord: '月份' });
}

/**
 * Enters or replaces values, all or nothing: a value is the cumulative figure in the indicator's unit (元 for money)
 * with, where the statistics office published one, its growth rate as a fraction.
 * @example saveIndicatorValues(db, { values: [{ indicator: 'gdp', region: '140423', month: '2021-06', value: 11_800_000_000, officialYoy: 0.121 }] }, actor)
 */
export async function saveIndicatorValues(
  db: Db,
  input: SaveValuesInput,
  actor: Actor,
  now: Date = new Date(),
  source: IndicatorValueSource = 'entered',
): Promise<{ saved: number }> {
  const q = parseInput(SaveValuesInputSchema, input, INDICATOR_FIELD_LABELS);
  // A reader may not learn which regions exist by probing: the right to edit is checked before anything else.
  for (const v of q.values) assertCanEditIndicators(actor, v.region);
  const issues = await valueProblems(db, q.values, actor);
  if (issues.length > 0) throw invalidInput(issues);
  const stamp = now.toISOString();
  const writes: ValueWrite[] = q.values.map((v) => ({
    indicator: v.indicator,
    region: v.region,
    month: v.month,
    value: v.value,
    officialYoy: v.officialYoy ?? null,
    source,
    updatedAt: stamp,
    updatedBy: writerId(actor),
  }));
  await writeIndicatorValues(db, writes, actor, now);
  return { saved: writes.length };
}

/** Removes one value. */
export async function deleteIndicatorValue(db: Db, input: ValueKey, actor: Actor, now: Date = new Date()): Promise<{ deleted: true }> {
  const key = parseInput(ValueKeySchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, key.region);
  if (!(await removeIndicatorValue(db, key, actor, now))) throw notFound(`${indicatorByCode(key.indicator).name} ${key.region} ${key.month} 的数值`);
  return { deleted: true };
}
