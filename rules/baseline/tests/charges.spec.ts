import { test } from '@japa/runner'
import { roundMoney } from '../../../app/rules_runtime/rounding.js'
import { acceptance, emptyDay, metered, pair, pn } from './support/day_builder.js'
import { run } from './support/harness.js'

const DATE = '2024-01-10'

/** Generator G (party A, P) with bids and offers, supplier S (party B, C) balancing it. */
function twoUnitDay() {
  const day = emptyDay(DATE, [
    { id: 'T_G-1', party: 'A' },
    { id: '2__BSUP000', party: 'B', pc: 'C' },
  ])
  pn(day, 'T_G-1', 1, 100)
  pn(day, '2__BSUP000', 1, -100)
  pair(day, 'T_G-1', 1, 1, 20, 60, 55)
  pair(day, 'T_G-1', 1, -1, -20, 30, 20)
  pair(day, 'T_G-1', 1, -2, -40, 25, 10)
  return day
}

test.group('S10.1 bm_unit_cashflows', () => {
  test('every accepted MWh is paid at its own price, whatever DMAT or PAR say', ({ assert }) => {
    const day = twoUnitDay()
    acceptance(day, 'T_G-1', 1, [
      [1, 0, 60],
      [1, 30, 60],
    ]) // −40 MW: 10 MWh in −1 at £20, 10 MWh in −2 at £10
    metered(day, 'T_G-1', 1, 30)
    metered(day, '2__BSUP000', 1, -30)
    const base = run(day)
    const other = run(day, { params: { dmat_volume: 1000, par_volume: 0.5 } })
    const g = base.inputs.bmUnits.ids.indexOf('T_G-1')
    assert.equal(base.frames.bm_unit_cashflows.columns.cbm[g], -10 * 20 - 10 * 10)
    assert.equal(other.frames.bm_unit_cashflows.columns.cbm[g], -300)
    assert.equal(base.frames.system_operator_cashflows.columns.csobm[0], 300)
  })
})

test.group('S10.2 non_delivery', () => {
  test('undelivered bids are allocated lowest bid price first and charged above SSP', ({
    assert,
  }) => {
    const day = twoUnitDay()
    acceptance(day, 'T_G-1', 1, [
      [1, 0, 60],
      [1, 30, 60],
    ]) // QAB −20 MWh, QME 30
    metered(day, 'T_G-1', 1, 42) // generated 12 MWh more than expected
    metered(day, '2__BSUP000', 1, -42)
    const result = run(day)
    const g = result.inputs.bmUnits.ids.indexOf('T_G-1')
    const ssp = result.frames.system_prices.columns.systemSellPrice[0]
    assert.equal(ssp, 10) // long: the most expensive sell (lowest bid price) sets the price
    const c = result.frames.non_delivery.columns
    assert.equal(c.qndb[g], 12)
    assert.equal(c.qndo[g], 0)
    // 10 MWh of the £10 bid (max(10 − 10, 0) = 0), then 2 MWh of the £20 bid (max(10 − 20, 0) = 0)
    assert.equal(c.cnd[g], 0)
    const pricier = run(day, { params: { non_delivery_order: 'lowest_offer_first' } })
    assert.equal(pricier.frames.non_delivery.columns.cnd[g], 0)
  })

  test('undelivered offers pay the excess of the offer price over SBP', ({ assert }) => {
    const day = twoUnitDay()
    acceptance(day, 'T_G-1', 1, [
      [1, 0, 120],
      [1, 30, 120],
    ]) // QAO 10 MWh at £60
    day.disbsad.push({
      settlementPeriod: 1,
      id: 1,
      cost: 2000,
      volume: 50,
      soFlag: false,
      storFlag: false,
    }) // £40 buys
    metered(day, 'T_G-1', 1, 56) // 4 MWh short of QME 60
    metered(day, '2__BSUP000', 1, -56)
    const result = run(day, { params: { par_volume: 1 } })
    const g = result.inputs.bmUnits.ids.indexOf('T_G-1')
    const sbp = result.frames.system_prices.columns.systemBuyPrice[0]
    assert.equal(sbp, 60)
    const cheaper = run(day, { params: { par_volume: 60 } })
    const sbp2 = cheaper.frames.system_prices.columns.systemBuyPrice[0]
    assert.equal(cheaper.frames.non_delivery.columns.qndo[g], 4)
    assert.closeTo(cheaper.frames.non_delivery.columns.cnd[g], 4 * (60 - sbp2), 1e-9)
    assert.equal(result.frames.non_delivery.columns.cnd[g], 0)
  })
})

