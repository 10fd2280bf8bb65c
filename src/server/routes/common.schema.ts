// Schemas shared by the routes: the error shape and small reusable pieces.

import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_input' }),
      message: z.string().openapi({ example: '总投资不能为负数' }),
      details: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  401: { description: '未登录', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: '无权限', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: '不存在', content: { 'application/json': { schema: ErrorSchema } } },
  422: { description: '输入有误，details 逐项说明', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const RegionCodeParam = z.string().regex(/^\d{6}(\d{3})?$/).openapi({ example: '140423' });
/** A list's page: one shape and one bound for every paged route (a province's ledger is asked 500 rows at a time). */
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
};
export const MonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).openapi({ example: '2021-05' });

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
