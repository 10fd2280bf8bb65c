// Every request body a route may read (a write's) is limited while it streams, so no caller — signed in or not — makes
// the server hold more than a route takes: a declared length over the limit is refused before a byte is read, and a
// body sent without one (chunked) is counted as it arrives and refused at the first byte past the limit. The sizes
// live here and in the rules they come from (LEDGER_MAX_BYTES, EVIDENCE_MAX_BYTES); the handler checks the file's own
// size again.

import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { EVIDENCE_MAX_BYTES } from '../../domain/round/evidence.ts';
import { AppError } from '../../domain/errors.ts';
import { LEDGER_MAX_BYTES } from '../../services/import-ledger.ts';
import type { AppEnv } from '../env.ts';

/** The largest JSON (or other non-upload) body any route takes: the biggest form is a few kilobytes. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** What a multipart body may add around its file (boundaries, part headers, the other fields). */
const MULTIPART_SLACK_BYTES = 1024 * 1024;

/** The largest upload any route takes: a multipart body beyond it is refused before its route is even reached. */
const UPLOAD_MAX_BYTES = Math.max(LEDGER_MAX_BYTES, EVIDENCE_MAX_BYTES);

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The 413 of an upload over its limit, named on the form's `file` field. */
export function tooLarge(message: string): AppError {
  return new AppError('too_large', message, [{ field: 'file', message }]);
}

/**
 * A route's own upload limit, counted while the body streams.
 * @param maxBytes the largest file taken
 * @param slackBytes what a multipart body may add around the file (boundaries, headers, other fields)
 */
export function refuseLargeUpload(maxBytes: number, message: string, slackBytes = MULTIPART_SLACK_BYTES) {
  return bodyLimit({
    maxSize: maxBytes + slackBytes,
    onError: () => {
      throw tooLarge(message);
    },
  });
}

const jsonLimit = bodyLimit({
  maxSize: JSON_BODY_MAX_BYTES,
  onError: () => {
    throw new AppError('too_large', `请求内容过大，不能超过 ${megabytes(JSON_BODY_MAX_BYTES)}`);
  },
});

const uploadLimit = refuseLargeUpload(UPLOAD_MAX_BYTES, `文件过大，不能超过 ${megabytes(UPLOAD_MAX_BYTES)}`);

/**
 * The limit of every /api request: an upload (multipart) up to the largest file any route takes, where the route's own
 * {@link refuseLargeUpload} may take less; any other body up to {@link JSON_BODY_MAX_BYTES}.
 */
export const limitEveryBody = createMiddleware<AppEnv>(async (c, next) => {
  // A read has no body a route would take, and none is read. Asking for it (as the limit does) makes @hono/node-server
  // build the whole standard Request it otherwise never needs, on every page's every call.
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const multipart = /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');
  return (multipart ? uploadLimit : jsonLimit)(c, next);
});
