// The monthly round as the API returns it: rounds, reports and corrections, each exactly its response schema.

import type { CorrectionView } from '../../db/repositories/round.repository.ts';
import type { OpenedRound, RoundSummary } from '../../services/round/rounds.ts';
import type { ReportDetail, ReportPage } from '../../services/round/reports.ts';
import { CorrectionSchema, OpenedRoundSchema, ReportPageSchema, ReportSchema, RoundSchema } from '../routes/rounds.schema.ts';
import { present } from './present.ts';

export const presentRound = (r: RoundSummary) => present(RoundSchema, r);
export const presentOpenedRound = (r: OpenedRound) => present(OpenedRoundSchema, r);
export const presentReport = (r: ReportDetail) => present(ReportSchema, r);
export const presentReportPage = (r: ReportPage) => present(ReportPageSchema, r);
export const presentCorrection = (c: CorrectionView) => present(CorrectionSchema, c);
