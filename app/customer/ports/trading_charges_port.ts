import { partyOutstandingCharges } from '#settlement/index'

/**
 * What the customer context needs to know from settlement about a party's
 * money (customer.md §9, §10.1): its outstanding or pending Trading Charges,
 * and from them its indebtedness for the Credit Cover Percentage. The
 * settlement context owns both; this port asks its public index for
 * `partyOutstandingCharges(partyId)` (pounds, positive = owed by the party).
 * When settlement cannot answer (its query fails), the answer is "unknown"
 * with an explanation: never a made-up zero. Tests swap the port's functions.
 */
export type PortAnswer =
  { status: 'known'; amount: number; detail?: string } | { status: 'unknown'; explanation: string }

export type IndebtednessAnswer =
  { status: 'known'; pence: number; basis: string } | { status: 'unknown'; explanation: string }

export interface SettlementMoneyPort {
  outstandingCharges(partyId: string): Promise<PortAnswer>
  indebtedness(partyId: string): Promise<IndebtednessAnswer>
}

async function outstandingCharges(partyId: string): Promise<PortAnswer> {
  try {
    const { amount, detail } = await partyOutstandingCharges(partyId)
    return { status: 'known', amount, detail }
  } catch (error) {
    return {
      status: 'unknown',
      explanation: `Settlement could not report outstanding Trading Charges (${(error as Error).message}), so the condition cannot be shown clear.`,
    }
  }
}

/**
 * Settlement publishes no Energy Indebtedness (BSC Section M: MWh over a
 * rolling 29-day window, Credit Assessment EI from GC/DC × CALF, converted
 * with the CAP). What can honestly be computed is the money the party owes
 * in outstanding Trading Charges: the net of every invoiced day without a
 * final run (there is no payments ledger, and days with only an Interim
 * Information run are not in it). The basis says so wherever it is shown.
 */
async function indebtedness(partyId: string): Promise<IndebtednessAnswer> {
  const charges = await outstandingCharges(partyId)
  if (charges.status === 'unknown') return charges
  return {
    status: 'known',
    pence: Math.max(0, Math.round(charges.amount * 100)),
    basis:
      'Outstanding Trading Charges owed by the party, from settlement (partyOutstandingCharges)' +
      `${charges.detail ? `: ${charges.detail}` : ''}. This is not the Section M Energy ` +
      'Indebtedness: settlement publishes no Credit Assessment EI, Metered EI or CAP, no ' +
      'payments are recorded, and days with only an Interim Information run are not counted.',
  }
}

export const settlementMoneyPort: SettlementMoneyPort = { outstandingCharges, indebtedness }
