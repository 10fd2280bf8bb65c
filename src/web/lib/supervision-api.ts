// Supervision and alerts through the typed client: the board, an item and its steps, the 督办函, alerts, the reserve,
// 我的项目, a project's alerts, settings; evidence and the task sheet go as multipart, the ledger comes as a file.
import { call, client, queryString, send } from '../api.ts';
import { downloadFile } from './ledger-files.ts';

type BoardQuery = Parameters<typeof client.items.$get>[0]['query'];
type CreateBody = Parameters<typeof client.items.$post>[0]['json'];
type AssignBody = Parameters<(typeof client.items)[':id']['assign']['$post']>[0]['json'];
type NoteBody = Parameters<(typeof client.items)[':id']['progress']['$post']>[0]['json'];
type PlanBody = Parameters<(typeof client.items)[':id']['plan']['$post']>[0]['json'];
type ExtendBody = Parameters<(typeof client.items)[':id']['extend']['$post']>[0]['json'];
type EditBody = Parameters<(typeof client.items)[':id']['$patch']>[0]['json'];
type AlertQuery = Parameters<typeof client.alerts.$get>[0]['query'];
type SettingsBody = Parameters<(typeof client)['supervision-settings']['$put']>[0]['json'];

const param = (id: string) => ({ param: { id } });

export const supervisionApi = {
  board: (query: BoardQuery) => call(client.items.$get({ query })),
  create: (json: CreateBody) => call(client.items.$post({ json })),
  item: (id: string) => call(client.items[':id'].$get({ ...param(id), query: {} })),
  assign: (id: string, json: AssignBody) => call(client.items[':id'].assign.$post({ ...param(id), json })),
  receive: (id: string, json: NoteBody) => call(client.items[':id'].receive.$post({ ...param(id), json })),
  progress: (id: string, json: NoteBody) => call(client.items[':id'].progress.$post({ ...param(id), json })),
  plan: (id: string, json: PlanBody) => call(client.items[':id'].plan.$post({ ...param(id), json })),
  requestClose: (id: string, json: NoteBody) => call(client.items[':id']['request-close'].$post({ ...param(id), json })),
  close: (id: string, json: NoteBody) => call(client.items[':id'].close.$post({ ...param(id), json })),
  sendBack: (id: string, json: NoteBody) => call(client.items[':id'].return.$post({ ...param(id), json })),
  extend: (id: string, json: ExtendBody) => call(client.items[':id'].extend.$post({ ...param(id), json })),
  reopen: (id: string, json: NoteBody) => call(client.items[':id'].reopen.$post({ ...param(id), json })),
  instruct: (id: string, json: NoteBody) => call(client.items[':id'].instruct.$post({ ...param(id), json })),
  edit: (id: string, json: EditBody) => call(client.items[':id'].$patch({ ...param(id), json })),
  letter: (id: string) => call(client.letters[':id'].$get(param(id))),
  alerts: (query: AlertQuery) => call(client.alerts.$get({ query })),
  reserve: (region: string, asOf: string) => call(client.reserve.$get({ query: { region, asOf } })),
  myProjects: (asOf: string, leader?: string) => call(client['my-projects'].$get({ query: { asOf, leader } })),
  projectAlerts: (id: string, asOf: string) => call(client.projects[':id'].alerts.$get({ ...param(id), query: { asOf } })),
  setStartPlan: (id: string, year: number, month: string | null) => call(client.projects[':id']['start-plan'].$put({ ...param(id), json: { year, month } })),
  settings: (region: string, year: number) => call(client['supervision-settings'].$get({ query: { region, year: String(year) } })),
  saveSettings: (json: SettingsBody) => call(client['supervision-settings'].$put({ json })),
};

export type Board = Awaited<ReturnType<typeof supervisionApi.board>>;
export type Item = Board['items'][number];
export type ItemDetail = Awaited<ReturnType<typeof supervisionApi.item>>;
export type ItemEvent = ItemDetail['history'][number];
export type ItemAction = ItemDetail['actions'][number];
export type Letter = Awaited<ReturnType<typeof supervisionApi.letter>>;
export type AlertList = Awaited<ReturnType<typeof supervisionApi.alerts>>;
export type Alert = AlertList['alerts'][number];
export type Reserve = Awaited<ReturnType<typeof supervisionApi.reserve>>;
export type LeaderView = Awaited<ReturnType<typeof supervisionApi.myProjects>>;
export type ProjectAlerts = Awaited<ReturnType<typeof supervisionApi.projectAlerts>>;
export type SupervisionSettings = Awaited<ReturnType<typeof supervisionApi.settings>>;
export type { BoardQuery, CreateBody, SettingsBody };

/** A photo or document for a progress note or a close-out (multipart, outside the typed client). */
export async function uploadItemEvidence(itemId: string, file: File): Promise<{ id: string; fileName: string; mimeType: string; size: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await send(`/items/${encodeURIComponent(itemId)}/attachments`, { method: 'POST', body: form });
  return (await res.json()) as { id: string; fileName: string; mimeType: string; size: number };
}

export function itemAttachmentUrl(id: string): string {
  return `/api/item-attachments/${encodeURIComponent(id)}`;
}

/** Downloads a ledger of the board's view and filters (.xlsx); resolves to the file name. */
export function downloadItemLedger(query: BoardQuery, fallbackName: string): Promise<string> {
  return downloadFile(`/item-ledger${queryString({ ...query })}`, fallbackName);
}

/** Reads a task list into items (multipart); the report lists every refused row. */
export async function importTaskSheet(region: string, file: File, skipInvalid: boolean): Promise<{ committed: boolean; sheet: string; imported: number; rejected: { row: number; reason: string }[] }> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('region', region);
  form.append('skipInvalid', String(skipInvalid));
  const res = await send('/item-ledger/import', { method: 'POST', body: form });
  return (await res.json()) as { committed: boolean; sheet: string; imported: number; rejected: { row: number; reason: string }[] };
}
