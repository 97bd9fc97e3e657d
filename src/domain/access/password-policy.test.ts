import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword } from './password-policy';

describe('checkPassword', () => {
  it('refuses a password of spaces only, keeps spaces inside a passphrase (issue 9)', () => {
    assert.deepEqual(checkPassword(' '.repeat(8), new Set()), {
      ok: false,
      reason: 'must not be only spaces',
      code: 'password_blank',
    });
    assert.deepEqual(checkPassword('\u3000'.repeat(10), new Set()).ok, false);
    assert.deepEqual(checkPassword('correct horse battery', new Set()), { ok: true });
  });
});
