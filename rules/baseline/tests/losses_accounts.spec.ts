import { test } from '@japa/runner'
import { acceptance, emptyDay, metered, pair, pn } from './support/day_builder.js'
import { run } from './support/harness.js'

const DATE = '2024-01-10'

test.group('S5 transmission_losses', () => {
  test('Trading Units decide delivering status together; losses net to zero', ({ assert }) => {
    const day = emptyDay(DATE, [
      { id: 'T_G-1', party: 'A', tradingUnit: 'TU1', tlf: -0.01 },
      { id: 'T_P-1', party: 'A', tradingUnit: 'TU1', tlf: 0.02 },
      { id: '2__ASUP000', party: 'B', pc: 'C', tlf: 0.005 },
    ])
    metered(day, 'T_G-1', 1, 30)
    metered(day, 'T_P-1', 1, -4) // pumping, but its Trading Unit is net delivering
    metered(day, '2__ASUP000', 1, -20)
    const { inputs, frames } = run(day, { until: 'transmission_losses' })
    const u = (id: string) => inputs.bmUnits.ids.indexOf(id)
    const c = frames.transmission_losses.columns
    assert.equal(c.delivering[u('T_P-1')], 1)
    assert.equal(c.tradingUnitMeteredVolume[u('T_P-1')], 26)
    assert.equal(c.delivering[u('2__ASUP000')], 0)
    const totals = frames.transmission_loss_totals.columns
    assert.equal(totals.totalLosses[0], 6)
    const plus = (-0.45 * 6 - (-0.01 * 30 + 0.02 * -4)) / 26
    assert.closeTo(totals.tlmoPlus[0], plus, 1e-15)
    assert.closeTo(c.tlm[u('T_G-1')], 1 - 0.01 + plus, 1e-15)
    let balance = 0
    for (const [id, qm] of [
      ['T_G-1', 30],
      ['T_P-1', -4],
      ['2__ASUP000', -20],
    ] as const)
      balance += qm * c.tlm[u(id)]
    assert.closeTo(balance, 0, 1e-12)
  })

  test('before P350 every TLF is 0; a period with no delivering unit has TLMO+ = 0', ({
    assert,
  }) => {
    const day = emptyDay('2017-06-01', [{ id: 'T_G-1', party: 'A', tlf: -0.05 }])
    metered(day, 'T_G-1', 1, -10)
    const result = run(day, { until: 'transmission_losses' })
    const c = result.frames.transmission_losses.columns
    assert.equal(c.tlf[0], 0)
    assert.equal(result.frames.transmission_loss_totals.columns.tlmoPlus[0], 0)
    assert.equal(c.tlm[0], 1 + (-0.55 * -10) / -10)
    const report = result.report('transmission_losses')
    assert.equal(report.indicators.tlfIgnoredBeforeZonalLosses, 1)
    assert.include(report.details?.periodsWithoutDeliveringUnits ?? [], 'P1')
  })
})

test.group('S6 credited_energy', () => {
  const day = () => {
    const d = emptyDay(DATE, [
      { id: 'E_W-1', party: 'A' },
      { id: '2__BSUP000', party: 'B', pc: 'C' },
    ])
    metered(d, 'E_W-1', 5, 100)
    metered(d, '2__BSUP000', 5, -100)
    d.mvrn.push({
      settlementPeriod: 5,
      bmUnit: 'E_W-1',
      fromAccount: 'A-P',
      toAccount: 'B-P',
      fixedVolume: 10,
      percentage: 50,
    })
    return d
  }

  test('MVRN percentage applies after the fixed part by default', ({ assert }) => {
    const { inputs, frames } = run(day(), { until: 'credited_energy' })
    const a = (id: string) => 4 * inputs.accounts.ids.length + inputs.accounts.ids.indexOf(id)
    const qce = frames.credited_energy.columns.qce
    assert.equal(qce[a('B-P')], 10 + 0.5 * 90)
    assert.equal(qce[a('A-P')], 100 - 55)
    assert.equal(qce[a('B-C')], -100)
  })

  test('mvrn_percentage_base = metered applies it to the whole metered volume', ({ assert }) => {
    const { inputs, frames } = run(day(), {
      until: 'credited_energy',
      params: { mvrn_percentage_base: 'metered' },
    })
    const a = (id: string) => 4 * inputs.accounts.ids.length + inputs.accounts.ids.indexOf(id)
    assert.equal(frames.credited_energy.columns.qce[a('B-P')], 60)
  })

  test("QABS is the lead account's QBS × TLM, or plain QBS when not loss adjusted", ({
    assert,
  }) => {
    const d = emptyDay(DATE, [
      { id: 'T_G-1', party: 'A', tlf: -0.1 },
      { id: '2__BSUP000', party: 'B', pc: 'C' },
    ])
    pn(d, 'T_G-1', 1, 100)
    pair(d, 'T_G-1', 1, 1, 50, 70, 60)
    acceptance(d, 'T_G-1', 1, [
      [1, 0, 120],
      [1, 30, 120],
    ])
    metered(d, 'T_G-1', 1, 60)
    metered(d, '2__BSUP000', 1, -60)
    const adjusted = run(d, { until: 'credited_energy' })
    const plain = run(d, { until: 'credited_energy', params: { qabs_loss_adjusted: false } })
    const tlm = adjusted.frames.transmission_losses.columns.tlm[0]
    const ap = adjusted.inputs.accounts.ids.indexOf('A-P')
    assert.closeTo(adjusted.frames.credited_energy.columns.qabs[ap], 10 * tlm, 1e-12)
    assert.equal(plain.frames.credited_energy.columns.qabs[ap], 10)
  })
})

test.group('S7 contract_volumes and S9 account_imbalance', () => {
  test('sellers positive, buyers negative, QAEI = QCE − QABS − QABC', ({ assert }) => {
    const d = emptyDay(DATE, [
      { id: 'T_G-1', party: 'A' },
      { id: '2__BSUP000', party: 'B', pc: 'C' },
    ])
    d.ecvn.push(
      { settlementPeriod: 2, fromAccount: 'A-P', toAccount: 'B-C', volume: 50 },
      { settlementPeriod: 2, fromAccount: 'B-P', toAccount: 'B-C', volume: 5 },
      { settlementPeriod: 2, fromAccount: 'A-P', toAccount: 'B-C', volume: 1 }
    )
    metered(d, 'T_G-1', 2, 40)
    metered(d, '2__BSUP000', 2, -40)
    const { inputs, frames } = run(d, { until: 'account_imbalance' })
    const n = inputs.accounts.ids.length
    const a = (id: string) => n + inputs.accounts.ids.indexOf(id)
    const qabc = frames.contract_volumes.columns.qabc
    assert.equal(qabc[a('A-P')], 51)
    assert.equal(qabc[a('B-P')], 5)
    assert.equal(qabc[a('B-C')], -56)
    const qaei = frames.account_imbalance.columns.qaei
    for (const id of inputs.accounts.ids) {
      const expected =
        frames.credited_energy.columns.qce[a(id)] -
        frames.credited_energy.columns.qabs[a(id)] -
        qabc[a(id)]
      assert.equal(qaei[a(id)], expected)
    }
    assert.equal(qaei[a('A-P')], 40 - 51)
  })
})
