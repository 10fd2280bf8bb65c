// A county's current month (the default as-of month of every page) and how complete the figures of rounds still open are.

import { z } from 'zod';
import { coversRegion, type Actor } from '../domain/access.ts';
import { CURRENT_MONTH_SETTING_KEY } from '../domain/county-settings.ts';
import { forbidden, invalidInput } from '../domain/errors.ts';
import { dayOf, isMonth, monthOfDay, type Month } from '../domain/months.ts';
import { completenessLabel, currentMonth, figureWindow, type CurrentMonthSource, type RoundCompleteness } from '../domain/round/current-month.ts';
import { parseInput } from '../domain/validation.ts';
import { lastClosedRoundMonth, latestSettledMonth, openRoundCounts } from '../db/repositories/round-calendar.repository.ts';
import { countyRange } from '../db/repositories/scope.ts';
import type { Db } from '../db/transaction.ts';
import { readCountySettings, writeCountySettings } from './county-settings.ts';

/** A round still collecting figures, with the words its figures carry ("7月已审核 12/229"). */
export interface Completeness extends RoundCompleteness {
  label: string;
}

export interface CurrentMonthView {
  region: string;
  /** The county's current month; null for a county with neither figures nor rounds yet. */
  month: Month | null;
  source: CurrentMonthSource;
  /** The month the dispatcher pinned, if any. */
  pinned: Month | null;
  lastClosedMonth: Month | null;
  /** Every round of the county still collecting figures (open, or reopened for a unit), with its completeness. */
  openRounds: Completeness[];
}

/** A reporter's completeness is its unit's reports: what it can see of the round. */
const scopeUnit = (actor: Actor) => (actor.role === 'reporter' ? (actor.unitId ?? '\u0000') : null);

/**
 * The rounds still collecting figures that the figures of a region as of a month draw from (the months of its
 * year-to-date), each with its reports approved of those due within what the actor may see — its own unit's for a
 * reporter, the township's for a township. Empty when every month of the figures is settled.
 */
export async function figureCompleteness(db: Db, q: { region: string; asOf?: Month }, actor: Actor): Promise<Completeness[]> {
  const [lo, hi] = countyRange(q.region);
  const rows = await openRoundCounts(db, {
    lo,
    hi,
    ...(q.asOf ? figureWindow(q.asOf) : {}),
    unitId: scopeUnit(actor),
    townshipCode: q.region.length === 9 ? q.region : null,
  });
  return rows.map((r) => ({ ...r, label: completenessLabel(r) }));
}

/** A county's current month, where it comes from, and the rounds still open with their completeness. */
export async function getCurrentMonth(db: Db, countyCode: string, actor: Actor): Promise<CurrentMonthView> {
  if (!coversRegion(actor, countyCode)) throw forbidden('无权查看该地区');
  const raw = (await readCountySettings(db, countyCode, [CURRENT_MONTH_SETTING_KEY]))[CURRENT_MONTH_SETTING_KEY];
  const pinned = raw && isMonth(raw) ? raw : null;
  const [lastClosedMonth, settled, openRounds] = await Promise.all([
    lastClosedRoundMonth(db, countyCode),
    latestSettledMonth(db, countyCode),
    figureCompleteness(db, { region: countyCode }, actor),
  ]);
  return { region: countyCode, ...currentMonth({ pinned, lastClosedRound: lastClosedMonth, settledFigures: settled }), pinned, lastClosedMonth, openRounds };
}

const PinSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
    month: z.string().refine(isMonth, '应为 YYYY-MM').nullable(),
  })
  .strict();

/**
 * Pins a county's current month, or with `month: null` lets it follow the last closed round again. A month not yet
 * begun is refused. The county's admins and dispatchers only.
 */
export async function pinCurrentMonth(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<CurrentMonthView> {
  const q = parseInput(PinSchema, input, { region: '地区', month: '当前月份' });
  if (q.month !== null && q.month > monthOfDay(dayOf(now))) throw invalidInput([{ field: 'month', message: '当前月份：该月尚未开始' }]);
  await writeCountySettings(db, q.region, { [CURRENT_MONTH_SETTING_KEY]: q.month }, actor);
  return getCurrentMonth(db, q.region, actor);
}
