// Turns a Zod failure into field issues a person can read, each naming its field in Chinese; and the bounds every input
// schema shares at the edge (amounts, areas, dates, text without control or direction-override characters).

import { z } from 'zod';
import { invalidInput, type FieldIssue } from './errors.ts';
import { cstParts, isDay, isMonth } from './months.ts';

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

/** Why a month 'YYYY-MM' is refused as input, or null: a real month in 1990–2100. */
export function monthRefusal(text: string): string | null {
  if (!isMonth(text)) return '月份应写作YYYY-MM';
  const year = Number(text.slice(0, 4));
  return year < FIRST_YEAR || year > LAST_YEAR ? `月份应在${FIRST_YEAR}年至${LAST_YEAR}年之间` : null;
}

/** A month 'YYYY-MM' in 1990–2100. */
export const monthInput = (label = '') =>
  z
    .string()
    .max(7, `${label}月份应写作YYYY-MM`)
    .superRefine((v, ctx) => {
      const refusal = monthRefusal(v);
      if (refusal) ctx.addIssue({ code: 'custom', message: `${label}${refusal}` });
    });

/** A day 'YYYY-MM-DD' in 1990–2100; `label` goes before the message ("阶段变化的日期"). */
export const dayInput = (label = '') =>
  z.string().max(10, `${label}不是有效日期（YYYY-MM-DD）`).superRefine((v, ctx) => {
    const refusal = dayRefusal(v);
    if (refusal) ctx.addIssue({ code: 'custom', message: `${label}${refusal}` });
  });

const YEAR_RANGE = `年份应在${FIRST_YEAR}年至${LAST_YEAR}年之间`;
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const INSTANT_FORM = '应为带时区的时间，如 2021-06-05T18:00:00+08:00';
/** An instant with its zone ('2021-06-05T18:00:00+08:00'), its day in China in 1990–2100: a deadline, a grace's end. */
export const instantInput = (label = '') =>
  z
    .string()
    .max(40, `${label}${INSTANT_FORM}`)
    .datetime({ offset: true, message: `${label}${INSTANT_FORM}` })
    .superRefine((v, ctx) => {
      if (!INSTANT_SHAPE.test(v)) return; // the format's own issue stands
      const refusal = dayRefusal(cstParts(v).day);
      if (refusal) ctx.addIssue({ code: 'custom', message: `${label}${refusal}` });
    });

/** A year 1990–2100. */
export const yearInput = () => z.number('应为年份').int('应为年份').min(FIRST_YEAR, YEAR_RANGE).max(LAST_YEAR, YEAR_RANGE);
/** A year 1990–2100 given as text (a query, a form field, a command's option). */
export const yearQuery = () => z.coerce.number('应为年份').int('应为年份').min(FIRST_YEAR, YEAR_RANGE).max(LAST_YEAR, YEAR_RANGE);

/**
 * A figure of an indicator in its unit (元, 家, 元/人, 元/亩), or a cap, a threshold: |figure| ≤ 10^15, which holds
 * every county's and province's figure and stays a safe integer and within PostgreSQL's bigint.
 */
export const MAX_FIGURE = MAX_YUAN;
/** A rate as a fraction (growth, share, ratio): within ±100 (±10000%), beyond any real growth rate, refusing 1e308. */
export const MAX_RATE = 100;
export const rateInput = (label = '') =>
  z
    .number({ error: `${label}应为小数（14.8%写作0.148）` })
    .min(-MAX_RATE, `${label}超出范围（-10000%至10000%）`)
    .max(MAX_RATE, `${label}超出范围（-10000%至10000%）`);
/** A figure in an indicator's unit, or a growth target as a fraction: finite, |figure| ≤ 10^15. */
export const figureInput = (label = '') =>
  z
    .number({ error: `${label}应为数字` })
    .min(-MAX_FIGURE, `${label}超出范围（绝对值不超过10^15）`)
    .max(MAX_FIGURE, `${label}超出范围（绝对值不超过10^15）`);
/** Why a rate is refused, or null: the same bound as rateInput, for rules that check a figure themselves. */
export function rateRefusal(rate: number): string | null {
  return Number.isFinite(rate) && Math.abs(rate) <= MAX_RATE ? null : '超出范围（-10000%至10000%）';
}
/** Why a figure is refused, or null: a whole number within ±10^15. */
export function figureRefusal(value: number): string | null {
  return Number.isSafeInteger(value) && Math.abs(value) <= MAX_FIGURE ? null : '应为整数，绝对值不超过10^15';
}
/** A number from `min` to `max` (a ratio, a multiple). */
export const numberBetween = (min: number, max: number, label = '') =>
  z
    .number({ error: `${label}应为数字` })
    .min(min, `${label}应在${min}至${max}之间`)
    .max(max, `${label}应在${min}至${max}之间`);
/** A whole number from `min` to `max`: a day of a month, an hour, a count of days, a rank. */
export const wholeNumber = (min: number, max: number, label = '') => numberBetween(min, max, label).int(`${label}应为整数`);
/** The version a client read, sent back to catch a concurrent edit. */
export const versionInput = () => wholeNumber(1, 2_147_483_647, '版本号');
/** The id of an object (a UUID; older ids up to 64 characters), with nothing that is not plain text. */
export const idInput = (label = '') => plainText(64, { label }).min(1, `${label}不能为空`);

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

/**
 * Trimmed text of at most `max` characters with no control or direction-override character; `label` prefixes messages.
 * `keepSpaces` leaves the ends as typed, for a piece of a paragraph or an indented opening.
 */
export const plainText = (max: number, opts: { multiline?: boolean; label?: string; keepSpaces?: boolean } = {}) =>
  (opts.keepSpaces ? z.string() : z.string().trim())
    .max(max, `${opts.label ?? ''}不能超过${max}个字`)
    .superRefine((v, ctx) => {
      const refusal = textRefusal(v, opts.multiline);
      if (refusal) ctx.addIssue({ code: 'custom', message: `${opts.label ?? ''}${refusal}` });
    });

/** plainText that may be null, an empty string read as null. */
export const optionalPlainText = (max: number, opts: { multiline?: boolean; label?: string; keepSpaces?: boolean } = {}) =>
  plainText(max, opts)
    .nullable()
    .transform((v) => (v === '' ? null : v));
