// Sessions for the bench's clients, straight into the table as signIn stores them (the token's SHA-256): a burst of
// hundreds of clients starts without hundreds of scrypt checks, or the sign-in limiter taking them for an attack.

import { createHash, randomBytes } from 'node:crypto';
import { insertSession } from '../../src/db/repositories/user.repository.ts';
import type { Db } from '../../src/db/transaction.ts';

export async function openSession(db: Db, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + 86_400_000).toISOString();
  await insertSession(db, createHash('sha256').update(token).digest('hex'), userId, now.toISOString(), expires);
  return token;
}
