/**
 * What the customer context needs to know from settlement before a party may
 * leave (customer.md §10.1): its outstanding or pending Trading Charges and
 * its lodged Credit Cover. The settlement context owns both; this port asks
 * its public index for `partyOutstandingCharges(partyId)` and
 * `partyCreditCover(partyId)` and, while it does not export them, answers
 * "unknown" with an explanation: never a made-up zero.
 */
export type PortAnswer =
  { status: 'known'; amount: number; detail?: string } | { status: 'unknown'; explanation: string }

export interface SettlementMoneyPort {
  outstandingCharges(partyId: string): Promise<PortAnswer>
  lodgedCreditCover(partyId: string): Promise<PortAnswer>
}

type Query = (partyId: string) => Promise<number | { amount: number; detail?: string }>

async function ask(exportName: string, partyId: string, what: string): Promise<PortAnswer> {
  const settlement: Record<string, unknown> = await import('#settlement/index')
  const query = settlement[exportName] as Query | undefined
  if (typeof query !== 'function') {
    return {
      status: 'unknown',
      explanation: `The settlement context does not report ${what} yet (no ${exportName} in its public index), so the condition cannot be shown clear.`,
    }
  }
  const answer = await query(partyId)
  return typeof answer === 'number'
    ? { status: 'known', amount: answer }
    : { status: 'known', ...answer }
}

export const settlementMoneyPort: SettlementMoneyPort = {
  outstandingCharges: (partyId) =>
    ask('partyOutstandingCharges', partyId, 'outstanding Trading Charges'),
  lodgedCreditCover: (partyId) => ask('partyCreditCover', partyId, 'lodged Credit Cover'),
}
