// Turns a Zod failure into field issues a person can read, each naming its field in Chinese.

import type { z } from 'zod';
import { invalidInput, type FieldIssue } from './errors.ts';

/**
 * The words of one Zod issue for a person: a message that already speaks Chinese stands as it is (it names its
 * field itself, "当月完成投资必须是整数元"); otherwise the field's label, or its path, goes in front.
 */
export function issueMessage(issue: z.core.$ZodIssue, labels: Record<string, string> = {}): FieldIssue {
  const field = issue.path.map(String).join('.') || '(输入)';
  const head = String(issue.path[0] ?? '');
  const label = labels[field] ?? labels[head];
  const message = issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join('、')}` : issue.message;
  if (label) return { field, message: `${label}：${message}` };
  return { field, message: /[\u4e00-\u9fff]/.test(message) ? message : `${field}：${message}` };
}

/** Parses input with a schema, throwing an invalid_input error whose details name each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(result.error.issues.map((issue) => issueMessage(issue, labels)));
}
