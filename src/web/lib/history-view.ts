// How a project's history reads to people: each entry's field and values in words, read through the domain's one
// vocabulary of history fields (domain/project/history-field.ts), whichever service wrote the entry.
import { parseHistoryField, type HistoryField } from '../../domain/project/history-field.ts';
import type { Session } from '../hooks/session.tsx';
import type { I18n } from '../i18n.tsx';
import { fieldValue } from './project-view.ts';
import { wanExact } from './round-view.ts';
import { materialLabel } from './stats-entry-view.ts';

/** "总投资", "2021年年度计划投资", "2021年5月完成投资", "入库材料：施工合同" — the field of an entry in words. */
export function historyFieldLabel(i18n: I18n, f: HistoryField): string {
  const zh = i18n.lang === 'zh';
  const colon = zh ? '：' : ': ';
  switch (f.kind) {
    case 'created':
      return i18n.t('history.created');
    case 'field':
      return i18n.field(f.field);
    case 'year':
      return zh ? `${f.year}年${i18n.field(f.field)}` : `${i18n.field(f.field)} ${f.year}`;
    case 'month':
      return i18n.t('history.month', { month: i18n.month(f.month) });
    case 'monthReason':
      return i18n.t('history.monthReason', { month: i18n.month(f.month) });
    case 'statsEntry':
      return f.field === 'on' ? i18n.t('se.history.on') : i18n.t(f.field === 'reason' ? 'se.reason' : 'se.notes');
    case 'material':
      return `${i18n.t('se.materials')}${colon}${materialLabel(i18n, f.item)}${f.note ? `${zh ? '' : ' '}${i18n.t('se.history.note')}` : ''}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

/**
 * The head line of a history entry: "张三 建立了项目", "张三 修改了总投资". A field no writer uses (none should exist)
 * shows under its stored name rather than disappearing.
 */
export function historyHead(i18n: I18n, user: string, field: string): string {
  const f = parseHistoryField(field);
  if (f?.kind === 'created') return i18n.t('project.created', { user });
  return i18n.t('project.changed', { user, field: f ? historyFieldLabel(i18n, f) : field });
}

/** A stored value of a history entry as text: money in 万元, codes as their labels, ids as names, a ticked item as 已备. */
export function historyValue(i18n: I18n, session: Session, field: string, value: string | null): string {
  if (value === null || value === '') return i18n.t('common.empty');
  const f = parseHistoryField(field);
  switch (f?.kind) {
    case 'field':
      return fieldValue(i18n, session, f.field, value);
    case 'year':
      return fieldValue(i18n, session, f.field, value);
    case 'month': {
      const n = Number(value);
      return Number.isSafeInteger(n) ? wanExact(n, i18n) : value;
    }
    case 'material':
      return f.note ? value : value === 'true' ? i18n.t('se.history.done') : i18n.t('se.history.notDone');
    default:
      return value;
  }
}
