// A service result as the API sends it: exactly the fields its response schema names, at every depth, so a row's
// internal fields never leave the server and the schema is, by construction, what the presenter outputs.

import { z } from '@hono/zod-openapi';

function pick(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return pick(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.map((v) => pick(schema.element as z.ZodType, v));
  if (schema instanceof z.ZodObject && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape)) if (key in source) out[key] = pick(field as z.ZodType, source[key]);
    return out;
  }
  return value;
}

/**
 * The API object of a value: the compiler checks the value has every field the schema promises, with its type; the
 * fields the schema does not name are left behind.
 * @example present(HistoryEntrySchema, { ...entry, projectId }) // the entry without projectId
 */
export function present<S extends z.ZodType>(schema: S, value: z.output<S>): z.output<S> {
  return pick(schema, value) as z.output<S>;
}
