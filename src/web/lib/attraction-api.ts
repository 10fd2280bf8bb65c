// The attraction calls through the typed client: funnel, targets, leads and their life, batches, news candidates; the
// leads ledger download.
import { call, client, queryString } from '../api.ts';
import { downloadFile } from './ledger-files.ts';

type LeadCreateBody = Parameters<typeof client.leads.$post>[0]['json'];
type LeadPatchBody = Parameters<(typeof client.leads)[':id']['$patch']>[0]['json'];
type MoveBody = Parameters<(typeof client.leads)[':id']['moves']['$post']>[0]['json'];
type FollowUpBody = Parameters<(typeof client.leads)[':id']['follow-ups']['$post']>[0]['json'];
type ConvertBody = Parameters<(typeof client.leads)[':id']['convert']['$post']>[0]['json'];
type TargetsBody = Parameters<typeof client.attraction.targets.$put>[0]['json'];
type BatchBody = Parameters<typeof client.batches.$post>[0]['json'];
type AcceptBody = Parameters<(typeof client.news.candidates)[':id']['accept']['$post']>[0]['json'];

export const attractionApi = {
  funnel: (region: string, year: number) => call(client.attraction.funnel.$get({ query: { region, year: String(year) } })),
  readTargets: (region: string, year: number, text: string) => call(client.attraction.targets.read.$post({ json: { region, year, text } })),
  confirmTargets: (json: TargetsBody) => call(client.attraction.targets.$put({ json })),
  leads: (region: string) => call(client.leads.$get({ query: { region } })),
  lead: (id: string) => call(client.leads[':id'].$get({ param: { id } })),
  create: (json: LeadCreateBody) => call(client.leads.$post({ json })),
  update: (id: string, json: LeadPatchBody) => call(client.leads[':id'].$patch({ param: { id }, json })),
  move: (id: string, json: MoveBody) => call(client.leads[':id'].moves.$post({ param: { id }, json })),
  followUp: (id: string, json: FollowUpBody) => call(client.leads[':id']['follow-ups'].$post({ param: { id }, json })),
  convert: (id: string, json: ConvertBody) => call(client.leads[':id'].convert.$post({ param: { id }, json })),
  batches: (region: string, year: number) => call(client.batches.$get({ query: { region, year: String(year) } })),
  createBatch: (json: BatchBody) => call(client.batches.$post({ json })),
  readNews: (region: string, text: string) => call(client.news.$post({ json: { region, text } })),
  candidates: (region: string, status?: 'pending' | 'accepted' | 'rejected') => call(client.news.candidates.$get({ query: { region, status } })),
  accept: (id: string, json: AcceptBody) => call(client.news.candidates[':id'].accept.$post({ param: { id }, json })),
  reject: (id: string) => call(client.news.candidates[':id'].reject.$post({ param: { id } })),
};

export type Funnel = Awaited<ReturnType<typeof attractionApi.funnel>>;
export type FunnelGroup = Funnel['byOrigin'][number];
export type LeadRow = Awaited<ReturnType<typeof attractionApi.leads>>['leads'][number];
export type LeadDetail = Awaited<ReturnType<typeof attractionApi.lead>>;
export type Batch = Awaited<ReturnType<typeof attractionApi.batches>>['batches'][number];
export type Candidate = Awaited<ReturnType<typeof attractionApi.candidates>>['candidates'][number];
export type TargetProposal = Awaited<ReturnType<typeof attractionApi.readTargets>>['proposals'][number];

/** Downloads the leads ledger of a region (.xlsx, 万元); it imports back. */
export function downloadLeads(region: string): Promise<string> {
  return downloadFile(`/leads/export${queryString({ region })}`, `招商引资项目台账-${region}.xlsx`);
}
