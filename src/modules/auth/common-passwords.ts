/** The common-password list (Openwall's, shipped by Debian john-data), loaded once. */
import { readFileSync } from 'node:fs';
import { parseCommonPasswords } from '../../domain/access';

let cached: Set<string> | null = null;

export function commonPasswords(): Set<string> {
  cached ??= parseCommonPasswords(readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8'));
  return cached;
}
