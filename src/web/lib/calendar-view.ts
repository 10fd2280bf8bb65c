// How a round on today's calendar reads: a figure's completeness, where the current month comes from, how a deadline was set.
import type { I18n } from '../i18n.tsx';
import type { Completeness, CurrentMonthData, RoundSummary } from './round-api.ts';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "7月已审核 12/229": in Chinese the server's own words (the domain's), the same as the API and the command line print. */
export function completenessText(i18n: I18n, c: Pick<Completeness, 'month' | 'approved' | 'due' | 'label'>): string {
  if (i18n.lang === 'zh') return c.label;
  return i18n.t('complete.label', { month: Number(c.month.slice(5, 7)), monthName: EN_MONTHS[Number(c.month.slice(5, 7)) - 1]!, approved: c.approved, due: c.due });
}

/** "当前月份：2021年5月（最近关闭的月报）", or null for a county with no current month yet. */
export function currentMonthText(i18n: I18n, current: CurrentMonthData): string | null {
  if (!current.month) return null;
  return i18n.t('current.is', { month: i18n.month(current.month), source: i18n.t(`current.source.${current.source}`) });
}

export function deadlineBasisText(i18n: I18n, basis: RoundSummary['deadlineBasis']): string {
  return i18n.t(`deadline.basis.${basis}`);
}
