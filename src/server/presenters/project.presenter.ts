// Projects as the API returns them: a ledger row, a project's page and its history, each exactly its response schema.

import type { HistoryEntry } from '../../db/repositories/project.repository.ts';
import type { ProjectDetail } from '../../services/get-project.ts';
import type { ProjectListRow } from '../../db/repositories/project.repository.ts';
import { HistoryEntrySchema, ProjectDetailSchema, ProjectListItemSchema } from '../routes/projects.schema.ts';
import { present } from './present.ts';

export const presentProjectRow = (r: ProjectListRow) => present(ProjectListItemSchema, r);
export const presentProjectDetail = (d: ProjectDetail) => present(ProjectDetailSchema, d);
export const presentHistoryEntry = (e: HistoryEntry & { userName: string | null }) => present(HistoryEntrySchema, e);
