import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { departmentScopedPermissions, isDepartmentScoped } from './roles';

describe('isDepartmentScoped (per permission)', () => {
  it('takes each permission’s scope from the roles that grant it', () => {
    // A read-only role widens reading, never a write it does not grant (issue 9, finding 4).
    assert.equal(isDepartmentScoped(['reporter', 'leader'], 'data:write'), true);
    assert.equal(isDepartmentScoped(['reporter', 'viewer'], 'data:write'), true);
    assert.equal(isDepartmentScoped(['reporter', 'leader'], 'data:read'), false);
    assert.equal(isDepartmentScoped(['reporter'], 'data:read'), true);
    assert.equal(isDepartmentScoped(['reporter', 'supervisor'], 'task:write'), false);
    assert.equal(isDepartmentScoped(['dept_head', 'viewer'], 'data:approve'), true);
    assert.equal(isDepartmentScoped(['viewer'], 'data:write'), false);
  });

  it('lists the scoped permissions of a role mix', () => {
    assert.deepEqual([...departmentScopedPermissions(['reporter', 'leader'])].sort(), [
      'data:write',
      'task:write',
    ]);
    assert.deepEqual([...departmentScopedPermissions(['admin'])], []);
  });
});
