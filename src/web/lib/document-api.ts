// The documents' calls through the typed client (draft, editions, template) and the files' paths (.docx, PDF, the
// first page's preview, the dispatch pack).
import { call, client, queryString } from '../api.ts';

type SaveBody = Parameters<typeof client.documents.editions.$post>[0]['json'];
type TemplateBody = Parameters<typeof client.documents.template.$put>[0]['json'];

export const documentApi = {
  draft: (region: string, asOf: string, serial?: string) => call(client.documents.summary.$get({ query: { region, asOf, ...(serial ? { serial } : {}) } })),
  editions: (region: string, asOf: string) => call(client.documents.editions.$get({ query: { region, asOf } })),
  edition: (id: string) => call(client.documents.editions[':id'].$get({ param: { id } })),
  save: (json: SaveBody) => call(client.documents.editions.$post({ json })),
  template: (region: string) => call(client.documents.template.$get({ query: { region } })),
  saveTemplate: (json: TemplateBody) => call(client.documents.template.$put({ json })),
};

export type DraftedDocument = Awaited<ReturnType<typeof documentApi.draft>>;
export type DocBlock = DraftedDocument['content']['blocks'][number];
export type DocFigureView = DraftedDocument['content']['figures'][number];
export type EditionView = Awaited<ReturnType<typeof documentApi.edition>>;
export type EditionSummaryView = EditionView['edition'];
export type MovedFigureView = EditionView['moved'][number];
export type DocumentTemplateView = Awaited<ReturnType<typeof documentApi.template>>;
export type SaveEditionBody = SaveBody;

/** The path of the summary's file (docx, pdf, or the first page as png), of an edition when given. */
export function summaryFilePath(q: { region: string; asOf: string; format: 'docx' | 'pdf' | 'png'; edition?: string | null; serial?: string }): string {
  return `/documents/summary/file${queryString({ region: q.region, asOf: q.asOf, format: q.format, edition: q.edition ?? undefined, serial: q.serial })}`;
}

/** The path of the dispatch pack's file. */
export function packFilePath(q: { region: string; asOf: string; format: 'docx' | 'xlsx' | 'pdf'; period: 'week' | 'month' }): string {
  return `/documents/pack/file${queryString(q)}`;
}
