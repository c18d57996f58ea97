import {
  settlementMoneyPort,
  type PortAnswer,
  type SettlementMoneyPort,
} from '#customer/ports/trading_charges_port'
import {
  settlementRunsPort,
  type FinalRunsAnswer,
  type SettlementRunsPort,
} from '#customer/ports/settlement_runs_port'
import { settlementSpan } from '#customer/support/exit_checks'

/**
 * What settlement says about a leaving party (customer.md §10.1): its
 * outstanding Trading Charges and which of its Settlement Days are finally
 * reconciled. Asked first, outside any transaction: on SQLite the one
 * connection is held by a transaction, so a port reading settlement inside
 * one would wait for itself. Under P414 the liabilities move, so nothing is asked.
 */
export interface ExitRoute {
  route: 'standard' | 'p414'
  receivingPartyId: string | null
  licenceRevocationDate: string | null
}

export interface ExitPorts {
  money: SettlementMoneyPort
  runs: SettlementRunsPort
}

export const STANDARD_ROUTE: ExitRoute = {
  route: 'standard',
  receivingPartyId: null,
  licenceRevocationDate: null,
}
const PORTS: ExitPorts = { money: settlementMoneyPort, runs: settlementRunsPort }

export interface SettlementFacts {
  charges: PortAnswer | null
  span: { first: string; last: string } | null
  finalRuns: FinalRunsAnswer | null
}

export async function settlementFacts(
  partyId: string,
  withdrawalDate: string,
  route: ExitRoute = STANDARD_ROUTE,
  ports: ExitPorts = PORTS
): Promise<SettlementFacts> {
  if (route.route === 'p414') return { charges: null, span: null, finalRuns: null }
  const span = await settlementSpan(partyId, withdrawalDate)
  return {
    charges: await ports.money.outstandingCharges(partyId),
    span,
    finalRuns: span ? await ports.runs.finalDates(span.first, span.last) : null,
  }
}
