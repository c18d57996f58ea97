import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import type { DayRecords } from '../../../app/rules_runtime/day_records.js'
import type { DayInputs } from '../../../app/rules_runtime/frames.js'
import { roundHalfAwayFromZero } from '../../../app/rules_runtime/rounding.js'
import type { ColumnFrame } from '../../../app/rules_runtime/stage.js'
import { decimalsOf, itemRows, run } from './support/harness.js'

/**
 * domain/settlement.md §8 reproduced through every baseline stage, each printed figure compared at
 * the decimals it is printed with (money to the penny).
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/worked_example/${name}`, import.meta.url), 'utf8'))
const records: DayRecords = fixture('input.json')
const expected = fixture('expected.json')
const P = expected.settlementPeriod as number

function agrees(actual: number, printed: string | null): boolean {
  if (printed === null) return Number.isNaN(actual)
  return roundHalfAwayFromZero(actual, decimalsOf(printed)) === Number(printed)
}

function expectPrinted(
  assert: { fail(m: string): void },
  label: string,
  actual: number,
  printed: string | null
) {
  if (!agrees(actual, printed)) assert.fail(`${label}: expected ${printed}, got ${actual}`)
}

test.group('baseline: worked example (domain §8)', () => {
  const result = run(records)
  const { inputs, frames } = result
  const unit = (id: string) => inputs.bmUnits.ids.indexOf(id)
  const account = (id: string) => inputs.accounts.ids.indexOf(id)
  const units = inputs.bmUnits.ids.length
  const accounts = inputs.accounts.ids.length
  const unitValue = (frame: string, column: string, id: string) =>
    frames[frame].columns[column][(P - 1) * units + unit(id)]
  const accountValue = (frame: string, column: string, id: string) =>
    frames[frame].columns[column][(P - 1) * accounts + account(id)]

  test('system price record (S8.11)', ({ assert }) => {
    const prices = frames.system_prices
    for (const [field, printed] of Object.entries(
      expected.systemPrices as Record<string, string>
    )) {
      if (field === 'priceDerivationCode')
        assert.equal(prices.labels!.priceDerivationCode[P - 1], printed)
      else expectPrinted(assert, field, prices.columns[field][P - 1], printed)
    }
    const rows = itemRows(frames.stack, P)
    let cost = 0
    let volume = 0
    for (const x of rows) {
      cost += Number.isNaN(frames.stack.columns.tlmAdjustedCost[x])
        ? 0
        : frames.stack.columns.tlmAdjustedCost[x]
      volume += Number.isNaN(frames.stack.columns.tlmAdjustedVolume[x])
        ? 0
        : frames.stack.columns.tlmAdjustedVolume[x]
    }
    expectPrinted(assert, 'Σ tlmAdjustedCost', cost, expected.mainPrice.tlmAdjustedCost)
    expectPrinted(assert, 'Σ tlmAdjustedVolume', volume, expected.mainPrice.tlmAdjustedVolume)
    expectPrinted(assert, 'main price', cost / volume, expected.mainPrice.price)
  })

  test('stack items step by step (S8.4–S8.12, table 8.6)', ({ assert }) => {
    const stack = frames.stack
    const rows = itemRows(stack, P)
    assert.lengthOf(rows, expected.stack.length)
    for (const item of expected.stack as Record<string, string | number | null>[]) {
      const x = rows.find(
        (r) =>
          stack.labels!.id[r] === item.id &&
          stack.columns.side[r] === item.side &&
          stack.columns.acceptanceId[r] === (item.acceptanceId ?? -1)
      )
      assert.isDefined(x, `${item.item} is in the stack`)
      assert.equal(stack.columns.bidOfferPairId[x!], item.bidOfferPairId ?? 0, `${item.item} pair`)
      for (const [field, value] of Object.entries(item)) {
        if (['item', 'id', 'acceptanceId', 'bidOfferPairId', 'side'].includes(field)) continue
        const actual = stack.columns[field][x!]
        if (typeof value === 'number') assert.equal(actual, value, `${item.item} ${field}`)
        else expectPrinted(assert, `${item.item} ${field}`, actual, value)
      }
    }
  })

  test('transmission losses (S5)', ({ assert }) => {
    const totals = frames.transmission_loss_totals
    for (const [field, printed] of Object.entries(expected.losses as Record<string, string>)) {
      expectPrinted(assert, field, totals.columns[field][P - 1], printed)
    }
    let balance = 0
    for (let u = 0; u < units; u++) {
      balance +=
        unitValue('metered_volumes', 'qm', inputs.bmUnits.ids[u]) *
        unitValue('transmission_losses', 'tlm', inputs.bmUnits.ids[u])
    }
    assert.isBelow(Math.abs(balance), 1e-9)
  })

  test('BM Unit volumes, cashflows and non-delivery (S3, S4, S10)', ({ assert }) => {
    const where: Record<string, string> = {
      fpn: 'bm_unit_volumes',
      qao: 'bm_unit_volumes',
      qab: 'bm_unit_volumes',
      qbs: 'bm_unit_volumes',
      qme: 'bm_unit_volumes',
      qm: 'metered_volumes',
      qii: 'information_imbalance',
      cii: 'information_imbalance',
      tlm: 'transmission_losses',
      cbm: 'bm_unit_cashflows',
      qndo: 'non_delivery',
      cnd: 'non_delivery',
    }
    for (const [id, fields] of Object.entries(
      expected.bmUnits as Record<string, Record<string, string>>
    )) {
      for (const [field, printed] of Object.entries(fields)) {
        expectPrinted(assert, `${id} ${field}`, unitValue(where[field], field, id), printed)
      }
    }
    expectPrinted(
      assert,
      'CSOBM',
      frames.system_operator_cashflows.columns.csobm[P - 1],
      expected.csobm
    )
  })

  test('credited energy, contracts, imbalance and RCRC per account (S6, S7, S9, S10.3, S11)', ({
    assert,
  }) => {
    const alloc = frames.credited_energy_allocations
    for (const [label, printed] of Object.entries(
      expected.creditedEnergyAllocations as Record<string, string>
    )) {
      const [unitId, accountId] = label.split(' → ')
      const r = itemRows(alloc, P).find(
        (row) =>
          alloc.columns.bmUnit[row] === unit(unitId) &&
          alloc.columns.account[row] === account(accountId)
      )
      expectPrinted(assert, label, alloc.columns.qcei[r!], printed)
    }
    const where: Record<string, string> = {
      qce: 'credited_energy',
      qabs: 'credited_energy',
      qabc: 'contract_volumes',
      qaei: 'account_imbalance',
      caei: 'energy_imbalance_charges',
      rcrp: 'residual_cashflow',
      rcrc: 'residual_cashflow',
    }
    for (const [id, fields] of Object.entries(
      expected.accounts as Record<string, Record<string, string>>
    )) {
      for (const [field, printed] of Object.entries(fields)) {
        expectPrinted(assert, `${id} ${field}`, accountValue(where[field], field, id), printed)
      }
    }
    for (const [field, printed] of Object.entries(expected.residual as Record<string, string>)) {
      expectPrinted(assert, field, frames.residual_cashflow_totals.columns[field][P - 1], printed)
    }
  })

  test('daily party totals to the penny and NETSO (S12)', ({ assert }) => {
    const totals = frames.party_totals
    for (const [party, fields] of Object.entries(
      expected.partyTotals as Record<string, Record<string, string>>
    )) {
      const p = inputs.parties.ids.indexOf(party)
      for (const [field, printed] of Object.entries(fields)) {
        assert.equal(totals.columns[field][p], Number(printed), `${party} ${field}`)
      }
    }
    assert.equal(
      frames.system_operator_totals.columns.soBmCashflow[0],
      Number(expected.soBmCashflow)
    )
    assert.equal(result.report('party_totals').indicators.roundingResidual, -0.01)
    for (const [party, printed] of Object.entries(
      expected.unroundedPeriodNet as Record<string, string>
    )) {
      expectPrinted(
        assert,
        `${party} unrounded`,
        unroundedNet(inputs, frames, inputs.parties.ids.indexOf(party)),
        printed
      )
    }
  })

  test('with cadl_chaining on, k104 is not CADL-flagged and the price is £150.00', ({ assert }) => {
    const variant = expected.variants.cadl_chaining
    const chained = run(records, { params: variant.parameters })
    expectPrinted(
      assert,
      'SSP',
      chained.frames.system_prices.columns.systemSellPrice[P - 1],
      variant.systemSellPrice
    )
    assert.equal(chained.frames.system_prices.columns.systemBuyPrice[P - 1], 150)
    assert.deepEqual(chained.report('stack_items').indicators.acceptancesCadlFlagged, 0)
  })

  test('with the lowest offer first, GEN pays no non-delivery charge', ({ assert }) => {
    const variant = expected.variants.lowest_offer_first
    const other = run(records, { params: variant.parameters })
    const gen = other.inputs.bmUnits.ids.indexOf('T_GEN-1')
    expectPrinted(
      assert,
      'GEN CND',
      other.frames.non_delivery.columns.cnd[(P - 1) * units + gen],
      variant['T_GEN-1'].cnd
    )
    assert.equal(other.frames.non_delivery.columns.qndo[(P - 1) * units + gen], 1)
  })

  test('without loss-adjusted QABS, party A moves by £9.48', ({ assert }) => {
    const variant = expected.variants.qabs_not_loss_adjusted
    const other = run(records, { params: variant.parameters })
    const a = inputs.parties.ids.indexOf('A')
    const moved = frames.party_totals.columns.net[a] - other.frames.party_totals.columns.net[a]
    expectPrinted(assert, 'A net moves', Math.abs(moved), variant.partyANetMovesBy)
  })
})

/** A party's net over the day from the unrounded per-period charges (S12 before rounding). */
function unroundedNet(
  inputs: DayInputs,
  frames: Record<string, ColumnFrame>,
  party: number
): number {
  const c = (frame: string, column: string) => frames[frame].columns[column]
  const units = inputs.bmUnits.ids.length
  const accounts = inputs.accounts.ids.length
  let net = 0
  for (let at = 0; at < units * inputs.periods; at++) {
    if (inputs.bmUnits.leadParty[at % units] !== party) continue
    net +=
      c('bm_unit_cashflows', 'cbm')[at] -
      c('non_delivery', 'cnd')[at] -
      c('information_imbalance', 'cii')[at]
  }
  for (let at = 0; at < accounts * inputs.periods; at++) {
    if (inputs.accounts.party[at % accounts] !== party) continue
    net += c('residual_cashflow', 'rcrc')[at] - c('energy_imbalance_charges', 'caei')[at]
  }
  return net
}
