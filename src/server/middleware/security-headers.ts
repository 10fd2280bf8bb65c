// The headers every answer carries so that a browser, not only the server, refuses what a government system must not
// do: run a script that came with data, be framed by another site, guess a download's type, leak its addresses.
import { secureHeaders } from 'hono/secure-headers';

/**
 * Scripts only from this server and never inline, so text that slipped into the page as markup cannot run; styles may
 * be inline because antd writes its own at run time; images also from data: and blob: (the favicon, charts saved as
 * images). The API docs page keeps to the same policy (src/server/api-docs.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  crossOriginEmbedderPolicy: false,
  xFrameOptions: 'DENY',
  // Not hono's no-referrer: under it a browser sends "Origin: null" even on the client's own POSTs, and the
  // cross-site check (middleware/same-origin.ts) needs the real one; same-origin still sends nothing to other sites.
  referrerPolicy: 'same-origin',
});
