// Amounts a reporter types in 万元 read exactly into whole 元 (four decimals of 万元 are one 元), and the figures a month's entry leads to.
import { formatMoney, type Yuan } from '../../domain/money.ts';

/** Why a typed amount cannot be taken. */
export type WanRefusal = 'format' | 'decimals' | 'negative' | 'range';

export type WanParse = { ok: true; yuan: Yuan | null } | { ok: false; reason: WanRefusal };

/**
 * Reads an amount typed in 万元 into whole 元 on the decimal digits themselves, so no binary fraction
 * ever reaches what is sent: "123.4567" is 1 234 567 元 exactly. Blank is null (not filled in).
 * Thousands separators and spaces are ignored; more than four decimals (less than one 元) is refused
 * unless the extra digits are zeros, as is anything negative or beyond the safe integer range.
 * @example parseWan('0.1') // { ok: true, yuan: 1000 }
 * @example parseWan('1.23456') // { ok: false, reason: 'decimals' }
 */
export function parseWan(text: string): WanParse {
  const s = text.replace(/[\s,，]/g, '').replace(/。/g, '.');
  if (s === '') return { ok: true, yuan: null };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, reason: 'format' };
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 4) return { ok: false, reason: 'decimals' };
  const digits = `${m[2] || '0'}${fraction.padEnd(4, '0')}`;
  const yuan = BigInt(digits);
  if (m[1] === '-' && yuan !== 0n) return { ok: false, reason: 'negative' };
  if (yuan > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'range' };
  return { ok: true, yuan: Number(yuan) };
}

/**
 * 元 as the 万元 text an input shows, exact to the 元 and without trailing zeros: 1 234 567 → "123.4567".
 * Null is an empty input.
 */
export function yuanToWanText(yuan: Yuan | null | undefined): string {
  return yuan === null || yuan === undefined ? '' : formatMoney(yuan, '万元', 4);
}

/** The three figures of a report: 当月, 1-M月累计, 开工累计 (元). */
export interface RoundFigures {
  month: Yuan;
  ytd: Yuan;
  sinceStart: Yuan;
}

/**
 * The figures an entry being typed will give, from the figures of the report as last saved: the months
 * before it in the year (saved ytd − saved month) and everything before the year (saved sinceStart −
 * saved ytd) do not change with this month's entry. Null when nothing was saved yet or nothing is typed.
 * With `enteredAs` 'ytd' the typed amount is the year-to-date and the month follows; it may come out
 * negative, which the server refuses on the field.
 * @example previewFigures({ month: 30, ytd: 100, sinceStart: 150 }, 'month', 50) // { month: 50, ytd: 120, sinceStart: 170 }
 */
export function previewFigures(saved: RoundFigures | null, enteredAs: 'month' | 'ytd', typed: Yuan | null): RoundFigures | null {
  if (!saved || typed === null) return null;
  const earlier = saved.ytd - saved.month;
  const before = saved.sinceStart - saved.ytd;
  const ytd = enteredAs === 'month' ? earlier + typed : typed;
  return { month: ytd - earlier, ytd, sinceStart: before + ytd };
}

/** The months of the year before the report's, summed (1-(M-1)月), when the saved figures tell it. */
export function earlierThisYear(saved: RoundFigures | null): Yuan | null {
  return saved ? saved.ytd - saved.month : null;
}
