// The HTTP application: the API under /api (with its OpenAPI document) and the built web client.

import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { SESSION_POLICY } from '../domain/auth/session-policy.ts';
import { createRouter, type AppEnv, type ServerDeps } from './env.ts';
import { serveApiDocs } from './api-docs.ts';
import { errorBody, handleError } from './middleware/errors.ts';
import { sameOrigin } from './middleware/same-origin.ts';
import { limitEveryBody } from './middleware/upload-limit.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { poolRoutes } from './routes/pool.routes.ts';
import { ledgerExportRoutes } from './routes/ledger-export.routes.ts';
import { ledgerImportRoutes } from './routes/ledger-import.routes.ts';
import { projectRoutes } from './routes/projects.routes.ts';
import { regionRoutes } from './routes/regions.routes.ts';
import { roundRoutes } from './routes/rounds.routes.ts';
import { statsEntryRoutes } from './routes/stats-entry.routes.ts';
import { indicatorRoutes } from './routes/indicators.routes.ts';
import { attractionRoutes } from './routes/attraction.routes.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { calendarRoutes } from './routes/calendar.routes.ts';
import { documentRoutes } from './routes/documents.routes.ts';
import { supervisionRoutes } from './routes/supervision.routes.ts';
import { alertRoutes } from './routes/alerts.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';

function buildApi() {
  return createRouter().route('/', authRoutes).route('/', regionRoutes).route('/', poolRoutes).route('/', projectRoutes).route('/', ledgerExportRoutes).route('/', ledgerImportRoutes).route('/', roundRoutes).route('/', statsEntryRoutes).route('/', indicatorRoutes).route('/', attractionRoutes).route('/', adminRoutes).route('/', calendarRoutes).route('/', documentRoutes).route('/', supervisionRoutes).route('/', alertRoutes).route('/', auditRoutes);
}

/** The type the web client is generated from: `hc<AppType>('/api')`. */
export type AppType = ReturnType<typeof buildApi>;

export interface AppOptions extends Partial<ServerDeps> {
  db: ServerDeps['db'];
  /** The folder of the built web client; omitted in API-only tests. */
  webRoot?: string;
}

export function createApp(options: AppOptions) {
  const deps: ServerDeps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    sessionIdleMinutes: options.sessionIdleMinutes ?? SESSION_POLICY.defaultIdleMinutes,
    trustProxy: options.trustProxy ?? false,
  };
  const api = buildApi();
  api.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'tiaodu API', version: '0.1.0', description: '调度：项目库、台账、月报、指标、督办。金额为整数元，比率为小数，月份为 YYYY-MM。可能重发的写请求（如手机网络不稳时的月报提交）可带 Idempotency-Key 头：同一用户、同一键、同一请求，24 小时内只执行一次，重发得到第一次的结果（响应头 Idempotent-Replayed: true）。' } });

  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.onError(handleError);
  app.use('/api/*', sameOrigin);
  app.use('/api/*', limitEveryBody);
  serveApiDocs(app, '/api/docs');
  app.route('/api', api);
  app.all('/api/*', (c) => c.json(errorBody('not_found', `没有这个接口：${c.req.method} ${c.req.path}`), 404));

  if (options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html'))) serveWebClient(app, options.webRoot);
  return app;
}

// Vite names each file under /assets/ by its content's hash: a name is never reused for other content.
const FOREVER = 'public, max-age=31536000, immutable';
// The page that names them is asked for anew each time (a 304 when unchanged), so a release reaches people at once.
const REVALIDATE = 'no-cache';

/**
 * The built web client: the files Vite wrote, each sent as the brotli or gzip copy written beside it at build time when
 * the browser accepts one, with headers that let a browser keep the hashed assets for good; every other path is the
 * single page's own route (/projects/…, /rounds/…) and gets its page.
 */
function serveWebClient(app: Hono<AppEnv>, webRoot: string): void {
  const root = path.relative(process.cwd(), webRoot) || '.';
  const index = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  app.use(
    '/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (file, c) => {
        c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? FOREVER : REVALIDATE);
        // A cache between the server and the browser must keep one copy per encoding, also of the plain one.
        if (!c.res.headers.get('Vary')) c.header('Vary', 'Accept-Encoding');
      },
    }),
  );
  // An asset of an earlier release is gone, not a page: the page would reach a script as HTML.
  app.get('/assets/*', (c) => c.text('Not Found', 404));
  app.get('*', (c) => {
    c.header('Cache-Control', REVALIDATE);
    return c.html(index);
  });
}
