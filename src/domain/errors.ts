// Typed application errors: a stable code for scripts, a Chinese message for people, details for forms.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unauthenticated',
  'forbidden',
  'conflict',
  'too_large',
  'invalid_usage',
  'too_many_requests',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, as a form shows it next to the field. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[];

  constructor(code: ErrorCode, message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** A refusal of input that names the fields at fault, e.g. "总投资不能为负数". */
export function invalidInput(details: FieldIssue[], message?: string): AppError {
  const text = message ?? details.map((d) => d.message).join('；');
  return new AppError('invalid_input', text, details);
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what}不存在`);
}

export function forbidden(message = '没有权限执行此操作'): AppError {
  return new AppError('forbidden', message);
}

export function unauthenticated(message = '请先登录'): AppError {
  return new AppError('unauthenticated', message);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
