// The one error handler: typed codes to HTTP statuses, one JSON shape { error: { code, message, details } }.

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BUSY_RETRY_SECONDS, busyError, isAppError, type ErrorCode } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'invalid_input':
      return 422;
    case 'invalid_usage':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'busy':
      return 503;
    case 'too_many_requests':
      return 429;
    default: {
      const never: never = code;
      return never;
    }
  }
}

export function errorBody(code: string, message: string, details: unknown[] = []) {
  return { error: { code, message, details } };
}

export function handleError(err: Error, c: Context<AppEnv>) {
  const known = isAppError(err) ? err : busyError(err);
  if (known) {
    if (known.code === 'busy') c.header('Retry-After', String(BUSY_RETRY_SECONDS));
    // A lockout says when to come back, in the message for people and in Retry-After for programs.
    const retryAt = known.code === 'too_many_requests' ? known.details.find((d) => d.field === 'retryAt')?.message : undefined;
    if (retryAt) c.header('Retry-After', String(Math.max(1, Math.ceil((Date.parse(retryAt) - c.get('deps').now().getTime()) / 1000))));
    return c.json(errorBody(known.code, known.message, known.details), statusOf(known.code));
  }
  if (err instanceof HTTPException) return c.json(errorBody('invalid_usage', err.message || '请求无效'), err.status as ContentfulStatusCode);
  if (err instanceof SyntaxError) return c.json(errorBody('invalid_usage', '请求体不是有效的 JSON'), 400);
  console.error(`[${c.get('requestId') ?? '-'}]`, err);
  return c.json(errorBody('internal', '服务器内部错误，请稍后重试；如持续出现请联系管理员', []), 500);
}
