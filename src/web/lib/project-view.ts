// How a project's stored values read to people: values in 万元 or by name instead of codes and ids.
import { industryName } from '../../domain/industry.ts';
import { formatMoney } from '../../domain/money.ts';
import {
  APPROVAL_KINDS,
  CONSTRUCTION_TYPES,
  KEY_LEVELS,
  PHASES,
  STAGES,
  STATS_ENTRY_STATUSES,
  type ApprovalKind,
  type ConstructionType,
  type KeyLevel,
  type Phase,
  type Stage,
  type StatsEntryStatus,
} from '../../domain/project/project.ts';
import type { Session } from '../hooks/session.tsx';
import type { I18n } from '../i18n.tsx';
import { groupDigits, wanWithUnit } from './format.ts';

const MONEY_FIELDS = new Set(['totalInvestment', 'completedBefore', 'annualPlan', 'completed']);

/** A stored value of a project field or year figure as text: money in 万元, codes as their labels, ids as names. */
export function fieldValue(i18n: I18n, session: Session, name: string, value: string | null): string {
  if (value === null || value === '') return i18n.t('common.empty');
  if (MONEY_FIELDS.has(name)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? wanWithUnit(n, i18n.lang) : value;
  }
  switch (name) {
    case 'phase':
      return PHASES.includes(value as Phase) ? i18n.phase(value as Phase) : value;
    case 'stage':
      return STAGES.includes(value as Stage) ? i18n.stage(value as Stage) : value;
    case 'constructionType':
      return CONSTRUCTION_TYPES.includes(value as ConstructionType) ? i18n.constructionType(value as ConstructionType) : value;
    case 'statsEntry':
      return STATS_ENTRY_STATUSES.includes(value as StatsEntryStatus) ? i18n.statsEntry(value as StatsEntryStatus) : value;
    case 'approvalKind':
      return APPROVAL_KINDS.includes(value as ApprovalKind) ? i18n.approvalKind(value as ApprovalKind) : value;
    case 'townshipCode':
      return session.names.township(value);
    case 'unitId':
      return session.names.unit(value);
    case 'leaderId': // history written before a project could have several leaders
      return session.names.leader(value);
    case 'leaderIds':
      return value.split(',').map((id) => session.names.leader(id)).join('、');
    case 'keyLevel':
      return KEY_LEVELS.includes(value as KeyLevel) ? i18n.keyLevel(value as KeyLevel) : value;
    case 'industryCode':
      return industryText(value);
    case 'landAreaMu':
      return i18n.t('project.mu', { n: groupDigits(String(Number(value))) });
    default:
      return value;
  }
}

/** "26 化学原料和化学制品制造业" */
export function industryText(code: string | null): string {
  if (!code) return '—';
  const name = industryName(code);
  return name ? `${code} ${name}` : code;
}

/** 元 as 万元 with up to four decimals, so an amount typed in 万元 shows back exactly as typed. */
export function yuanToWanInput(yuan: number): number {
  return Number(formatMoney(yuan, '万元', 4));
}
