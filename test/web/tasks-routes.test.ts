/**
 * The web app's routes of task supervision: the named pages are matched before `/tasks/{id}`,
 * `/tasks/upload` is never read as a task code, and the 督查督办 entry shows for roles that may
 * read tasks only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { permissionsOf, type Role } from '../../src/domain/access/roles';
import { navItems } from '../../web/src/features/layout/navItems';
import { matchRoute } from '../../web/src/router';

describe('task supervision routes', () => {
  it('matches the pages before a task code', () => {
    assert.deepEqual(matchRoute('/tasks'), { page: 'tasks', view: 'board' });
    assert.deepEqual(matchRoute('/tasks/'), { page: 'tasks', view: 'board' });
    assert.deepEqual(matchRoute('/tasks/red'), { page: 'tasks', view: 'red' });
    assert.deepEqual(matchRoute('/tasks/review'), { page: 'tasks', view: 'review' });
    assert.deepEqual(matchRoute('/tasks/mine'), { page: 'tasks', view: 'mine' });
    assert.deepEqual(matchRoute('/tasks/assessments'), { page: 'tasks', view: 'assessments' });
    assert.deepEqual(matchRoute('/tasks/p5-a1-t1'), { page: 'tasks', view: 'task', id: 'p5-a1-t1' });
    assert.deepEqual(matchRoute('/tasks/%E4%BB%BB%E5%8A%A1'), { page: 'tasks', view: 'task', id: '任务' });
    assert.notDeepEqual(matchRoute('/tasks/upload'), { page: 'tasks', view: 'task', id: 'upload' });
    assert.equal(matchRoute('/tasks/p5-a1-t1/extra').page, 'not_found');
  });

  it('shows 督查督办 in the navigation to roles that read tasks', () => {
    const entries = (roles: Role[], signedIn = true) => {
      const granted = permissionsOf(roles);
      return navItems(signedIn, (p) => granted.has(p), null).map((i) => i.key);
    };
    for (const role of ['supervisor', 'reporter', 'dept_head', 'leader', 'viewer'] as Role[])
      assert.ok(entries([role]).includes('tasks'), role);
    assert.ok(!entries([], false).includes('tasks'), 'anonymous visitors');
    // Every district role reads tasks; the order puts the entry after the data pages.
    assert.deepEqual(entries(['reporter']).slice(0, 4), ['overview', 'cockpit', 'data', 'tasks']);
  });
});
