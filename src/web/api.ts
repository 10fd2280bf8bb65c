// The typed API client (generated from the server's route types) and the one place error JSON becomes a thrown ApiError.
import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../server/app.ts';

export const client = hc<AppType>('/api');

/** One problem with one field, as the server names it (e.g. 'totalInvestment', 'years.2021.annualPlan'). */
export interface FieldDetail {
  field: string;
  message: string;
}

/** A refused request: the server's stable code, its Chinese message and the fields at fault. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: FieldDetail[];

  constructor(status: number, code: string, message: string, details: FieldDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Fired when the session has ended, so the app can send the user back to the sign-in page from anywhere. */
export const SESSION_ENDED_EVENT = 'tiaodu:session-ended';

type Success<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 ? T : never) : never;

export function parseError(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details = Array.isArray(e?.details)
    ? e.details.filter((d): d is FieldDetail => typeof d?.field === 'string' && typeof d?.message === 'string')
    : [];
  const message = typeof e?.message === 'string' && e.message ? e.message : `请求失败（HTTP ${status}）`;
  return new ApiError(status, typeof e?.code === 'string' ? e.code : `http_${status}`, message, details);
}

/** Awaits a client call and returns its success body, or throws an ApiError carrying the server's code, message and details. */
export async function call<R extends ClientResponse<unknown, number, 'json' | 'text'>>(request: Promise<R>, opts: { signalSessionEnd?: boolean } = {}): Promise<Success<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (res.ok) return (await res.json()) as Success<R>;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A proxy's HTML error page: the status alone explains it.
  }
  if (res.status === 401 && opts.signalSessionEnd !== false) window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
  throw parseError(res.status, body);
}

/**
 * A request the typed client does not carry (multipart uploads, file downloads): the same ApiError on refusal,
 * the same sign-out on 401, and the Response itself on success.
 */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (res.ok) return res;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A proxy's HTML error page: the status alone explains it.
  }
  if (res.status === 401) window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
  throw parseError(res.status, body);
}

/** A query string from the set values only: blank filters are left out rather than sent as empty. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

type ListQueryInput = Parameters<typeof client.projects.$get>[0]['query'];
/** The ledger's query: filters, search, sort and page (the server coerces page numbers from the query string). */
export type ProjectListQuery = Omit<ListQueryInput, 'page' | 'pageSize' | 'poolOnly'> & { page?: number; pageSize?: number };

export type ProjectPatchBody = Parameters<(typeof client.projects)[':id']['$patch']>[0]['json'];

export const api = {
  login: (username: string, password: string) => call(client.auth.login.$post({ json: { username, password } }), { signalSessionEnd: false }),
  logout: () => call(client.auth.logout.$post(), { signalSessionEnd: false }),
  me: () => call(client.auth.me.$get(), { signalSessionEnd: false }),
  demoAccounts: () => call(client.auth['demo-accounts'].$get(), { signalSessionEnd: false }),
  counties: () => call(client.counties.$get()),
  countyContext: (code: string) => call(client.counties[':code'].context.$get({ param: { code } })),
  pool: (region: string, asOf: string) => call(client.pool.$get({ query: { region, asOf, breakdowns: 'true' } })),
  projects: (query: ProjectListQuery) => call(client.projects.$get({ query })),
  project: (id: string) => call(client.projects[':id'].$get({ param: { id } })),
  updateProject: (id: string, json: ProjectPatchBody) => call(client.projects[':id'].$patch({ param: { id }, json })),
  history: (id: string) => call(client.projects[':id'].history.$get({ param: { id } })),
};

export type User = Awaited<ReturnType<typeof api.me>>['user'];
export type DemoAccount = Awaited<ReturnType<typeof api.demoAccounts>>['accounts'][number];
export type CountyContext = Awaited<ReturnType<typeof api.countyContext>>;
export type PoolSummary = Awaited<ReturnType<typeof api.pool>>;
export type PoolBreakdownRow = NonNullable<PoolSummary['byTownship']>[number];
export type ProjectList = Awaited<ReturnType<typeof api.projects>>;
export type ProjectListRow = ProjectList['rows'][number];
export type ProjectDetail = Awaited<ReturnType<typeof api.project>>;
export type ProjectData = ProjectDetail['project'];
export type HistoryEntry = Awaited<ReturnType<typeof api.history>>['entries'][number];
