// The audit trail through the typed client, and its export as a file.
import { call, client, queryString } from '../api.ts';
import { downloadFile } from './ledger-files.ts';

export type AuditQuery = NonNullable<Parameters<typeof client.audit.$get>[0]>['query'];

export const auditApi = {
  list: (query: AuditQuery) => call(client.audit.$get({ query })),
  export: (query: Omit<AuditQuery, 'page' | 'pageSize'>) => downloadFile(`/audit/export${queryString({ ...query })}`, '审计日志.xlsx'),
};

export type AuditPage = Awaited<ReturnType<typeof auditApi.list>>;
export type AuditRow = AuditPage['events'][number];
