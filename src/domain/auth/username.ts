// Usernames: one spelling per person whatever case or width they type it in, and the shape a new one must have.

/** Letters, digits and _ . -, 3 to 40 of them, stored in lower case. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,40}$/;

/**
 * The one spelling of a username: full-width letters (typed with a Chinese input method) become ASCII,
 * surrounding spaces go, and case does not count.
 * @example normaliseUsername(' ＧＨ-Li ') === 'gh-li'
 */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** Why a (normalised) username cannot be given to a new account, or null when it can. */
export function usernameProblem(username: string): string | null {
  if (!/^[a-z0-9_.-]*$/.test(username)) return '用户名只能用字母、数字和 _ . -';
  if (!USERNAME_PATTERN.test(username)) return '用户名应为3-40位';
  return null;
}
