// How the monthly round reads to people: status tags, instants on the county's clock (北京时间), flag and stage-event words.
import { formatMoney, type Yuan } from '../../domain/money.ts';
import { cstParts } from '../../domain/months.ts';
import type { I18n } from '../i18n.tsx';
import { groupDigits } from './format.ts';
import type { Correction, ReportFlag, ReportStatus, StageEventCode } from './round-api.ts';
import { parseWan, type WanRefusal } from './round-money.ts';

export const REPORT_STATUS_COLOURS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

export const ROUND_STATUS_COLOURS: Record<'open' | 'closed', string> = { open: 'processing', closed: 'default' };

export const CORRECTION_STATUS_COLOURS: Record<Correction['status'], string> = { pending: 'gold', approved: 'green', rejected: 'default' };

export const STAGE_EVENT_CODES = ['started', 'resumed', 'suspended', 'completed', 'operating'] as const satisfies readonly StageEventCode[];

export function reportStatusLabel(i18n: I18n, status: ReportStatus): string {
  return i18n.t(`rstatus.${status}`);
}

export function roundStatusLabel(i18n: I18n, status: 'open' | 'closed'): string {
  return i18n.t(`roundStatus.${status}`);
}

export function stageEventLabel(i18n: I18n, event: StageEventCode): string {
  return i18n.t(`event.${event}`);
}

export function flagLabel(i18n: I18n, flag: ReportFlag): string {
  return i18n.t(`flag.${flag.code}`);
}

export function correctionStatusLabel(i18n: I18n, status: Correction['status']): string {
  return i18n.t(`corr.status.${status}`);
}

/**
 * 元 as 万元 with its unit, exact to the 元 (up to four decimals), so a figure reads back as it was typed: "1,234.5678万元".
 */
export function wanExact(yuan: Yuan | null | undefined, i18n: I18n): string {
  if (yuan === null || yuan === undefined) return '—';
  const n = groupDigits(formatMoney(yuan, '万元', 4));
  return i18n.lang === 'zh' ? `${n}万元` : `${n} ×10k yuan`;
}

/**
 * An instant as the county reads it, on China Standard Time whatever the browser's zone:
 * "2021年7月5日 18:00" / "2021-07-05 18:00".
 */
export function cstTime(i18n: I18n, instant: string): string {
  const { day, hour, minute } = cstParts(instant);
  const hm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (i18n.lang !== 'zh') return `${day} ${hm}`;
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日 ${hm}`;
}

/** A wall-clock time picked as 北京时间 ("2021-07-05 18:00") as the instant the API takes: "2021-07-05T18:00:00+08:00". */
export function cstInput(dayAndTime: string): string {
  return `${dayAndTime.replace(' ', 'T')}:00+08:00`;
}

const REFUSAL_KEYS = {
  format: 'report.amountFormat',
  decimals: 'report.amountDecimals',
  negative: 'report.amountNegative',
  range: 'report.amountRange',
} as const satisfies Record<WanRefusal, string>;

/** Why a typed 万元 amount is refused, in the clerk's words. */
export function amountRefusal(i18n: I18n, reason: WanRefusal): string {
  return i18n.t(REFUSAL_KEYS[reason]);
}

/** A form rule for an amount typed in 万元: a number of whole 元, not negative; blank refused only when `required`. */
export function wanRule(i18n: I18n, required: boolean) {
  return {
    validator: (_: unknown, value: string | undefined) => {
      const parsed = parseWan(value ?? '');
      if (!parsed.ok) return Promise.reject(new Error(amountRefusal(i18n, parsed.reason)));
      if (required && parsed.yuan === null) return Promise.reject(new Error(i18n.t('report.amountRequired')));
      return Promise.resolve();
    },
  };
}
