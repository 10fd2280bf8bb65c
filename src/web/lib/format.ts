// Amounts as the interface shows them: 亿元 on cards, 万元 in tables, always with the unit in the text or the column header.
import { formatRate } from '../../domain/format.ts';
import { formatMoney, type Yuan } from '../../domain/money.ts';
import type { Lang } from '../i18n.tsx';

const DASH = '—';

/** Digits grouped by thousands, so 万元 columns of six figures read at a glance: "123,456.78". */
export function groupDigits(text: string): string {
  const [int = '', frac] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** 元 as 万元 for a table cell (the header carries the unit): up to two decimals, grouped. */
export function wan(yuan: Yuan | null | undefined): string {
  return yuan === null || yuan === undefined ? DASH : groupDigits(formatMoney(yuan, '万元', 2));
}

/** 元 as 万元 for a CSV cell: a plain number Excel can sum, no grouping. */
export function wanPlain(yuan: Yuan | null | undefined): string {
  return yuan === null || yuan === undefined ? '' : formatMoney(yuan, '万元', 2);
}

/** 元 as 亿元 with its unit: "402.8亿元". */
export function yi(yuan: Yuan, lang: Lang): string {
  const n = formatMoney(yuan, '亿元');
  return lang === 'zh' ? `${n}亿元` : `${n} ×100M yuan`;
}

/** 元 as 万元 with its unit: "1,250万元". */
export function wanWithUnit(yuan: Yuan | null | undefined, lang: Lang): string {
  if (yuan === null || yuan === undefined) return DASH;
  return lang === 'zh' ? `${wan(yuan)}万元` : `${wan(yuan)} ×10k yuan`;
}

/** 元 as a plain 亿元 number for chart axes (two decimals, like the cards). */
export function yiNumber(yuan: Yuan): number {
  return Number(formatMoney(yuan, '亿元'));
}

export const rate = formatRate;

/** An ISO timestamp as local date and minute: "2026-11-23 10:42". */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
