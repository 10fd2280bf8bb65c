// Amounts a reporter types in 万元 read exactly into whole 元 (four decimals of 万元 are one 元), and the figures a month's entry leads to.
import { formatMoney, type Yuan } from '../../domain/money.ts';
import type { EnteredAs } from '../../domain/project/project.ts';
import { figuresOfEntry, type FigureBase, type ReportFigures } from '../../domain/round/monthly-figure.ts';

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
export type RoundFigures = ReportFigures;

/** The base read back from the figures of the report as last saved (saved ytd − saved month, sinceStart − ytd). */
export function baseFromFigures(saved: RoundFigures | null): FigureBase | null {
  return saved ? { earlier: saved.ytd - saved.month, before: saved.sinceStart - saved.ytd } : null;
}

/**
 * The figures an entry being typed will give, as the server will compute them ({@link figuresOfEntry}). With
 * `enteredAs` 'ytd' the typed amount is the year-to-date and the month follows; it may come out negative, which the
 * server refuses on the field. Null when the base is not known or nothing is typed.
 * @example previewFigures({ earlier: 70, before: 50 }, 'month', 50) // { month: 50, ytd: 120, sinceStart: 170 }
 */
export function previewFigures(base: FigureBase | null, enteredAs: EnteredAs, typed: Yuan | null): RoundFigures | null {
  if (!base || typed === null) return null;
  return figuresOfEntry(base, enteredAs, typed);
}
