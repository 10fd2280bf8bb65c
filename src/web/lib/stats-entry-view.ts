// How 入库 reads to people: material names, flag and status colours.
import type { StatsEntryMaterial } from '../../domain/stats-entry/stats-entry.ts';
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
