// Money: an integer number of 元 in code and storage; 万元/亿元 only when shown.

/** An integer number of 元. Never a float; convert to 万元/亿元 only for display. */
export type Yuan = number;

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

export type MoneyUnit = '元' | '万元' | '亿元';

const factor: Record<MoneyUnit, number> = { 元: 1, 万元: YUAN_PER_WAN, 亿元: YUAN_PER_YI };

/**
 * Parses a database or JSON value into 元, refusing anything that is not a safe integer.
 * PostgreSQL returns `bigint` as a string: this is the one place it becomes a number.
 */
export function toYuan(value: unknown): Yuan {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RangeError(`not a whole number of 元 within the safe range: ${String(value)}`);
  }
  return n;
}

/** Like {@link toYuan} but keeps null/undefined as null. */
export function toYuanOrNull(value: unknown): Yuan | null {
  return value === null || value === undefined ? null : toYuan(value);
}

/**
 * Converts an amount written in a unit (as people type it: 188.9 亿元) to whole 元,
 * rounding half away from zero once, here.
 * @example fromUnit(188.9, '亿元') === 18_890_000_000
 */
export function fromUnit(amount: number, unit: MoneyUnit): Yuan {
  // Work on the decimal string so 0.1-style binary errors never reach the rounding.
  const scaled = decimalShift(amount, Math.log10(factor[unit]));
  return roundHalfUp(scaled);
}

/** Converts 元 to a unit as a plain number, for charts. Display strings use {@link formatMoney}. */
export function toUnit(yuan: Yuan, unit: MoneyUnit): number {
  return yuan / factor[unit];
}

/**
 * Formats 元 in 万元 or 亿元 with a fixed number of decimals, rounding half-up once.
 * Trailing zeros are dropped unless `fixed` is set: 18_890_000_000 → "188.9".
 * @example formatMoney(3_439_000_000, '亿元') === '34.39'
 */
export function formatMoney(yuan: Yuan, unit: MoneyUnit, decimals = unit === '亿元' ? 2 : unit === '万元' ? 0 : 0, fixed = false): string {
  const digits = Math.log10(factor[unit]);
  const text = shiftedDecimalString(yuan, digits, decimals);
  return fixed ? text : trimZeros(text);
}

/** Formats with the unit appended: "188.9亿元". */
export function formatMoneyWithUnit(yuan: Yuan, unit: MoneyUnit, decimals?: number): string {
  return `${formatMoney(yuan, unit, decimals)}${unit}`;
}

/** Sums amounts in 元, guarding the safe-integer range. */
export function sumYuan(values: Iterable<Yuan>): Yuan {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('sum of 元 left the safe integer range');
  return total;
}

function roundHalfUp(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** amount × 10^digits computed on the decimal representation, so 188.9 × 10^8 is exact. */
function decimalShift(amount: number, digits: number): number {
  const [mantissa, exp = '0'] = amount.toString().toLowerCase().split('e');
  return Number(`${mantissa}e${Number(exp) + digits}`);
}

/** yuan ÷ 10^digits as a decimal string with `decimals` places, rounded half-up, integer arithmetic only. */
function shiftedDecimalString(yuan: Yuan, digits: number, decimals: number): string {
  const negative = yuan < 0;
  let abs = BigInt(Math.abs(yuan));
  const drop = digits - decimals;
  if (drop > 0) {
    const div = 10n ** BigInt(drop);
    abs = (abs + div / 2n) / div;
  } else if (drop < 0) {
    abs = abs * 10n ** BigInt(-drop);
  }
  let s = abs.toString();
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
  }
  return negative && /[1-9]/.test(s) ? `-${s}` : s;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
