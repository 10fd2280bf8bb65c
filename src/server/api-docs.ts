// The API's documentation page (Swagger UI), its script and styles served from the swagger-ui-dist package rather than
// a CDN: a county's intranet may reach no CDN, and the page lives under the same Content-Security-Policy as the rest
// (scripts from this server only, none inline), so its start-up is a file of its own too.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const DIST = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8' };

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>tiaodu API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/start.js"></script>
  </body>
</html>
`;
// validatorUrl null: the default would send the document to a public validator for a badge.
const START = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', validatorUrl: null });\n`;

/** Adds the documentation page at `${base}` (e.g. /api/docs) with its assets beneath it. */
export function serveApiDocs(app: Hono<AppEnv>, base: string): void {
  const cache = new Map<string, Buffer>();
  app.get(base, (c) => c.html(PAGE));
  app.get(`${base}/start.js`, (c) => c.body(START, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get(`${base}/:file`, (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let body = cache.get(file);
    if (!body) cache.set(file, (body = fs.readFileSync(path.join(DIST, file))));
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
