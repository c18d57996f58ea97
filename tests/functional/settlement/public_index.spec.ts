import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import {
  acceptanceVolumes,
  DATASETS,
  dayStack,
  indicativeCashflows,
  indicativeVolumes,
  partyOutstandingCharges,
  partyTotals,
  SIDES,
} from '#settlement/index'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { loadRunFrames } from '#settlement/runs/frame_store'
import { countRows, importGeneratedDay, importSmallDay, SMALL_DATE } from './support/fixtures.js'
import { schemaErrors } from './support/contract.js'

async function settle(runType: string, date = SMALL_DATE) {
  const runId = await createRun({ settlementDate: date, runType, requestedBy: 'test' })
  const result = await executeRun(runId)
  if (result.status !== 'succeeded') throw new Error(result.error!.message)
  return runId
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals))

test.group('Settlement public index', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('indicative volumes, cashflows and acceptance volumes in the Insights shapes, consistent with the run', async ({
    assert,
  }) => {
    await importSmallDay()
    const runId = await settle('SF')
    const frames = await loadRunFrames(runId, [
      'bm_unit_volumes',
      'bm_unit_cashflows',
      'inputs.bmUnits',
    ])
    const units = frames['inputs.bmUnits'].labels!.id as string[]
    const at = (period: number, unit: string) => (period - 1) * units.length + units.indexOf(unit)
    let rows = 0
    for (const side of SIDES) {
      const volumes = await indicativeVolumes(runId, side)
      const cashflows = await indicativeCashflows(runId, side)
      const accepted = await acceptanceVolumes(runId, side)
      assert.deepEqual(schemaErrors('IndicativeVolumeResponse', volumes), [])
      assert.deepEqual(schemaErrors('IndicativeCashflowResponse', cashflows), [])
      assert.deepEqual(schemaErrors('AcceptanceVolumeResponse', accepted), [])
      rows += volumes.length
      const column = side === 'offer' ? 'qao' : 'qab'
      for (const row of volumes) {
        const expected =
          frames.bm_unit_volumes.columns[column][at(row.settlementPeriod, row.bmUnit!)]
        assert.equal(
          row.totalVolumeAccepted,
          round(expected, 3),
          `${side} ${row.bmUnit} P${row.settlementPeriod}`
        )
        assert.equal(row.dataType, 'Original')
        assert.match(row.startTime!, /Z$/)
        if (side === 'offer') assert.isAbove(row.totalVolumeAccepted, 0)
        else assert.isBelow(row.totalVolumeAccepted, 0)
        const perAcceptance = accepted.filter(
          (a) => a.bmUnit === row.bmUnit && a.settlementPeriod === row.settlementPeriod
        )
        const sum = perAcceptance.reduce((total, a) => total + a.totalVolumeAccepted, 0)
        assert.closeTo(sum, row.totalVolumeAccepted, 0.002)
        assert.isTrue(
          perAcceptance.every((a) => a.acceptanceDuration === 'S' || a.acceptanceDuration === 'L')
        )
      }
      const cashflowColumn = side === 'offer' ? 'offerCashflow' : 'bidCashflow'
      for (const row of cashflows) {
        const expected =
          frames.bm_unit_cashflows.columns[cashflowColumn][at(row.settlementPeriod, row.bmUnit!)]
        assert.equal(row.totalCashflow, round(expected, 2))
      }
      assert.lengthOf(cashflows, volumes.length)
    }
    assert.isAbove(rows, 0, 'the small day has accepted volumes')
    assert.deepEqual(await indicativeVolumes(999999, 'offer'), [])
  })

  test('the whole-day stack in one read: every item, by period, offer before bid, by rank', async ({
    assert,
  }) => {
    await importSmallDay()
    const runId = await settle('SF')
    const items = await dayStack(runId)
    assert.lengthOf(items, await countRows('settlement_stack_items', runId))
    const order = items.map((item) => [
      item.settlementPeriod as number,
      item.side === 'offer' ? 0 : 1,
      item.sequenceNumber as number,
    ])
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
    assert.deepEqual(order, sorted)
    assert.notProperty(items[0], 'runId')
  })

  test('outstanding charges: net charges of the latest invoiced run of every date without an RF run', async ({
    assert,
  }) => {
    await importSmallDay()
    assert.deepInclude(await partyOutstandingCharges('BRACKEN'), { amount: 0, days: [] })
    await settle('II')
    const afterII = await partyOutstandingCharges('BRACKEN')
    assert.lengthOf(afterII.days, 0, 'II is never invoiced')
    await settle('SF')
    const r1 = await settle('R1')
    const [bracken] = await partyTotals(r1, (query) => query.where('party_id', 'BRACKEN'))
    const net = bracken.charges.net!
    const pending = await partyOutstandingCharges('BRACKEN')
    assert.deepEqual(pending.days, [
      { settlementDate: SMALL_DATE, runId: r1, runType: 'R1', runNumber: 1, net },
    ])
    assert.equal(pending.amount, round(-net, 2))
    assert.equal(pending.payable - pending.receivable, pending.amount)
    assert.match(pending.detail, /1 settlement day\(s\) not final yet/)

    const other = '2026-02-03'
    await importGeneratedDay(other)
    await settle('SF', other)
    const twoDays = await partyOutstandingCharges('BRACKEN')
    assert.deepEqual(
      twoDays.days.map((day) => day.settlementDate),
      [SMALL_DATE, other]
    )
    await settle('RF')
    const afterFinal = await partyOutstandingCharges('BRACKEN')
    assert.deepEqual(
      afterFinal.days.map((day) => day.settlementDate),
      [other]
    )
    assert.deepInclude(await partyOutstandingCharges('NOBODY'), { amount: 0 })
  })

  test('the ingestion row mappings are public for the demo generator', ({ assert }) => {
    assert.includeMembers(Object.keys(DATASETS), ['parties', 'bm-units', 'metered-volumes', 'bod'])
    assert.equal(DATASETS['metered-volumes'].table, 'settlement_metered_volumes')
    assert.isFunction(DATASETS.parties.toRow)
  })
})
