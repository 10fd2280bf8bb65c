// The password rule (等保 2.0 level 3 practice): long enough, three kinds of character, not a common password, not the
// username; and capped, so hashing a password costs the same whatever someone posts.

import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
/** Longer input is refused before it is hashed (sign-in included): scrypt's cost grows with it. */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/** The rule in one sentence, for a form's hint and the command's --help. */
export const PASSWORD_RULE_TEXT = `至少${PASSWORD_MIN_LENGTH}位，含大写字母、小写字母、数字、符号中的至少${PASSWORD_MIN_CLASSES}类，不能是常见密码或包含用户名`;

/** How many of the four kinds of character (upper case, lower case, digits, others) a password uses. */
export function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

// Digits and symbols people swap for letters: P@ssw0rd is password.
const LOOKALIKES: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/** The forms of a password checked against the common list: as typed, its core without surrounding digits and symbols, and both with look-alikes read as letters. */
function commonForms(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const letters = (s: string) => s.replace(/[@4013!$57]/g, (ch) => LOOKALIKES[ch] ?? ch);
  const readCore = letters(lower).replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [lower, core, letters(lower), readCore].filter((s) => s.length > 0);
}

export function isCommonPassword(password: string): boolean {
  return commonForms(password).some((form) => COMMON_PASSWORDS.has(form));
}

/**
 * Why a password may not be set, or null when it may. The same words in the API, the command line and the forms.
 * @example passwordProblem('Admin@123') === '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个'
 */
export function passwordProblem(password: string, context: { username?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}位`;
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) return `密码须包含大写字母、小写字母、数字、符号中的至少${PASSWORD_MIN_CLASSES}类`;
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) return '密码不能包含用户名';
  if (isCommonPassword(password)) return '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个';
  return null;
}
