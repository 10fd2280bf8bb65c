// Turns a Zod failure into field issues a person can read, each naming its field in Chinese; and the bounds every input
// schema shares at the edge (amounts, areas, dates, text without control or direction-override characters).

import { z } from 'zod';
import { invalidInput, type FieldIssue } from './errors.ts';
import { isDay } from './months.ts';

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

/** 10^15 元 (一千万亿元): beyond any county's figure, within a safe integer and PostgreSQL's bigint. */
export const MAX_YUAN = 10 ** 15;
/** 10^7 亩, several times a county's whole area. */
export const MAX_AREA_MU = 10_000_000;
/** The years a date or a year given as input may fall in: none of this work predates 1990 or plans past 2100. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** An amount in whole 元, |amount| ≤ 10^15; callers add `.min(0)` where a negative makes no sense. */
export const yuanAmount = (label = '') =>
  z
    .number({ error: `${label}应为数字（整数元）` })
    .int(`${label}必须是整数元`)
    .min(-MAX_YUAN, `${label}超出范围（绝对值不超过10^15元）`)
    .max(MAX_YUAN, `${label}超出范围（不超过10^15元）`);

/** An area in 亩: finite, not negative, at most 10^7. */
export const areaMu = () => z.number().finite('面积应为数字').min(0, '面积不能为负数').max(MAX_AREA_MU, `面积不能超过${MAX_AREA_MU}亩`);

/** Why a day 'YYYY-MM-DD' is refused as input, or null: a real date in 1990–2100. */
export function dayRefusal(text: string): string | null {
  if (!isDay(text)) return '不是有效日期（YYYY-MM-DD）';
  const year = Number(text.slice(0, 4));
  return year < FIRST_YEAR || year > LAST_YEAR ? `日期应在${FIRST_YEAR}年至${LAST_YEAR}年之间` : null;
}

/** A day 'YYYY-MM-DD' in 1990–2100; `label` goes before the message ("阶段变化的日期"). */
export const dayInput = (label = '') =>
  z.string().superRefine((v, ctx) => {
    const refusal = dayRefusal(v);
    if (refusal) ctx.addIssue({ code: 'custom', message: `${label}${refusal}` });
  });

/** A year 1990–2100. */
export const yearInput = () => z.number().int('应为年份').min(FIRST_YEAR, `年份应在${FIRST_YEAR}年至${LAST_YEAR}年之间`).max(LAST_YEAR, `年份应在${FIRST_YEAR}年至${LAST_YEAR}年之间`);

// C0 controls and DEL; the bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), which make
// "项目A\u202E价总" show reversed and a name read other than it is stored.
const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Why a text is refused as input, or null: no control character (tabs and line breaks allowed where the text has
 * several lines) and no bidi override or isolate.
 * @example textRefusal('王桥镇\u202E') // '不能含有控制字符或文字方向控制符'
 */
export function textRefusal(text: string, multiline = false): string | null {
  return (multiline ? CONTROL_BUT_LINES : CONTROL).test(text) || BIDI.test(text) ? '不能含有控制字符或文字方向控制符' : null;
}

/** Trimmed text of at most `max` characters with no control or direction-override character; `label` prefixes messages. */
export const plainText = (max: number, opts: { multiline?: boolean; label?: string } = {}) =>
  z
    .string()
    .trim()
    .max(max, `${opts.label ?? ''}不能超过${max}个字`)
    .superRefine((v, ctx) => {
      const refusal = textRefusal(v, opts.multiline);
      if (refusal) ctx.addIssue({ code: 'custom', message: `${opts.label ?? ''}${refusal}` });
    });

/** plainText that may be null, an empty string read as null. */
export const optionalPlainText = (max: number, opts: { multiline?: boolean; label?: string } = {}) =>
  plainText(max, opts)
    .nullable()
    .transform((v) => (v === '' ? null : v));
