// Turns a Zod failure into field issues a person can read, each naming its field in Chinese.

import type { z } from 'zod';
import { invalidInput, type FieldIssue } from './errors.ts';

/** Parses input with a schema, throwing an invalid_input error whose details name each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(输入)';
    const head = String(issue.path[0] ?? '');
    const label = labels[field] ?? labels[head] ?? field;
    const message = issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join('、')}` : issue.message;
    return { field, message: `${label}：${message}` };
  });
  throw invalidInput(details);
}
