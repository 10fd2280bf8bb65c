// The refusal a piece of work ends in, for tests that check a refusal's code, message or fields.

import { isAppError, type AppError } from '../../src/domain/errors.ts';

/** The AppError the work was refused with; fails the test when the work was accepted or failed otherwise. */
export async function refused(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('the action was accepted');
}
