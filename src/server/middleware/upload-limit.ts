// Uploads over their size are refused from the declared length, before the body is read, so an oversized file is
// never held in memory; the handler checks the real size again, since a length can be left out.

import { createMiddleware } from 'hono/factory';
import { AppError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';

/** The 413 of an upload over its limit, named on the form's `file` field. */
export function tooLarge(message: string): AppError {
  return new AppError('too_large', message, [{ field: 'file', message }]);
}

/**
 * @param maxBytes the largest file taken
 * @param slackBytes what a multipart body may add around the file (boundaries, headers, other fields)
 */
export function refuseLargeUpload(maxBytes: number, message: string, slackBytes = 1024 * 1024) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (Number(c.req.header('content-length') ?? 0) > maxBytes + slackBytes) throw tooLarge(message);
    await next();
  });
}
