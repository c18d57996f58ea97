/**
 * domain/settlement.md §9 invariants checked on any run, at any period length: losses net to zero,
 * contracts and credited energy balance, account imbalance equals the balancing volume it mirrors,
 * RCRC hands out exactly the residual pot, and the clearer neither gains nor loses.
 */
import type { DayInputs } from '../../../app/rules_runtime/frames.js'
import type { ColumnFrame } from '../../../app/rules_runtime/stage.js'

interface Run {
  inputs: DayInputs
  frames: Record<string, ColumnFrame>
}

const close = (a: number, b: number, scale: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, scale, Math.abs(a), Math.abs(b))

/** Every broken invariant, named with its period (empty when all hold). */
export function invariantProblems({ inputs, frames }: Run): string[] {
  const problems: string[] = []
  const units = inputs.bmUnits.ids.length
  const accounts = inputs.accounts.ids.length
  const col = (frame: string, column: string) => frames[frame].columns[column]
  const qm = col('metered_volumes', 'qm')
  const tlm = col('transmission_losses', 'tlm')
  const delivering = col('transmission_losses', 'delivering')
  const qbs = col('bm_unit_volumes', 'qbs')
  const sumOver = (column: ArrayLike<number>, period: number, count: number) => {
    let total = 0
    for (let i = 0; i < count; i++) total += column[(period - 1) * count + i]
    return total
  }
  let money = 0
  let moneyScale = 0
  for (let p = 1; p <= inputs.periods; p++) {
    let losses = 0
    let scale = 0
    let sides = 0
    let qbsTlm = 0
    for (let u = 0; u < units; u++) {
      const at = (p - 1) * units + u
      losses += qm[at] * tlm[at]
      scale += Math.abs(qm[at])
      if (qm[at] !== 0) sides |= delivering[at] ? 1 : 2
      qbsTlm += qbs[at] * tlm[at]
    }
    // losses are allocated only when both delivering and offtaking units metered volume
    if (sides === 3 && !close(losses, 0, scale)) problems.push(`P${p}: Σ QM×TLM = ${losses}`)
    const qabc = sumOver(col('contract_volumes', 'qabc'), p, accounts)
    if (!close(qabc, 0, scale)) problems.push(`P${p}: Σ QABC = ${qabc}`)
    const qce = sumOver(col('credited_energy', 'qce'), p, accounts)
    if (!close(qce, losses, scale)) problems.push(`P${p}: Σ QCE ${qce} ≠ Σ QM×TLM ${losses}`)
    const qaei = sumOver(col('account_imbalance', 'qaei'), p, accounts)
    if (!close(qaei, qce - qbsTlm, scale)) problems.push(`P${p}: Σ QAEI ${qaei} ≠ −Σ QBS×TLM`)
    const trc = col('residual_cashflow_totals', 'trc')[p - 1]
    const unallocated = col('residual_cashflow_totals', 'trcUnallocated')[p - 1]
    const rcrc = sumOver(col('residual_cashflow', 'rcrc'), p, accounts)
    if (!close(rcrc, trc - unallocated, Math.abs(trc))) problems.push(`P${p}: Σ RCRC ≠ TRC`)
    const flows = [
      sumOver(col('bm_unit_cashflows', 'cbm'), p, units),
      -sumOver(col('non_delivery', 'cnd'), p, units),
      -sumOver(col('information_imbalance', 'cii'), p, units),
      -sumOver(col('energy_imbalance_charges', 'caei'), p, accounts),
      rcrc,
      col('system_operator_cashflows', 'csobm')[p - 1],
      unallocated,
    ]
    for (const flow of flows) {
      money += flow
      moneyScale += Math.abs(flow)
    }
  }
  // Σ NET_p + SOBM (+ any unallocated pot) = 0 before rounding (invariant 13)
  if (!close(money, 0, moneyScale)) problems.push(`day: cashflows net to ${money}, not 0`)
  return problems
}
