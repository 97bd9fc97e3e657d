/**
 * Password rules of SECURITY.md (ASVS V6.2): at least 8 characters (counted as code points, so
 * emoji and Chinese count once), at most 128, not a common password, no composition rules.
 * Pure: the list of common passwords is passed in.
 */
export const minPasswordLength = 8;
export const maxPasswordLength = 128;

/** A refusal's stable code (+ params) lets the web app word it in the user's language. */
export type PasswordCheck =
  { ok: true } | { ok: false; reason: string; code: string; params?: Record<string, number> };

function lengthRefused(
  bound: string,
  refusal: { code: string; params: { min: number } | { max: number } },
): PasswordCheck {
  const { params } = refusal;
  const limit = 'min' in params ? params.min : params.max;
  return { ok: false, reason: `${bound} ${limit} characters`, ...refusal };
}

export function checkPassword(
  password: string,
  common: ReadonlySet<string>,
  username?: string,
): PasswordCheck {
  const length = [...password].length;
  if (length < minPasswordLength)
    return lengthRefused('at least', { code: 'password_too_short', params: { min: minPasswordLength } });
  if (length > maxPasswordLength)
    return lengthRefused('at most', { code: 'password_too_long', params: { max: maxPasswordLength } });
  // Spaces count (passphrases), but a password of nothing else is no secret at all.
  if (password.trim() === '') return { ok: false, reason: 'must not be only spaces', code: 'password_blank' };
  if (common.has(password.toLowerCase()))
    return { ok: false, reason: 'too common: choose another', code: 'password_common' };
  if (username && password.toLowerCase() === username.toLowerCase()) {
    return { ok: false, reason: 'must differ from the user name', code: 'password_is_username' };
  }
  return { ok: true };
}

/** Parses the john-data list (one password a line, `#!comment` lines skipped). */
export function parseCommonPasswords(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#!comment'))
      .map((l) => l.trim().toLowerCase()),
  );
}
