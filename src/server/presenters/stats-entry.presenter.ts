// 入库 as the API returns it: a project's record and checklist, and the 开工未入库 list, each exactly its response schema.

import type { StatsEntryView, UnenteredList } from '../../services/stats-entry.ts';
import { StatsEntrySchema, UnenteredListSchema } from '../routes/stats-entry.schema.ts';
import { present } from './present.ts';

export const presentStatsEntry = (v: StatsEntryView) => present(StatsEntrySchema, v);
export const presentUnentered = (l: UnenteredList) => present(UnenteredListSchema, l);
