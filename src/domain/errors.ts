// Typed application errors: a stable code for scripts, a Chinese message for people, details for forms.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unauthenticated',
  'forbidden',
  'conflict',
  'too_large',
  'invalid_usage',
  'busy',
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

/** Seconds a caller is asked to wait before retrying a write that found the database busy. */
export const BUSY_RETRY_SECONDS = 5;

// SQLite's busy and locked results, and PostgreSQL's lock timeout, serialization failure and deadlock: the database was
// held by another writer (an import, a backup, a migration) longer than the wait allowed. The write can simply be retried.
const BUSY_DRIVER_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED', '55P03', '40001', '40P01']);

/**
 * The error a driver's "busy" becomes: a clear "busy, retry" for the user instead of an internal error; null for any
 * other error. Drivers name the condition in `code` (better-sqlite3 'SQLITE_BUSY', pg SQLSTATE '55P03').
 */
export function busyError(e: unknown): AppError | null {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (!BUSY_DRIVER_CODES.has(code)) return null;
  return new AppError('busy', `数据库正忙（可能正在导入、备份或升级），请 ${BUSY_RETRY_SECONDS} 秒后重试；已填写的内容没有丢失`);
}
