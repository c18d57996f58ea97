import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers/users'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { onRunEvent, runEventListeners, type RunEvent } from '#settlement/runs/run_events'
import { delayedRuntime, fixtureRuntime, importSmallDay, SMALL_DATE } from './support/fixtures.js'
import { listeners, parseEvents } from './support/live.js'

test.group('Settlement run events (SSE)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the stream sends a snapshot, then status, phases and stage progress in order while the run executes', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runtime = delayedRuntime()
    const runId = await createRun(
      {
        settlementDate: SMALL_DATE,
        runType: 'SF',
        ruleSetKey: 'baseline@7+slow@1',
        requestedBy: 't',
      },
      runtime
    )
    const { user } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const published: RunEvent[] = []
    const unsubscribe = onRunEvent(runId, (event) => published.push(event))
    const before = runEventListeners()
    const streamed = client
      .get(`/settlement/runs/${runId}/events`)
      .loginAs(user)
      .then((r) => r)
    await listeners(before + 1)
    const result = await executeRun(runId, { runtime, ranges: 4 })
    unsubscribe()
    assert.equal(result.status, 'succeeded')
    const response = await streamed
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/event-stream')

    const events = parseEvents(response.text())
    assert.equal(events[0].event, 'snapshot')
    assert.equal(events[0].data.run.status, 'queued')
    const rest = events.slice(1)
    assert.deepEqual(
      rest.map((event) => event.id),
      published.map((event) => event.seq),
      'every published event, in order'
    )
    assert.deepEqual(
      rest.map((event) => event.id),
      rest.map((_, index) => index + 1)
    )
    const kinds = rest.map((event) =>
      event.event === 'phase' ? `${event.data.phase}:${event.data.state}` : event.event
    )
    assert.equal(kinds[0], 'status')
    assert.equal(rest[0].data.status, 'running')
    assert.includeOrderedMembers(
      kinds.filter((kind) => kind !== 'stage' && kind !== 'status'),
      [
        'load:started',
        'load:finished',
        'compute:started',
        'compute:finished',
        'persist:started',
        'persist:finished',
      ]
    )
    assert.equal(rest.at(-1)!.event, 'status')
    assert.include(rest.at(-1)!.data, { status: 'succeeded', outputHash: result.outputHash })

    // Stage progress: the slow stage is seen running, part-way and done; stages come in order.
    const stageEvents = rest
      .filter((event) => event.event === 'stage')
      .map((event) => event.data.stage)
    const computeStarted = kinds.indexOf('compute:started')
    const computeFinished = kinds.indexOf('compute:finished')
    const during = rest
      .slice(computeStarted, computeFinished)
      .filter((event) => event.event === 'stage')
      .map((event) => event.data.stage)
    const charges = during.filter((stage) => stage.stageId === 'unit_charges')
    assert.equal(charges[0].status, 'running')
    assert.isTrue(charges.some((stage) => stage.done > 0 && stage.done < 4))
    assert.equal(charges.at(-1).status, 'succeeded')
    assert.equal(charges.at(-1).done, 4)
    assert.equal(charges.at(-1).total, 4)
    assert.isAtLeast(charges.at(-1).elapsedMs, 150)
    assert.deepEqual(
      [...new Set(during.map((stage) => stage.stageId))],
      ['unit_volumes', 'system_prices', 'unit_charges', 'party_totals']
    )
    const finals = stageEvents.slice(-4)
    assert.isTrue(finals.every((stage) => stage.status === 'succeeded' && stage.cpuMs >= 0))
    assert.isTrue(finals.every((stage) => stage.elapsedMs !== null))
  })

  test('a finished run: a snapshot with its stored stages, then the stream ends', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runtime = fixtureRuntime()
    const runId = await createRun(
      { settlementDate: SMALL_DATE, runType: 'SF', ruleSetKey: 'baseline@7', requestedBy: 't' },
      runtime
    )
    await executeRun(runId, { runtime })
    const { user } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const response = await client.get(`/settlement/runs/${runId}/events`).loginAs(user)
    const events = parseEvents(response.text())
    assert.lengthOf(events, 1)
    assert.equal(events[0].data.run.status, 'succeeded')
    assert.deepEqual(
      events[0].data.stages.map((stage: { stageId: string; status: string }) => stage.status),
      ['succeeded', 'succeeded', 'succeeded', 'succeeded']
    )
    const missing = await client.get('/settlement/runs/999999/events').loginAs(user)
    missing.assertStatus(404)
    const anonymous = await client.get(`/settlement/runs/${runId}/events`).redirects(0)
    anonymous.assertStatus(302)
  })
})
