import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedActions,
  stateAfterReportAccepted,
  stateAfterReportFiled,
  type TaskActor,
  type TaskState,
  taskActions,
  taskStates,
  transition,
  type TransitionRequest,
} from './index';

const lead: TaskActor = 'lead_department';
const sup: TaskActor = 'supervisor';
const due = '2026-12-31';

function requestOf(action: (typeof taskActions)[number]): TransitionRequest {
  if (action === 'request_extension') return { action, new_due: '2027-03-31', reason: '资金拨付滞后' };
  if (action === 'approve_extension') return { action, new_due: '2027-03-31' };
  return { action };
}

/** Every legal step: [from, action, actor, to]. Anything not listed must be refused. */
const legal: [TaskState, (typeof taskActions)[number], TaskActor, TaskState][] = [
  ['assigned', 'accept', lead, 'accepted'],
  ['assigned', 'decline', lead, 'returned'],
  ['returned', 'reassign', sup, 'assigned'],
  ['accepted', 'start', lead, 'in_progress'],
  ['returned', 'start', lead, 'in_progress'],
  ['accepted', 'request_completion', lead, 'completion_requested'],
  ['in_progress', 'request_completion', lead, 'completion_requested'],
  ['returned', 'request_completion', lead, 'completion_requested'],
  ['completion_requested', 'approve_completion', sup, 'completed'],
  ['completion_requested', 'return', sup, 'returned'],
  ['accepted', 'request_extension', lead, 'extension_requested'],
  ['in_progress', 'request_extension', lead, 'extension_requested'],
  ['returned', 'request_extension', lead, 'extension_requested'],
  ['extension_requested', 'approve_extension', sup, 'in_progress'],
  ['extension_requested', 'refuse_extension', sup, 'in_progress'],
  ['completed', 'reopen', sup, 'in_progress'],
];

void describe('task workflow', () => {
  for (const [from, action, actor, to] of legal) {
    void it(`${from} --${action} by ${actor}--> ${to}`, () => {
      assert.deepEqual(transition({ state: from, due }, requestOf(action), actor), {
        ok: true,
        state: to,
        ...(action === 'approve_extension' ? { due: '2027-03-31' } : {}),
      });
    });
  }

  void it('refuses every other (state, action) pair as a state conflict, with a bilingual reason', () => {
    let refused = 0;
    for (const state of taskStates) {
      for (const action of taskActions) {
        const actor = legal.find((l) => l[1] === action)?.[2] ?? lead;
        if (legal.some((l) => l[0] === state && l[1] === action)) continue;
        const r = transition({ state, due }, requestOf(action), actor);
        assert.equal(r.ok, false, `${state} ${action}`);
        if (!r.ok) {
          assert.equal(r.refusal, 'state');
          assert.match(r.reason, /不能.* \/ cannot/);
        }
        refused += 1;
      }
    }
    assert.equal(refused, taskStates.length * taskActions.length - legal.length);
  });

  void it('refuses the wrong actor before looking at the state', () => {
    const r = transition({ state: 'completion_requested', due }, { action: 'approve_completion' }, lead);
    assert.deepEqual(r, {
      ok: false,
      refusal: 'actor',
      reason: '只有督查室可以同意办结 / only the supervisor may approve completion',
    });
    const s = transition({ state: 'assigned', due }, { action: 'accept' }, sup);
    assert.equal(s.ok ? '' : s.refusal, 'actor');
  });

  const badExtensions: [string, TransitionRequest, RegExp][] = [
    [
      'a new date not after the due date',
      { action: 'request_extension', new_due: due, reason: 'x' },
      /须晚于/,
    ],
    [
      'a new date before it',
      { action: 'request_extension', new_due: '2026-06-30', reason: 'x' },
      /must be after/,
    ],
    [
      'a new date that is no date',
      { action: 'request_extension', new_due: '2027-02-30', reason: 'x' },
      /not a date/,
    ],
    ['no reason', { action: 'request_extension', new_due: '2027-03-31', reason: '  ' }, /needs a reason/],
  ];
  for (const [name, request, expected] of badExtensions) {
    void it(`refuses an extension request with ${name}`, () => {
      const r = transition({ state: 'in_progress', due }, request, lead);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.refusal, 'input');
        assert.match(r.reason, expected);
      }
    });
  }

  void it('approving an extension moves the due date', () => {
    const r = transition(
      { state: 'extension_requested', due },
      { action: 'approve_extension', new_due: '2027-06-30' },
      sup,
    );
    assert.deepEqual(r, { ok: true, state: 'in_progress', due: '2027-06-30' });
  });

  void it('lists the actions each actor may take', () => {
    assert.deepEqual(allowedActions('assigned', lead), ['accept', 'decline']);
    assert.deepEqual(allowedActions('assigned', sup), []);
    assert.deepEqual(allowedActions('completion_requested', sup), ['approve_completion', 'return']);
    assert.deepEqual(allowedActions('in_progress', lead), ['request_completion', 'request_extension']);
  });

  void it('reports move the state as CONTRACT.md says', () => {
    assert.equal(stateAfterReportFiled('assigned'), 'in_progress');
    assert.equal(stateAfterReportFiled('accepted'), 'in_progress');
    assert.equal(stateAfterReportFiled('extension_requested'), 'extension_requested');
    assert.equal(stateAfterReportAccepted('in_progress', 100), 'completed');
    assert.equal(stateAfterReportAccepted('in_progress', 99), 'in_progress');
  });
});
