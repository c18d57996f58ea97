/**
 * S10.3 — account energy imbalance cashflows (domain/settlement.md S10.3; BSC Section T 4.7).
 *   CAEIa = −QAEIa × SSP  if QAEIa > 0 (long: paid SSP);   −QAEIa × SBP  otherwise (short: pays SBP)
 * + = debit to the party. Uses the published (5 dp) prices (§4.8.11).
 */
import type { Stage, StageResult } from '../../../app/rules_runtime/stage.js'
import { frameOf, numbers, rangeLength } from '../lib/frame_access.js'
import { ReportBuilder } from '../lib/report.js'

export const energyImbalanceCharges: Stage = {
  id: 'energy_imbalance_charges',
  title: 'Account energy imbalance cashflows at the system prices',
  reference: 'BSC Section T 4.7 (CAEIaj); domain S10.3',
  scope: 'period',
  reads: ['account_imbalance', 'system_prices', 'inputs.accounts'],
  writes: ['energy_imbalance_charges'],
  params: [],
  run(ctx): StageResult {
    const accounts = ctx.inputs.accounts.ids.length
    const qaei = numbers(frameOf(ctx, 'account_imbalance'), 'qaei')
    const prices = frameOf(ctx, 'system_prices')
    const ssp = numbers(prices, 'systemSellPrice')
    const sbp = numbers(prices, 'systemBuyPrice')
    const caei = new Float64Array(qaei.length)
    for (let slot = 0; slot < rangeLength(ctx.range); slot++) {
      for (let a = 0; a < accounts; a++) {
        const at = slot * accounts + a
        // (0 rather than −0 for a balanced account)
        caei[at] = qaei[at] === 0 ? 0 : -qaei[at] * (qaei[at] > 0 ? ssp[slot] : sbp[slot])
      }
    }
    const report = new ReportBuilder()
    report.count('accountPeriods', qaei.length)
    return {
      outputs: {
        energy_imbalance_charges: { axis: 'account', perPeriod: true, columns: { caei } },
      },
      report: report.build(),
    }
  },
}