test.group('S10.3 energy_imbalance_charges and S10.4 information_imbalance', () => {
  test('long accounts are paid SSP, short accounts pay SBP; IIP applies to |QII|', ({ assert }) => {
    const day = twoUnitDay()
    day.disbsad.push({
      settlementPeriod: 1,
      id: 1,
      cost: 500,
      volume: 10,
      soFlag: false,
      storFlag: false,
    })
    metered(day, 'T_G-1', 1, 60) // FPN 100 MW = 50 MWh: 10 MWh more than expected
    metered(day, '2__BSUP000', 1, -60)
    day.ecvn.push({ settlementPeriod: 1, fromAccount: 'A-P', toAccount: 'B-C', volume: 50 })
    const result = run(day, {
      params: { information_imbalance_price_1: 2, information_imbalance_price_2: 3 },
    })
    const { inputs, frames } = result
    const a = (id: string) => inputs.accounts.ids.indexOf(id)
    const price = frames.system_prices.columns.systemSellPrice[0]
    const qaei = frames.account_imbalance.columns.qaei
    assert.isAbove(qaei[a('A-P')], 0)
    assert.closeTo(
      frames.energy_imbalance_charges.columns.caei[a('A-P')],
      -qaei[a('A-P')] * price,
      1e-9
    )
    assert.isBelow(frames.energy_imbalance_charges.columns.caei[a('A-P')], 0) // a credit
    const u = (id: string) => inputs.bmUnits.ids.indexOf(id)
    const ii = frames.information_imbalance.columns
    assert.equal(ii.qii[u('T_G-1')], 10)
    assert.equal(ii.cii[u('T_G-1')], 30)
    assert.equal(ii.qii[u('2__BSUP000')], -10)
    assert.equal(ii.cii[u('2__BSUP000')], 20)
  })
})

test.group('S11 residual_cashflow', () => {
  test('interconnector units take no share; shares sum to one and RCRC to TRC', ({ assert }) => {
    const day = emptyDay(DATE, [
      { id: 'T_G-1', party: 'A' },
      { id: 'I_IFA-1', party: 'B', interconnector: true },
      { id: '2__CSUP000', party: 'C', pc: 'C' },
    ])
    day.disbsad.push({
      settlementPeriod: 1,
      id: 1,
      cost: 500,
      volume: 10,
      soFlag: false,
      storFlag: false,
    })
    metered(day, 'T_G-1', 1, 80)
    metered(day, 'I_IFA-1', 1, 20)
    metered(day, '2__CSUP000', 1, -100)
    const { inputs, frames } = run(day)
    const accounts = inputs.accounts.ids.length
    const rc = frames.residual_cashflow.columns
    assert.equal(rc.rcre[inputs.accounts.ids.indexOf('B-P')], 0)
    let share = 0
    let paid = 0
    for (let a = 0; a < accounts; a++) {
      share += rc.rcrp[a]
      paid += rc.rcrc[a]
    }
    assert.closeTo(share, 1, 1e-12)
    assert.closeTo(paid, frames.residual_cashflow_totals.columns.trc[0], 1e-9)
  })

  test('a zero denominator leaves TRC unallocated and reports it', ({ assert }) => {
    const day = emptyDay(DATE, [{ id: 'I_IFA-1', party: 'B', interconnector: true }])
    day.disbsad.push({
      settlementPeriod: 1,
      id: 1,
      cost: 500,
      volume: 10,
      soFlag: false,
      storFlag: false,
    })
    metered(day, 'I_IFA-1', 1, 5)
    const result = run(day)
    const totals = result.frames.residual_cashflow_totals.columns
    assert.notEqual(totals.trc[0], 0)
    assert.equal(totals.trcUnallocated[0], totals.trc[0])
    assert.include(
      result.report('residual_cashflow').details?.periodsWithZeroDenominator ?? [],
      'P1'
    )
  })
})

test.group('S12 party_totals', () => {
  test('daily totals are sums of per-period charges rounded to the penny', ({ assert }) => {
    const day = emptyDay(DATE, [
      { id: 'T_G-1', party: 'A' },
      { id: '2__BSUP000', party: 'B', pc: 'C' },
    ])
    for (const p of [1, 2]) {
      pn(day, 'T_G-1', p, 0)
      pair(day, 'T_G-1', p, 1, 1, 0.7, 0.5)
      acceptance(day, 'T_G-1', p, [
        [p, 0, 0.02],
        [p, 30, 0.02],
      ]) // 0.01 MWh × £0.70 = £0.007
    }
    const { inputs, frames } = run(day)
    const cbm = frames.bm_unit_cashflows.columns.cbm
    const g = inputs.bmUnits.ids.indexOf('T_G-1')
    assert.closeTo(cbm[g], 0.007, 1e-12)
    assert.equal(frames.party_totals.columns.bmUnitCashflow[inputs.parties.ids.indexOf('A')], 0.02)
    assert.equal(roundMoney(cbm[g] + cbm[2 + g]), 0.01) // what rounding the day total would have given
    assert.equal(frames.system_operator_totals.columns.soBmCashflow[0], -0.02)
  })
})
