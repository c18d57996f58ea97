import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import { createUser } from '#tests/helpers/users'
import { csrfForm } from '#tests/helpers/csrf'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { importSmallDay, SMALL_DATE } from './support/fixtures.js'
import { runFinished } from './support/live.js'

/** The field errors a form post flashed for the page it returns to. */
const errorsOf = (response: { flashMessages(): Record<string, unknown> }) =>
  response.flashMessages().inputErrorsBag as Record<string, string[]>

/** The small day settled with the installed baseline rules. */
async function settledRun(runType = 'SF') {
  const runId = await createRun({ settlementDate: SMALL_DATE, runType, requestedBy: 'test' })
  const result = await executeRun(runId)
  if (result.status !== 'succeeded') throw new Error(result.error!.message)
  return runId
}

test.group('Settlement portal pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('/settlement sends staff to the runs and party users to their statements', async ({
    client,
  }) => {
    const { user: operator } = await createUser({ role: 'operator' })
    const { user: party } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const staff = await client.get('/settlement').redirects(0).loginAs(operator)
    staff.assertStatus(302)
    staff.assertHeader('location', '/settlement/runs')
    const own = await client.get('/settlement').redirects(0).loginAs(party)
    own.assertHeader('location', '/settlement/statements')
    const anonymous = await client.get('/settlement/runs').redirects(0)
    anonymous.assertStatus(302)
  })

  test('runs list: filters, the latest run of each date, the start form for operators', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const sf = await settledRun('SF')
    const r1 = await settledRun('R1')
    const ii = await settledRun('II')
    const { user: operator } = await createUser({ role: 'operator' })
    const page = await client.get('/settlement/runs').withInertia().loginAs(operator)
    page.assertInertiaComponent('settlement/runs/index')
    const props = page.body().props
    assert.deepEqual(
      props.runs.map((run: { id: number }) => run.id),
      [ii, r1, sf]
    )
    assert.deepEqual(props.latestIds, [r1])
    assert.isTrue(props.canStart)
    assert.deepEqual(props.datesWithInputs, [SMALL_DATE])
    assert.equal(props.meta.total, 3)
    const filtered = await client
      .get('/settlement/runs')
      .qs({ runType: 'SF', from: SMALL_DATE, to: SMALL_DATE })
      .withInertia()
      .loginAs(operator)
    assert.deepEqual(
      filtered.body().props.runs.map((run: { id: number }) => run.id),
      [sf]
    )
    assert.equal(filtered.body().props.filters.runType, 'SF')
    const html = await client.get('/settlement/runs').loginAs(operator)
    html.assertStatus(200)
    assert.include(html.text(), 'Start a run')
    assert.include(html.text(), `Run ${r1}`)
    const { user: party } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const partyPage = await client.get('/settlement/runs').withInertia().loginAs(party)
    assert.isFalse(partyPage.body().props.canStart)
    assert.lengthOf(partyPage.body().props.runs, 3)
  })

  test('operators start a run from the form; it executes in the background; errors come back under the fields', async ({
    client,
    assert,
    cleanup,
  }) => {
    await importSmallDay()
    // Insights' listener would outlive the test's transaction: the announcement alone is checked.
    const events = emitter.fake(['settlement:run_completed'])
    cleanup(() => emitter.restore())
    const { user: operator } = await createUser({ role: 'operator' })
    const form = await csrfForm(client)
    const post = (user: typeof operator, body: Record<string, unknown>) =>
      client
        .post('/settlement/runs')
        .withSession(form.session)
        .header('x-csrf-token', form.token)
        .header('referer', '/settlement/runs')
        .json(body)
        .redirects(0)
        .loginAs(user)
    const started = await post(operator, { settlementDate: SMALL_DATE, runType: 'SF' })
    started.assertStatus(302)
    const location = String(started.header('location'))
    assert.match(location, /^\/settlement\/runs\/\d+$/)
    const runId = Number(location.split('/').pop())
    assert.equal(await runFinished(runId), 'succeeded')
    while (!events.exists('settlement:run_completed')) await new Promise((r) => setTimeout(r, 10))

    const invalid = await post(operator, { settlementDate: '15/01/2026', runType: 'ZZ' })
    invalid.assertStatus(302)
    assert.properties(errorsOf(invalid), ['settlementDate', 'runType'])
    const noInputs = await post(operator, { settlementDate: '2026-02-01', runType: 'SF' })
    noInputs.assertStatus(302)
    assert.match(errorsOf(noInputs).settlementDate[0], /No settlement inputs/)
    const badRules = await post(operator, {
      settlementDate: SMALL_DATE,
      runType: 'SF',
      ruleSetKey: 'baseline@1+nope@1',
    })
    assert.property(errorsOf(badRules), 'ruleSetKey')

    const { user: party } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    const refused = await post(party, { settlementDate: SMALL_DATE, runType: 'SF' })
    refused.assertStatus(404)
  })

  test('run page: manifest, parameters, stages with analytics, prices, a period stack and traces', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runId = await settledRun()
    const { user: operator } = await createUser({ role: 'operator' })
    const page = await client.get(`/settlement/runs/${runId}`).withInertia().loginAs(operator)
    page.assertInertiaComponent('settlement/runs/show')
    const props = page.body().props
    assert.equal(props.run.status, 'succeeded')
    assert.include(props.manifest, { ruleSetKey: 'baseline@1', periods: 48, periodMinutes: 30 })
    assert.match(props.manifest.outputHash, /^[0-9a-f]{64}$/)
    assert.match(props.manifest.inputHash, /^[0-9a-f]{64}$/)
    assert.include(props.manifest.codeVersion, '+rules.')
    const par = props.parameters.find((p: { name: string }) => p.name === 'par_volume')
    assert.include(par, { value: 1, effectiveFrom: '2018-11-01', unit: 'MWh' })
    assert.lengthOf(props.stages, 16)
    const metered = props.stages.find((s: { stageId: string }) => s.stageId === 'metered_volumes')
    assert.property(metered.indicators, 'bmUnitsMissingMeteredData')
    assert.isObject(metered.details)
    assert.isNumber(metered.ms)
    assert.lengthOf(props.systemPrices, 48)
    assert.properties(props.systemPrices[0], ['systemSellPrice', 'netImbalanceVolume', 'startTime'])
    assert.lengthOf(props.partyTotals, 5)
    assert.isNull(props.stacks)
    assert.isNull(props.trace)
    assert.isNull(props.live)

    const opened = await client
      .get(`/settlement/runs/${runId}`)
      .qs({ period: 1, trace: 'system_price' })
      .withInertia()
      .loginAs(operator)
    const withStack = opened.body().props
    assert.equal(withStack.period, 1)
    assert.isArray(withStack.stacks.offer)
    assert.isArray(withStack.stacks.bid)
    assert.equal(withStack.trace.result.stage.id, 'imbalance_price')
    assert.isTrue(
      withStack.trace.result.parameters.some(
        (p: { name: string; effectiveFrom: string }) => p.name === 'dmat_volume' && p.effectiveFrom
      )
    )
    const charge = await client
      .get(`/settlement/runs/${runId}`)
      .qs({ trace: 'party_charge', party: 'NORTHWND', charge: 'net' })
      .withInertia()
      .loginAs(operator)
    assert.equal(charge.body().props.trace.result.stage.id, 'party_totals')
    const unknownCharge = await client
      .get(`/settlement/runs/${runId}`)
      .qs({ trace: 'party_charge', party: 'NORTHWND', charge: 'nothing' })
      .withInertia()
      .loginAs(operator)
    assert.match(unknownCharge.body().props.trace.error, /no column "nothing"/)

    const html = await client.get(`/settlement/runs/${runId}`).qs({ period: 1 }).loginAs(operator)
    assert.include(html.text(), 'Offer (buy) stack, period 1')
    assert.include(html.text(), 'System price and NIV')
    const missing = await client.get('/settlement/runs/999999').withInertia().loginAs(operator)
    missing.assertStatus(404)
  })

  test("a party user sees only its own party totals, no stage ids, and another party's trace is 404", async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runId = await settledRun()
    const { user } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const page = await client.get(`/settlement/runs/${runId}`).withInertia().loginAs(user)
    const props = page.body().props
    assert.deepEqual(
      props.partyTotals.map((t: { partyId: string }) => t.partyId),
      ['BRACKEN']
    )
    assert.isTrue(props.stages.every((s: { details: object }) => !Object.keys(s.details).length))
    assert.isFalse(props.viewer.staff)
    const own = await client
      .get(`/settlement/runs/${runId}`)
      .qs({ trace: 'party_charge', party: 'BRACKEN', charge: 'net' })
      .withInertia()
      .loginAs(user)
    assert.equal(own.body().props.trace.result.stage.id, 'party_totals')
    const other = await client
      .get(`/settlement/runs/${runId}`)
      .qs({ trace: 'party_charge', party: 'NORTHWND', charge: 'net' })
      .withInertia()
      .loginAs(user)
    other.assertStatus(404)
    assert.equal(other.body().component, 'errors/not_found')
    assert.notInclude(other.text(), 'T_NWND-1')
  })

  test('statements: a party user lands on its own, opens and downloads it; another party is 404', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runId = await settledRun()
    const { user } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    const list = await client.get('/settlement/statements').withInertia().loginAs(user)
    list.assertInertiaComponent('settlement/statements/index')
    assert.equal(list.body().props.partyId, 'BRACKEN')
    assert.lengthOf(list.body().props.parties, 0)
    assert.deepEqual(list.body().props.statements[0], {
      runId,
      settlementDate: SMALL_DATE,
      runType: 'SF',
      runNumber: 1,
      net: list.body().props.statements[0].net,
      latest: true,
    })
    assert.isNumber(list.body().props.statements[0].net)
    const peek = await client
      .get('/settlement/statements')
      .qs({ party: 'NORTHWND' })
      .withInertia()
      .loginAs(user)
    peek.assertStatus(404)

    const page = await client
      .get(`/settlement/runs/${runId}/statements/BRACKEN`)
      .withInertia()
      .loginAs(user)
    page.assertInertiaComponent('settlement/statements/show')
    const props = page.body().props
    assert.equal(props.party.partyId, 'BRACKEN')
    assert.property(props.dailyCharges, 'net')
    assert.deepEqual(
      props.entities.map((e: { id: string }) => e.id),
      ['BRACKEN-C', 'BRACKEN-P', 'T_BRKN-1']
    )
    assert.equal(props.entity.id, 'BRACKEN-C')
    assert.lengthOf(props.lines, 48)
    assert.include(props.columns, 'caei')
    const unit = await client
      .get(`/settlement/runs/${runId}/statements/BRACKEN`)
      .qs({ entity: 'T_BRKN-1' })
      .withInertia()
      .loginAs(user)
    assert.equal(unit.body().props.entity.kind, 'bmUnit')
    assert.include(unit.body().props.columns, 'qm')

    const csv = await client
      .get(`/settlement/runs/${runId}/statements/BRACKEN/download`)
      .loginAs(user)
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    assert.include(csv.header('content-disposition'), `statement-BRACKEN-${SMALL_DATE}-SF1.csv`)
    const lines = csv.text().trim().split('\r\n')
    assert.equal(lines[0], 'recordType,settlementDate,settlementPeriod,id,quantity,value')
    assert.isTrue(lines.some((line) => line.startsWith(`DPC,${SMALL_DATE},,BRACKEN,net,`)))
    assert.isTrue(lines.some((line) => line.startsWith(`BPD,${SMALL_DATE},48,T_BRKN-1,qm,`)))
    assert.isFalse(lines.some((line) => line.includes('NORTHWND') || line.includes('T_NWND-1')))

    for (const url of [
      `/settlement/runs/${runId}/statements/NORTHWND`,
      `/settlement/runs/${runId}/statements/NORTHWND/download`,
    ]) {
      const refused = await client.get(url).loginAs(user)
      refused.assertStatus(404)
      assert.notInclude(refused.text(), 'T_NWND-1')
    }
  })

  test('operators pick any party; a statement of a party outside the run is 404', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runId = await settledRun()
    const { user } = await createUser({ role: 'operator' })
    const list = await client
      .get('/settlement/statements')
      .qs({ party: 'NORTHWND' })
      .withInertia()
      .loginAs(user)
    assert.equal(list.body().props.partyId, 'NORTHWND')
    assert.lengthOf(list.body().props.parties, 5)
    assert.lengthOf(list.body().props.statements, 1)
    const none = await client.get('/settlement/statements').withInertia().loginAs(user)
    assert.isNull(none.body().props.partyId)
    const page = await client
      .get(`/settlement/runs/${runId}/statements/NORTHWND`)
      .withInertia()
      .loginAs(user)
    page.assertStatus(200)
    const nobody = await client
      .get(`/settlement/runs/${runId}/statements/NOBODY`)
      .withInertia()
      .loginAs(user)
    nobody.assertStatus(404)
  })

  test('diff page: totals, by party, BM Unit and period, top movers; staff only', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runA = await settledRun('SF')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    await db
      .from('settlement_metered_volumes')
      .where('bm_unit_id', 'T_BRKN-1')
      .update({ volume: 250 })
    const runB = await settledRun('R1')
    const { user } = await createUser({ role: 'operator' })
    const empty = await client.get('/settlement/diff').withInertia().loginAs(user)
    empty.assertInertiaComponent('settlement/diff')
    assert.isNull(empty.body().props.diff)
    assert.deepEqual(empty.body().props.selected, { a: runA, b: runB })
    const page = await client
      .get('/settlement/diff')
      .qs({ a: runA, b: runB })
      .withInertia()
      .loginAs(user)
    const diff = page.body().props.diff
    assert.isFalse(diff.identical)
    assert.isTrue(diff.byBmUnit.some((m: { id: string }) => m.id === 'T_BRKN-1'))
    assert.isTrue(diff.byParty.some((m: { id: string }) => m.id === 'BRACKEN'))
    assert.isAbove(diff.byPeriod.length, 0)
    assert.isAbove(diff.topMovers.length, 0)
    for (const total of Object.values(diff.totals) as { delta: number | null }[]) {
      if (total.delta !== null) assert.equal(total.delta, Number(total.delta.toFixed(3)))
    }
    const missing = await client
      .get('/settlement/diff')
      .qs({ a: runA, b: 999999 })
      .withInertia()
      .loginAs(user)
    assert.equal(missing.body().props.error, 'Both runs must exist and have succeeded')
    const { user: party } = await createUser({ role: 'signatory', partyId: 'BRACKEN' })
    const refused = await client.get('/settlement/diff').withInertia().loginAs(party)
    refused.assertStatus(404)
  })

  test('data-quality trends: indicators by date and run type, risks flagged; staff only', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    await settledRun('SF')
    await settledRun('R1')
    const { user } = await createUser({ role: 'operator' })
    const page = await client.get('/settlement/analytics').withInertia().loginAs(user)
    page.assertInertiaComponent('settlement/analytics')
    const props = page.body().props
    assert.deepEqual(props.filters, { from: '2025-12-16', to: SMALL_DATE, runType: null })
    assert.deepEqual(
      props.rows.map((row: { runType: string }) => row.runType),
      ['SF', 'R1']
    )
    assert.include(props.indicators, 'metered_volumes.bmUnitsMissingMeteredData')
    assert.equal(props.indicator, 'metered_volumes.bmUnitsMissingMeteredData')
    assert.isArray(props.risks)
    const sfOnly = await client
      .get('/settlement/analytics')
      .qs({ runType: 'SF', indicator: 'imbalance_price.itemsRepriced' })
      .withInertia()
      .loginAs(user)
    assert.deepEqual(
      sfOnly.body().props.rows.map((row: { runType: string }) => row.runType),
      ['SF']
    )
    assert.equal(sfOnly.body().props.indicator, 'imbalance_price.itemsRepriced')
    const { user: party } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const refused = await client.get('/settlement/analytics').withInertia().loginAs(party)
    refused.assertStatus(404)
  })

  test('dashboard widgets: operators see runs and failures, party users their latest statement', async ({
    client,
    assert,
  }) => {
    await importSmallDay()
    const runId = await settledRun()
    const { user: operator } = await createUser({ role: 'operator' })
    const staff = await client.get('/dashboard').withInertia().loginAs(operator)
    const runs = staff.body().props.widgets.find((w: { id: string }) => w.id === 'settlement.runs')
    assert.deepEqual(
      runs.stats.map((s: { value: number }) => s.value),
      [1, 0, 0]
    )
    assert.include(runs.text, `run ${runId}, SF #1 for ${SMALL_DATE}, succeeded`)
    const { user: party } = await createUser({ role: 'assistant', partyId: 'BRACKEN' })
    const own = await client.get('/dashboard').withInertia().loginAs(party)
    const statement = own
      .body()
      .props.widgets.find((w: { id: string }) => w.id === 'settlement.statement')
    assert.equal(statement.stats[0].href, `/settlement/runs/${runId}/statements/BRACKEN`)
    assert.match(statement.stats[0].value, /^-?£/)
    assert.isUndefined(
      own.body().props.widgets.find((w: { id: string }) => w.id === 'settlement.runs')
    )
  })
})
