// Presenters send exactly what the response schema names, at every depth: a row's other fields stay on the server.
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { present } from '../../src/server/presenters/present.ts';
import { HistoryEntrySchema } from '../../src/server/routes/projects.schema.ts';

describe('present', () => {
  it('leaves out what the schema does not name, in objects, arrays and nullable parts', () => {
    const Schema = z.object({
      id: z.string(),
      items: z.array(z.object({ a: z.number() })),
      inner: z.object({ b: z.string() }).nullable(),
      gone: z.string().nullable().optional(),
    });
    const row = { id: 'x', secret: 'hash', items: [{ a: 1, internal: true }], inner: { b: 'y', extra: 2 } };
    expect(present(Schema, row)).toEqual({ id: 'x', items: [{ a: 1 }], inner: { b: 'y' } });
    expect(present(Schema, { ...row, inner: null })).toEqual({ id: 'x', items: [{ a: 1 }], inner: null });
  });

  it('sends a history entry without its project id', () => {
    const entry = { id: 'h1', projectId: 'p1', changedAt: '2021-06-04T02:00:00.000Z', userId: null, userName: null, field: 'stage', before: 'preparing', after: 'underway' };
    const { projectId: _dropped, ...sent } = entry;
    expect(present(HistoryEntrySchema, entry)).toEqual(sent);
  });
});
