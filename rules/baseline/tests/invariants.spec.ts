import { test } from '@japa/runner'
import { mergePeriodFrames } from '../../../app/rules_runtime/merge_frames.js'
import type { ColumnFrame } from '../../../app/rules_runtime/stage.js'
import { itemRows, run, runInputs } from './support/harness.js'
import { randomDay } from './support/random_day.js'
import { buildDayInputs } from '../../../app/rules_runtime/build_day_inputs.js'

/** domain/settlement.md §9 on seeded random days. */
const CASES = 400
const close = (a: number, b: number, scale = 1) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, scale, Math.abs(a), Math.abs(b))

function sum(frame: ColumnFrame, column: string, period: number, count: number) {
  let total = 0
  for (let i = 0; i < count; i++) total += frame.columns[column][(period - 1) * count + i]
  return total
}

test.group('baseline: §9 invariants on random days', () => {
  test('volumes, losses, accounts, stack and cashflows on 400 seeded days', ({ assert }) => {
    let checkedPeriods = 0
    let stacksWithItems = 0
    for (let seed = 1; seed <= CASES; seed++) {
      const { day, periods } = randomDay(seed)
      const par = [1, 1, 5, 50][seed % 4]
      const { inputs, frames } = run(day, { params: { par_volume: par } })
      const units = inputs.bmUnits.ids.length
      const accounts = inputs.accounts.ids.length
      const fail = (what: string, period: number) =>
        assert.fail(`seed ${seed} period ${period}: ${what}`)
      for (const p of periods) {
        checkedPeriods++
        // 2. losses net to zero after TLM (when both sides have volume)
        const totals = frames.transmission_loss_totals.columns
        let balance = 0
        let scale = 0
        let dVolume = 0
        let oVolume = 0
        for (let u = 0; u < units; u++) {
          const at = (p - 1) * units + u
          const qm = frames.metered_volumes.columns.qm[at]
          balance += qm * frames.transmission_losses.columns.tlm[at]
          scale += Math.abs(qm)
          if (frames.transmission_losses.columns.delivering[at]) dVolume += qm
          else oVolume += qm
        }
        const lossesAllocated = dVolume !== 0 && oVolume !== 0
        if (lossesAllocated && !close(balance, 0, scale)) fail(`Σ QM×TLM = ${balance}`, p)
        if (!close(totals.totalLosses[p - 1], dVolume + oVolume, scale)) fail('TL', p)

        // 3. Σ QABC = 0, Σ QCE = Σ QM × TLM
        if (!close(sum(frames.contract_volumes, 'qabc', p, accounts), 0, 1000))
          fail('Σ QABC ≠ 0', p)
        const qce = sum(frames.credited_energy, 'qce', p, accounts)
        if (!close(qce, balance, scale)) fail(`Σ QCE ${qce} ≠ Σ QM×TLM ${balance}`, p)

        // 4. Σ QAEI = −Σ QBS × TLM (+ Σ QCE, which is 0 when losses are allocated)
        let qbsTlm = 0
        for (let u = 0; u < units; u++) {
          const at = (p - 1) * units + u
          qbsTlm +=
            frames.bm_unit_volumes.columns.qbs[at] * frames.transmission_losses.columns.tlm[at]
        }
        if (!close(sum(frames.account_imbalance, 'qaei', p, accounts), qce - qbsTlm, scale))
          fail('Σ QAEI', p)

        // 5–7, 11: stack
        const stack = frames.stack
        const c = stack.columns
        const niv = frames.system_prices.columns.netImbalanceVolume[p - 1]
        let arbitrage = 0
        let survivors = 0
        let opposite = 0
        let parTotal = 0
        let raw = 0
        let dmatRemoved = 0
        const rows = itemRows(stack, p)
        if (rows.length) stacksWithItems++
        for (const x of rows) {
          raw += c.volume[x]
          dmatRemoved += c.volume[x] - c.dmatAdjustedVolume[x]
          if (Number.isNaN(c.arbitrageAdjustedVolume[x])) continue
          arbitrage += c.arbitrageAdjustedVolume[x]
          const nivSide = niv > 0 ? c.side[x] === 0 : niv < 0 ? c.side[x] === 1 : false
          if (nivSide) survivors += c.nivAdjustedVolume[x]
          else opposite += Math.abs(c.nivAdjustedVolume[x])
          if (nivSide) parTotal += c.parAdjustedVolume[x]
          else if (c.parAdjustedVolume[x] !== 0) fail('PAR volume off the NIV side', p)
          if (
            c.nivAdjustedVolume[x] !== 0 &&
            !c.repricedIndicator[x] &&
            c.finalPrice[x] !== Number(c.originalPrice[x]) &&
            !(c.storProviderFlag[x] && c.finalPrice[x] === c.reserveScarcityPrice[x])
          ) {
            fail('an unrepriced survivor has a final price other than its own', p)
          }
        }
        if (!close(arbitrage, niv, 100)) fail(`arbitrage changed NIV: ${arbitrage} vs ${niv}`, p)
        if (!close(raw - dmatRemoved, niv, 100)) fail('NIV = raw − DMAT-removed volume', p)
        if (niv !== 0 && !close(survivors, niv, 100))
          fail(`NIV-side survivors ${survivors} ≠ NIV ${niv}`, p)
        if (opposite !== 0) fail('volume left on the non-NIV side', p)
        if (!close(parTotal, Math.sign(niv) * Math.min(par, Math.abs(niv)), 100))
          fail(`PAR total ${parTotal}`, p)
        const prices = frames.system_prices.columns
        if (prices.systemSellPrice[p - 1] !== prices.systemBuyPrice[p - 1])
          fail('SSP ≠ SBP after P305', p)
        if (
          Number.isNaN(prices.replacementPrice[p - 1]) &&
          rows.some((x) => c.repricedIndicator[x])
        )
          fail('repriced without RP', p)

        // 12–13: RCRC and the clearing balance before rounding
        const den = frames.residual_cashflow_totals.columns.rcrcDenominator[p - 1]
        const trc = frames.residual_cashflow_totals.columns.trc[p - 1]
        if (den !== 0) {
          if (!close(sum(frames.residual_cashflow, 'rcrp', p, accounts), 1, 1))
            fail('Σ RCRP ≠ 1', p)
          const rcrc = sum(frames.residual_cashflow, 'rcrc', p, accounts)
          if (!close(rcrc, trc, Math.abs(trc))) fail('Σ RCRC ≠ TRC', p)
          const net =
            sum(frames.bm_unit_cashflows, 'cbm', p, units) -
            sum(frames.non_delivery, 'cnd', p, units) -
            sum(frames.information_imbalance, 'cii', p, units) -
            sum(frames.energy_imbalance_charges, 'caei', p, accounts) +
            rcrc +
            frames.system_operator_cashflows.columns.csobm[p - 1]
          if (!close(net, 0, 1e4)) fail(`cashflows do not balance: ${net}`, p)
        }
      }
    }
    assert.equal(checkedPeriods, 2 * CASES)
    assert.isAbove(stacksWithItems, CASES) // the generator does exercise the price stack
  }).tags(['property'])

  test('BM cashflows do not depend on DMAT, flags or PAR (invariant 14)', ({ assert }) => {
    for (let seed = 1; seed <= 60; seed++) {
      const { day } = randomDay(seed)
      const a = run(day).frames.bm_unit_cashflows.columns.cbm
      const b = run(day, { params: { dmat_volume: 50, par_volume: 500, cadl_chaining: true } })
        .frames.bm_unit_cashflows.columns.cbm
      assert.deepEqual([...a], [...b], `seed ${seed}`)
    }
  })

  test('identical inputs give bit-identical outputs, and period ranges concatenate to the day (15)', ({
    assert,
  }) => {
    for (let seed = 1; seed <= 40; seed++) {
      const { day, periods } = randomDay(seed)
      const inputs = buildDayInputs(day)
      const whole = runInputs(inputs)
      const again = runInputs(buildDayInputs(structuredClone(day)))
      const split = periods[0]
      const parts = [
        runInputs(inputs, { range: { first: 1, last: split }, until: 'residual_cashflow' }).frames,
        runInputs(inputs, {
          range: { first: split + 1, last: inputs.periods },
          until: 'residual_cashflow',
        }).frames,
      ]
      const merged = mergePeriodFrames(parts)
      for (const [name, frame] of Object.entries(whole.frames)) {
        for (const [column, values] of Object.entries(frame.columns)) {
          assert.deepEqual(
            bits(again.frames[name].columns[column]),
            bits(values),
            `seed ${seed} ${name}.${column} rerun`
          )
          if (merged[name]) {
            assert.deepEqual(
              bits(merged[name].columns[column]),
              bits(values),
              `seed ${seed} ${name}.${column} split`
            )
          }
        }
      }
    }
  })
})

function bits(column: ArrayLike<number>): string {
  return Buffer.from(Float64Array.from(column).buffer).toString('base64')
}
