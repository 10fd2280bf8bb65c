// What every request carries through the server: the database, the clock and the signed-in actor.

import { OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '../domain/access.ts';
import { invalidInput } from '../domain/errors.ts';
import { issueMessage } from '../domain/validation.ts';
import type { Db } from '../db/transaction.ts';
import type { UserRow } from '../db/repositories/user.repository.ts';

export interface ServerDeps {
  db: Db;
  /** The clock, injected so tests control "now". */
  now: () => Date;
  /** Sessions end after this many minutes without a request (besides their absolute age). */
  sessionIdleMinutes: number;
  /** Behind a reverse proxy: X-Forwarded-For names the client's address and X-Forwarded-Proto whether it used HTTPS. */
  trustProxy: boolean;
}

export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    actor: Actor;
    user: UserRow;
    requestId: string;
  };
}

/** A router whose request validation failures become the one error shape, naming the fields. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalidInput(result.error.issues.map((i) => issueMessage(i)));
      }
    },
  });
}
