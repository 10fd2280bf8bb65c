// The indicator calls through the typed client (metrics, sub-regions against 时序进度, sentences, values, targets, plan
// curves, the target reader), the values sheet's upload (multipart, outside the typed client) and its download.
import type { InferResponseType } from 'hono/client';
import { ApiError, call, client, queryString, send } from '../api.ts';
import { downloadFile } from './ledger-files.ts';

type SaveValuesBody = Parameters<typeof client.indicators.values.$put>[0]['json'];
type ConfirmTargetsBody = Parameters<typeof client.indicators.targets.$post>[0]['json'];
type ValuesQuery = Parameters<typeof client.indicators.values.$get>[0]['query'];

export const indicatorApi = {
  report: (region: string, asOf: string) => call(client.indicators.$get({ query: { region, asOf } })),
  catalogue: () => call(client.indicators.catalogue.$get()),
  standing: (region: string, asOf: string) => call(client.indicators.standing.$get({ query: { region, asOf } })),
  sentences: (region: string, asOf: string) => call(client.indicators.sentences.$get({ query: { region, asOf } })),
  values: (query: ValuesQuery) => call(client.indicators.values.$get({ query })),
  saveValues: (json: SaveValuesBody) => call(client.indicators.values.$put({ json })),
  targets: (region: string, year: number) => call(client.indicators.targets.$get({ query: { region, year: String(year) } })),
  planCurves: (region: string, year: number) => call(client.indicators['plan-curves'].$get({ query: { region, year: String(year) } })),
  readTargets: (region: string, year: number, text: string) => call(client.indicators.targets.read.$post({ json: { region, year, text } })),
  confirmTargets: (json: ConfirmTargetsBody) => call(client.indicators.targets.$post({ json })),
};

export type IndicatorReport = Awaited<ReturnType<typeof indicatorApi.report>>;
export type IndicatorItem = IndicatorReport['indicators'][number];
export type IndicatorCatalogue = Awaited<ReturnType<typeof indicatorApi.catalogue>>['indicators'];
export type StandingReport = Awaited<ReturnType<typeof indicatorApi.standing>>;
export type IndicatorStanding = StandingReport['standings'][number];
export type SentenceReport = Awaited<ReturnType<typeof indicatorApi.sentences>>;
export type IndicatorSentence = SentenceReport['sentences'][number];
export type SentencePart = IndicatorSentence['parts'][number];
export type IndicatorValueRow = Awaited<ReturnType<typeof indicatorApi.values>>['values'][number];
export type PlanCurveRow = Awaited<ReturnType<typeof indicatorApi.planCurves>>['curves'][number];
export type TargetProposal = Awaited<ReturnType<typeof indicatorApi.readTargets>>['proposals'][number];
export type ValueInput = SaveValuesBody['values'][number];

/** What the importer read from a values sheet, row by row; written only when committed. */
export type IndicatorImportReport = InferResponseType<typeof client.indicators.import.$post, 200>;
export type IndicatorImportRow = IndicatorImportReport['rows'][number];

/** Sends a values sheet (指标, 地区代码, 月份, 累计值, 单位, 官方增速(%)): a preview when commit is false, the import when true. */
export async function importIndicatorSheet(file: File, opts: { region: string; skipInvalid: boolean; commit: boolean }): Promise<IndicatorImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = queryString({ region: opts.region, skipInvalid: opts.skipInvalid, commit: opts.commit });
  try {
    const res = await send(`/indicators/import${query}`, { method: 'POST', body: form });
    return (await res.json()) as IndicatorImportReport;
  } catch (e) {
    if (e instanceof ApiError && e.status === 413 && e.code === 'http_413') throw new ApiError(413, 'too_large', '文件太大，不能超过 20 MB', e.details);
    throw e;
  }
}

/** Downloads the values sheet of a region and the regions under it for a year (it imports back unchanged). */
export function downloadIndicatorSheet(region: string, year: number): Promise<string> {
  return downloadFile(`/indicators/export${queryString({ region, year })}`, `指标-${region}-${year}.xlsx`);
}
