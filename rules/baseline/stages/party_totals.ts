/**
 * S12 — daily party charges and the System Operator BM cashflow (domain/settlement.md S12,
 * §4.8.11; BSC Section T 1.2.2, T 5).
 *
 * Each per-period charge (per BM Unit or account) is rounded to 2 dp as published, and the daily
 * totals are sums of those rounded charges (so a party's total matches its published lines):
 *   NET_p = BMCF_p − ND_p − EI_p − II_p + RS_p        (+ = the party receives)
 * Rounding means Σ NET_p + SOBM may differ from 0 by a few pence; it is never forced to tie.
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { roundMoney } from '../../../app/rules_runtime/rounding.js'
import { frameOf, numbers, rangeLength } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const partyTotals: Stage = {
  id: 'party_totals',
  title: 'Daily party trading charges and System Operator BM cashflow',
  reference: 'BSC Section T 1.2.2 (Trading Charges), T 5 (daily amounts); domain S12',
  scope: 'day',
  reads: [
    'bm_unit_cashflows',
    'non_delivery',
    'information_imbalance',
    'energy_imbalance_charges',
    'residual_cashflow',
    'system_operator_cashflows',
    'inputs.bmUnits',
    'inputs.accounts',
    'inputs.parties',
  ],
  writes: ['party_totals', 'system_operator_totals'],
  params: [],
  run(ctx): StageResult {
    const { inputs, range } = ctx
    const units = inputs.bmUnits.ids.length
    const accounts = inputs.accounts.ids.length
    const parties = inputs.parties.ids.length
    const periods = rangeLength(range)
    const cbm = numbers(frameOf(ctx, 'bm_unit_cashflows'), 'cbm')
    const cnd = numbers(frameOf(ctx, 'non_delivery'), 'cnd')
    const cii = numbers(frameOf(ctx, 'information_imbalance'), 'cii')
    const caei = numbers(frameOf(ctx, 'energy_imbalance_charges'), 'caei')
    const rcrc = numbers(frameOf(ctx, 'residual_cashflow'), 'rcrc')
    const csobm = numbers(frameOf(ctx, 'system_operator_cashflows'), 'csobm')
    const bmUnitCashflow = new Float64Array(parties)
    const nonDeliveryCharge = new Float64Array(parties)
    const energyImbalanceCashflow = new Float64Array(parties)
    const informationImbalanceCharge = new Float64Array(parties)
    const residualCashflow = new Float64Array(parties)
    const net = new Float64Array(parties)
    let soBm = 0
    for (let slot = 0; slot < periods; slot++) {
      for (let u = 0; u < units; u++) {
        const p = inputs.bmUnits.leadParty[u]
        const at = slot * units + u
        bmUnitCashflow[p] += roundMoney(cbm[at])
        nonDeliveryCharge[p] += roundMoney(cnd[at])
        informationImbalanceCharge[p] += roundMoney(cii[at])
      }
      for (let a = 0; a < accounts; a++) {
        const p = inputs.accounts.party[a]
        const at = slot * accounts + a
        energyImbalanceCashflow[p] += roundMoney(caei[at])
        residualCashflow[p] += roundMoney(rcrc[at])
      }
      soBm += roundMoney(csobm[slot])
    }
    // Sums of 2 dp amounts, rounded again to drop binary noise (0.1 + 0.2 …).
    for (let p = 0; p < parties; p++) {
      bmUnitCashflow[p] = roundMoney(bmUnitCashflow[p])
      nonDeliveryCharge[p] = roundMoney(nonDeliveryCharge[p])
      energyImbalanceCashflow[p] = roundMoney(energyImbalanceCashflow[p])
      informationImbalanceCharge[p] = roundMoney(informationImbalanceCharge[p])
      residualCashflow[p] = roundMoney(residualCashflow[p])
      net[p] = roundMoney(
        bmUnitCashflow[p] -
          nonDeliveryCharge[p] -
          energyImbalanceCashflow[p] -
          informationImbalanceCharge[p] +
          residualCashflow[p]
      )
    }
    const soBmCashflow = Float64Array.of(roundMoney(soBm))
    let imbalance = soBmCashflow[0]
    for (let p = 0; p < parties; p++) imbalance += net[p]
    const report = new ReportBuilder()
    report.count('parties', parties)
    report.count('periods', periods)
    report.indicate('roundingResidual', roundMoney(imbalance))
    return {
      outputs: {
        party_totals: {
          axis: 'party',
          perPeriod: false,
          columns: {
            bmUnitCashflow,
            nonDeliveryCharge,
            energyImbalanceCashflow,
            informationImbalanceCharge,
            residualCashflow,
            net,
          },
        },
        system_operator_totals: { axis: 'period', perPeriod: false, columns: { soBmCashflow } },
      },
      report: report.build(),
    }
  },
}
