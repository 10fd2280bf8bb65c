// The monthly round's calls through the typed client (rounds, reports, review, corrections, scoreboard, notices), the evidence upload and the round's Excel export.
import { call, client, send } from '../api.ts';
import { downloadFile } from './ledger-files.ts';
import { idempotencyHeaders } from './idempotency.ts';

type OpenRoundBody = Parameters<typeof client.rounds.$post>[0]['json'];
type ReportListQuery = Parameters<(typeof client.rounds)[':id']['reports']['$get']>[0]['query'];
export type ReportBody = Parameters<(typeof client.reports)[':id']['$put']>[0]['json'];
type CorrectionQuery = Parameters<typeof client.corrections.$get>[0]['query'];
type SettingsBody = Parameters<(typeof client)['round-settings']['$put']>[0]['json'];
type ExtendBody = Parameters<(typeof client.rounds)[':id']['deadline']['$post']>[0]['json'];
type ReopenBody = Parameters<(typeof client.rounds)[':id']['units'][':unitId']['reopen']['$post']>[0]['json'];

export const roundApi = {
  rounds: (region: string) => call(client.rounds.$get({ query: { region } })),
  open: (json: OpenRoundBody) => call(client.rounds.$post({ json })),
  round: (id: string) => call(client.rounds[':id'].$get({ param: { id } })),
  close: (id: string) => call(client.rounds[':id'].close.$post({ param: { id } })),
  reports: (id: string, query: ReportListQuery = {}) => call(client.rounds[':id'].reports.$get({ param: { id }, query })),
  approveUnit: (id: string, unitId: string) => call(client.rounds[':id'].units[':unitId'].approve.$post({ param: { id, unitId } })),
  scoreboard: (id: string) => call(client.rounds[':id'].scoreboard.$get({ param: { id } })),
  report: (id: string) => call(client.reports[':id'].$get({ param: { id } })),
  // A phone on a bad network may send these twice: the key makes the second get the first's answer.
  save: (id: string, json: ReportBody) => call(client.reports[':id'].$put({ param: { id }, json }, { headers: idempotencyHeaders(id, 'save', json) })),
  submit: (id: string, json: ReportBody) => call(client.reports[':id'].submit.$post({ param: { id }, json }, { headers: idempotencyHeaders(id, 'submit', json) })),
  approve: (id: string) => call(client.reports[':id'].approve.$post({ param: { id } })),
  sendBack: (id: string, reason: string) => call(client.reports[':id'].return.$post({ param: { id }, json: { reason } })),
  requestCorrection: (id: string, completedMonth: number, reason: string) => call(client.reports[':id'].corrections.$post({ param: { id }, json: { completedMonth, reason } })),
  corrections: (query: CorrectionQuery = {}) => call(client.corrections.$get({ query })),
  decideCorrection: (id: string, approve: boolean, note: string | null) => call(client.corrections[':id'].decision.$post({ param: { id }, json: { approve, note } })),
  notices: () => call(client.notices.$get()),
  settings: (region: string) => call(client['round-settings'].$get({ query: { region } })),
  saveSettings: (json: SettingsBody) => call(client['round-settings'].$put({ json })),
  extend: (id: string, json: ExtendBody) => call(client.rounds[':id'].deadline.$post({ param: { id }, json })),
  reopen: (id: string, unitId: string, json: ReopenBody) => call(client.rounds[':id'].units[':unitId'].reopen.$post({ param: { id, unitId }, json })),
  relock: (id: string, unitId: string) => call(client.rounds[':id'].units[':unitId'].relock.$post({ param: { id, unitId } })),
  currentMonth: (region: string) => call(client['current-month'].$get({ query: { region } })),
  pinCurrentMonth: (region: string, month: string | null) => call(client['current-month'].$put({ json: { region, month } })),
  myWork: () => call(client['my-work'].$get()),
};

export type RoundSummary = Awaited<ReturnType<typeof roundApi.round>>;
export type RoundReport = Awaited<ReturnType<typeof roundApi.reports>>['reports'][number];
export type ReportPageData = Awaited<ReturnType<typeof roundApi.report>>;
export type ReportFlag = RoundReport['flags'][number];
export type Scoreboard = Awaited<ReturnType<typeof roundApi.scoreboard>>;
export type ScoreRow = Scoreboard['rows'][number];
export type Correction = Awaited<ReturnType<typeof roundApi.corrections>>['corrections'][number];
export type Notice = Awaited<ReturnType<typeof roundApi.notices>>['notices'][number];
export type Attachment = ReportPageData['attachments'][number];
export type ReportStatus = RoundReport['status'];
export type StageEventCode = RoundReport['stageEvents'][number]['event'];
export type RoundSettingsData = Awaited<ReturnType<typeof roundApi.settings>>;
export type CurrentMonthData = Awaited<ReturnType<typeof roundApi.currentMonth>>;
export type Completeness = CurrentMonthData['openRounds'][number];
export type ReporterWork = Awaited<ReturnType<typeof roundApi.myWork>>;

/** A photo or document sent as the report's evidence (multipart, outside the typed client). */
export async function uploadEvidence(reportId: string, file: File): Promise<{ id: string; fileName: string; mimeType: string; size: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await send(`/reports/${encodeURIComponent(reportId)}/attachments`, { method: 'POST', body: form });
  return (await res.json()) as { id: string; fileName: string; mimeType: string; size: number };
}

/** Where a stored attachment is viewed (the session cookie goes with it, so an <img> can show it). */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

/** Downloads the round's figures as the server writes them (.xlsx); resolves to the file name. */
export function downloadRound(id: string, fallbackName: string): Promise<string> {
  return downloadFile(`/rounds/${encodeURIComponent(id)}/export`, fallbackName);
}
