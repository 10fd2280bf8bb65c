// How 入库 reads to people: material names, flag and status colours, and the project history's 入库 entries
// (statsEntry.on, statsEntry.materials.sitePhotos …) in words.
import { STATS_ENTRY_MATERIALS, type StatsEntryMaterial } from '../../domain/stats-entry/stats-entry.ts';
import type { FlagColour } from '../../domain/stats-entry/unentered-flag.ts';
import type { StatsEntryStatus } from '../../domain/project/project.ts';
import type { I18n } from '../i18n.tsx';

export function materialLabel(i18n: I18n, item: StatsEntryMaterial): string {
  return i18n.t(`se.material.${item}`);
}

/** antd tag colours of the flag. */
export const FLAG_TAG_COLOURS: Record<FlagColour, string> = { red: 'red', yellow: 'gold', green: 'green' };

export const STATUS_TAG_COLOURS: Record<StatsEntryStatus, string> = {
  none: 'default',
  preparing: 'processing',
  submitted: 'blue',
  entered: 'success',
  refused: 'error',
};

function isMaterial(v: string): v is StatsEntryMaterial {
  return (STATS_ENTRY_MATERIALS as readonly string[]).includes(v);
}

/** The 入库 part of a history field: 'on', 'reason', 'notes', or a material with or without '.note'. */
function parse(field: string): { kind: 'on' | 'reason' | 'notes' } | { kind: 'material' | 'materialNote'; item: StatsEntryMaterial } | null {
  if (field === 'statsEntry.on') return { kind: 'on' };
  if (field === 'statsEntry.reason') return { kind: 'reason' };
  if (field === 'statsEntry.notes') return { kind: 'notes' };
  const m = /^statsEntry\.materials\.(\w+)(\.note)?$/.exec(field);
  if (!m || !isMaterial(m[1]!)) return null;
  return { kind: m[2] ? 'materialNote' : 'material', item: m[1] };
}

/** "入库材料：施工合同" — or null when the field is not one of 入库's own. */
export function statsEntryFieldLabel(i18n: I18n, field: string): string | null {
  const f = parse(field);
  if (!f) return null;
  switch (f.kind) {
    case 'on':
      return i18n.t('se.history.on');
    case 'reason':
      return i18n.t('se.reason');
    case 'notes':
      return i18n.t('se.notes');
    case 'material':
      return `${i18n.t('se.materials')}${i18n.lang === 'zh' ? '：' : ': '}${materialLabel(i18n, f.item)}`;
    case 'materialNote':
      return `${i18n.t('se.materials')}${i18n.lang === 'zh' ? '：' : ': '}${materialLabel(i18n, f.item)}${i18n.lang === 'zh' ? '' : ' '}${i18n.t('se.history.note')}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

/** A stored value of a 入库 history field as text ("已备" for a ticked item), or null when the field is not one of 入库's. */
export function statsEntryFieldValue(i18n: I18n, field: string, value: string | null): string | null {
  const f = parse(field);
  if (!f) return null;
  if (value === null || value === '') return i18n.t('common.empty');
  if (f.kind === 'material') return value === 'true' ? i18n.t('se.history.done') : i18n.t('se.history.notDone');
  return value;
}
