// How commands speak: one JSON document on stdout with --json, messages on stderr, exit 0 / 1 refused / 2 misuse.

import { busyError, isAppError } from '../domain/errors.ts';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Reports an error as a person reads it and returns the exit status it deserves. */
export function reportError(error: unknown): number {
  const e = busyError(error) ?? error;
  if (isAppError(e)) {
    say(`错误：${e.message}`);
    for (const d of e.details) if (!e.message.includes(d.message)) say(`  - ${d.field}：${d.message}`);
    return e.code === 'invalid_usage' ? EXIT_USAGE : EXIT_REFUSED;
  }
  say(`错误：${e instanceof Error ? e.message : String(e)}`);
  return EXIT_REFUSED;
}
