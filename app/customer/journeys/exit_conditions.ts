import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Party from '#customer/models/party'
import {
  settlementFacts,
  STANDARD_ROUTE,
  type ExitPorts,
  type ExitRoute,
  type SettlementFacts,
} from './exit_facts.js'
import { bscCharges } from '#customer/support/bsc_charges'
import { lodgedCoverPence, openCreditDefault } from '#customer/support/credit'
import {
  dayBefore,
  licenceProblem,
  p414Problems,
  pendingFinalDays,
  registrationsRemaining,
} from '#customer/support/exit_checks'
import { formatPounds } from '#customer/support/money'

/**
 * The conditions that block a withdrawal (BSC Section A 5.1.3, customer.md
 * §10.1), evaluated for a withdrawal date, plus the lodged Credit Cover to be
 * returned (§10.1 further factors). `clear: false` blocks; an answer settlement
 * cannot give blocks too, with the explanation (`known: false`). Under P414
 * the liabilities move to the receiving party, which must qualify.
 * Settlement's answers come in as `facts` (exit_facts.ts).
 */
export { settlementFacts, STANDARD_ROUTE, type ExitPorts, type ExitRoute, type SettlementFacts }

export type ExitCode =
  | 'REGISTRATIONS_REMAIN'
  | 'UNPAID_SUMS'
  | 'BSCCO_CHARGES_OPEN'
  | 'FINAL_RECON_PENDING'
  | 'UNREMEDIED_DEFAULT'
  | 'LICENCE_REQUIRES'
  | 'CREDIT_COVER_LODGED'
  | 'P414_RECEIVING_PARTY'

export interface ExitBlocker {
  code: ExitCode
  clear: boolean
  known: boolean
  detail: string
  owner: 'party' | 'operator'
}

const item = (code: ExitCode, clear: boolean, detail: string, owner: 'party' | 'operator') => ({
  code,
  clear,
  known: true,
  detail,
  owner,
})
const unknown = (code: ExitCode, detail: string): ExitBlocker => ({
  code,
  clear: false,
  known: false,
  detail,
  owner: 'operator',
})

export async function exitBlockers(
  trx: TransactionClientContract,
  partyId: string,
  withdrawalDate: string,
  route: ExitRoute,
  facts: SettlementFacts
): Promise<ExitBlocker[]> {
  const party = await Party.query({ client: trx }).where('party_id', partyId).firstOrFail()
  const blockers: ExitBlocker[] = []
  const p414 = route.route === 'p414'
  const transferred = `Transferred to ${route.receivingPartyId} under P414`
  if (p414) {
    const problems = await p414Problems(trx, party, route, withdrawalDate)
    blockers.push(
      item(
        'P414_RECEIVING_PARTY',
        problems.length === 0,
        problems.length ? problems.map((p) => p.message).join('; ') : transferred,
        'party'
      )
    )
  }

  const r = await registrationsRemaining(trx, partyId, withdrawalDate)
  const total = r.units + r.pairs + r.amsids + r.msids
  blockers.push(
    item(
      'REGISTRATIONS_REMAIN',
      total === 0,
      total === 0
        ? 'No BM Unit (Base units excepted), metering system, MSID Pair or AMSID remains registered'
        : `${r.units} BM Unit(s), ${r.msids} metering system(s), ${r.pairs} MSID Pair(s) and ${r.amsids} AMSID(s) remain registered on ${withdrawalDate}`,
      'party'
    )
  )

  const charges = facts.charges
  if (p414 || !charges)
    blockers.push(item('UNPAID_SUMS', true, `Trading Charges: ${transferred}`, 'operator'))
  else if (charges.status === 'unknown') blockers.push(unknown('UNPAID_SUMS', charges.explanation))
  else
    blockers.push(
      item(
        'UNPAID_SUMS',
        charges.amount === 0,
        charges.amount === 0
          ? 'No unpaid or pending Trading Charges'
          : `£${charges.amount.toFixed(2)} of Trading Charges unpaid or pending${charges.detail ? ` (${charges.detail})` : ''}`,
        'party'
      )
    )

  const bsc = await bscCharges(trx, party, dayBefore(withdrawalDate))
  if (p414)
    blockers.push(item('BSCCO_CHARGES_OPEN', true, `BSC charges: ${transferred}`, 'operator'))
  else if (bsc.missing.length)
    blockers.push(
      unknown(
        'BSCCO_CHARGES_OPEN',
        `Cannot be priced: ${bsc.missing.join(', ')} (parameter not set)`
      )
    )
  else
    blockers.push(
      item(
        'BSCCO_CHARGES_OPEN',
        bsc.outstandingPence === 0,
        `BSC charges to ${bsc.throughDate}: ${formatPounds(bsc.accruedPence)} accrued, ${formatPounds(bsc.paidPence)} paid, ${formatPounds(bsc.outstandingPence)} outstanding`,
        'party'
      )
    )

  const { span, finalRuns } = facts
  if (p414)
    blockers.push(item('FINAL_RECON_PENDING', true, `Reconciliation: ${transferred}`, 'operator'))
  else if (!span || !finalRuns)
    blockers.push(
      item(
        'FINAL_RECON_PENDING',
        true,
        'The party held no role: no Settlement Day to reconcile',
        'operator'
      )
    )
  else if (finalRuns.status === 'unknown')
    blockers.push(unknown('FINAL_RECON_PENDING', finalRuns.explanation))
  else {
    const pending = pendingFinalDays(span, finalRuns.finalDates)
    blockers.push(
      item(
        'FINAL_RECON_PENDING',
        pending.length === 0,
        pending.length === 0
          ? `Every Settlement Day from ${span.first} to ${span.last} has had its Final Reconciliation`
          : `${pending.length} Settlement Day(s) between ${span.first} and ${span.last} await their Final Reconciliation (RF) run, the last on ${span.last}`,
        'operator'
      )
    )
  }

  const episode = await openCreditDefault(partyId, trx)
  blockers.push(
    item(
      'UNREMEDIED_DEFAULT',
      !episode,
      episode
        ? `${episode.state.replace('_', ' ')} Credit Default since ${episode.startedOn}`
        : 'No outstanding credit default (the default register holds credit defaults)',
      'party'
    )
  )

  const licence = licenceProblem(party, withdrawalDate)
  blockers.push(
    item(
      'LICENCE_REQUIRES',
      !licence,
      licence ?? 'No licence obliges the party to stay',
      'operator'
    )
  )

  const cover = await lodgedCoverPence(partyId, withdrawalDate, trx)
  blockers.push(
    item(
      'CREDIT_COVER_LODGED',
      cover === 0,
      cover === 0
        ? 'No Credit Cover lodged'
        : `${formatPounds(cover)} of Credit Cover still lodged on ${withdrawalDate}: ask for it back first`,
      'party'
    )
  )
  return blockers
}

/** The checklist now, for a page: settlement facts first, then the register in one transaction. */
export async function exitChecklist(
  partyId: string,
  withdrawalDate: string,
  route: ExitRoute = STANDARD_ROUTE,
  ports?: ExitPorts
) {
  const facts = await settlementFacts(partyId, withdrawalDate, route, ports)
  return db.transaction((trx) => exitBlockers(trx, partyId, withdrawalDate, route, facts))
}
