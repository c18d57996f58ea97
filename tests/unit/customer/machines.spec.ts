import { test } from '@japa/runner'
import { MACHINES, ENTRY, assertTransition } from '#customer/journeys/machines'
import { JourneyError } from '#customer/support/journey_error'
import { MARKET_ROLES, QUALIFICATION_FLOWS } from '#customer/reference/market_roles'

test.group('Journey state machines', () => {
  test('every transition goes between declared states', ({ assert }) => {
    for (const machine of MACHINES) {
      for (const transition of machine.transitions) {
        assert.include(machine.states, transition.to, `${machine.id}.${transition.name}`)
        for (const from of transition.from)
          assert.include(machine.states, from, `${machine.id}.${transition.name}`)
      }
    }
  })

  test('a transition from the wrong state is refused with the state named', ({ assert }) => {
    assert.equal(
      assertTransition(ENTRY, 'invite_assistant', 'EOI_SUBMITTED').to,
      'ASSISTANT_INVITED'
    )
    assert.throws(
      () => assertTransition(ENTRY, 'invite_assistant', 'ACCEDED'),
      /while the entry is ACCEDED/
    )
    try {
      assertTransition(ENTRY, 'approve_accession', 'ACCESSION_DRAFT')
    } catch (error) {
      assert.instanceOf(error, JourneyError)
    }
    assert.throws(() => assertTransition(ENTRY, 'no_such_transition', null), /has no transition/)
  })

  test('qualification flows reach their passed state and every role opens at least one', ({
    assert,
  }) => {
    for (const [kind, flow] of Object.entries(QUALIFICATION_FLOWS)) {
      const seen = new Set([flow.first])
      const queue = [flow.first]
      while (queue.length)
        for (const next of flow.next[queue.shift()!] ?? [])
          if (!seen.has(next)) (seen.add(next), queue.push(next))
      assert.isTrue(seen.has(flow.passed), `${kind} reaches ${flow.passed}`)
    }
    for (const role of MARKET_ROLES) assert.isAbove(role.qualifications.length, 0, role.code)
  })
})
