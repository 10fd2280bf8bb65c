// The HTTP application: the API under /api (with its OpenAPI document) and the built web client.

import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createRouter, type AppEnv, type ServerDeps } from './env.ts';
import { errorBody, handleError } from './middleware/errors.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { poolRoutes } from './routes/pool.routes.ts';
import { ledgerExportRoutes } from './routes/ledger-export.routes.ts';
import { ledgerImportRoutes } from './routes/ledger-import.routes.ts';
import { projectRoutes } from './routes/projects.routes.ts';
import { regionRoutes } from './routes/regions.routes.ts';
import { roundRoutes } from './routes/rounds.routes.ts';
import { statsEntryRoutes } from './routes/stats-entry.routes.ts';
import { indicatorRoutes } from './routes/indicators.routes.ts';
import { supervisionRoutes } from './routes/supervision.routes.ts';
import { alertRoutes } from './routes/alerts.routes.ts';

function buildApi() {
  return createRouter().route('/', authRoutes).route('/', regionRoutes).route('/', poolRoutes).route('/', projectRoutes).route('/', ledgerExportRoutes).route('/', ledgerImportRoutes).route('/', roundRoutes).route('/', statsEntryRoutes).route('/', indicatorRoutes).route('/', supervisionRoutes).route('/', alertRoutes);
}

/** The type the web client is generated from: `hc<AppType>('/api')`. */
export type AppType = ReturnType<typeof buildApi>;

export interface AppOptions extends Partial<ServerDeps> {
  db: ServerDeps['db'];
  /** The folder of the built web client; omitted in API-only tests. */
  webRoot?: string;
}

export function createApp(options: AppOptions) {
  const deps: ServerDeps = { db: options.db, now: options.now ?? (() => new Date()), demoRegion: options.demoRegion ?? null };
  const api = buildApi();
  api.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'tiaodu API', version: '0.1.0', description: '调度：项目库、台账、月报、指标、督办。金额为整数元，比率为小数，月份为 YYYY-MM。' } });
  api.get('/docs', swaggerUI({ url: '/api/openapi.json' }));

  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.onError(handleError);
  app.route('/api', api);
  app.all('/api/*', (c) => c.json(errorBody('not_found', `没有这个接口：${c.req.method} ${c.req.path}`), 404));

  if (options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html'))) {
    const root = path.relative(process.cwd(), options.webRoot) || '.';
    const index = fs.readFileSync(path.join(options.webRoot, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root }));
    // The client routes (/projects/…, /ledger) are the single page's own.
    app.get('*', (c) => c.html(index));
  }
  return app;
}
