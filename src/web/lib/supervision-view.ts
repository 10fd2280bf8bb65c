// How supervision and alerts read on screen: the colour of each status and light, an item's timer in words, the words
// of each code through the message table.
import type { I18n, MessageKey } from '../i18n.tsx';
import type { Alert, Item } from './supervision-api.ts';

export const STATUS_COLOURS: Record<Item['status'], string> = {
  raised: 'magenta',
  assigned: 'blue',
  received: 'geekblue',
  inProgress: 'processing',
  closeRequested: 'gold',
  returned: 'volcano',
  closed: 'success',
};

export const LIGHT_COLOURS: Record<'red' | 'yellow' | 'green', string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' };
export const LIGHT_TAGS: Record<'red' | 'yellow' | 'green', string> = { red: 'red', yellow: 'gold', green: 'green' };

/** The word of a code: sv.status.raised → 待交办. */
export function word(i18n: I18n, group: string, code: string): string {
  return i18n.t(`${group}.${code}` as MessageKey);
}

/** An item's timer as people say it: "办结逾期6天", "反馈还有2天", "今天办结到期"; empty once closed or waiting. */
export function timerText(i18n: I18n, item: Pick<Item, 'overdue' | 'next'>): { text: string; late: boolean } | null {
  if (item.overdue) return { text: i18n.t('sv.overdueBy', { kind: word(i18n, 'sv.deadline', item.overdue.kind), n: item.overdue.daysLate }), late: true };
  if (item.next) {
    const kind = word(i18n, 'sv.deadline', item.next.kind);
    return { text: item.next.daysLeft === 0 ? i18n.t('sv.dueToday', { kind }) : i18n.t('sv.dueIn', { kind, n: item.next.daysLeft }), late: false };
  }
  return null;
}

export function ruleLabel(i18n: I18n, rule: Alert['rule']): string {
  return word(i18n, 'al.rule', rule);
}
