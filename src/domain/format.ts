// Display formatting shared by the web client, documents and the command line: rates and money as people write them.

import { formatMoney, type MoneyUnit, type Yuan } from './money.ts';

/** Rounds half away from zero at a number of decimals, on the decimal representation. */
export function roundHalfUp(value: number, decimals: number): number {
  const shifted = Number(`${value}e${decimals}`);
  const rounded = shifted < 0 ? -Math.round(-shifted) : Math.round(shifted);
  return Number(`${rounded}e-${decimals}`);
}

/**
 * A fraction shown as a percentage with one decimal, trailing ".0" dropped: 0.95104 → "95.1%", 1 → "100%".
 * Null (a figure that cannot be computed) shows as "—".
 */
export function formatRate(fraction: number | null, decimals = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const pct = roundHalfUp(fraction * 100, decimals);
  return `${trim(pct.toFixed(decimals))}%`;
}

/** A difference of rates in percentage points: 0.148 → "14.8个百分点". */
export function formatPoints(fraction: number, decimals = 1): string {
  return `${trim(roundHalfUp(Math.abs(fraction) * 100, decimals).toFixed(decimals))}个百分点`;
}

/** Money with its unit, "188.9亿元"; the unit is chosen by the caller so a table keeps one unit. */
export function money(yuan: Yuan, unit: MoneyUnit = '亿元', decimals?: number): string {
  return `${formatMoney(yuan, unit, decimals)}${unit}`;
}

/** The unit that reads best for an amount: 亿元 from 1 亿 up, else 万元. */
export function naturalUnit(yuan: Yuan): MoneyUnit {
  return Math.abs(yuan) >= 100_000_000 ? '亿元' : '万元';
}

/** Rounds a rate for JSON output: four decimals, so 136/143 prints as 0.951. */
export function jsonRate(fraction: number | null): number | null {
  return fraction === null ? null : roundHalfUp(fraction, 4);
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
