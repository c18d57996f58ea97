import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { settlementMoneyPort, type SettlementMoneyPort } from '#customer/ports/trading_charges_port'

/**
 * The conditions that block a withdrawal (BSC Section A 5.1.3, customer.md
 * §10.1), evaluated for a withdrawal date. `clear: false` blocks; an unknown
 * answer from settlement blocks too, with the explanation shown.
 */
export interface ExitBlocker {
  code: 'REGISTRATIONS_REMAIN' | 'TRADING_CHARGES' | 'CREDIT_COVER'
  clear: boolean
  detail: string
  owner: 'party' | 'operator'
}

export async function exitBlockers(
  trx: TransactionClientContract,
  partyId: string,
  withdrawalDate: string,
  port: SettlementMoneyPort = settlementMoneyPort
): Promise<ExitBlocker[]> {
  const count = async (query: any) => {
    const row = await query.count('* as total').first()
    return Number(row?.total ?? 0)
  }
  const open = (q: any, column = 'effective_to') =>
    q.where((w: any) => w.whereNull(column).orWhere(column, '>=', withdrawalDate))
  const units = await count(
    open(
      trx
        .from('customer_bm_units')
        .where('party_id', partyId)
        .where('status', 'registered')
        .where('is_base', false)
    )
  )
  const pairs = await count(
    open(trx.from('customer_msid_pairs').where('party_id', partyId).where('status', 'accepted'))
  )
  const amsids = await count(
    trx
      .from('customer_asset_metering_systems')
      .where('party_id', partyId)
      .whereIn('state', ['REGISTERED', 'ALLOCATED'])
      .whereNull('effective_to')
  )
  const registrations = units + pairs + amsids

  const charges = await port.outstandingCharges(partyId)
  const cover = await port.lodgedCreditCover(partyId)
  return [
    {
      code: 'REGISTRATIONS_REMAIN',
      clear: registrations === 0,
      detail:
        registrations === 0
          ? 'No BM Unit (Base units excepted), MSID Pair or AMSID remains registered'
          : `${units} BM Unit(s), ${pairs} MSID Pair(s) and ${amsids} AMSID(s) remain registered on ${withdrawalDate}`,
      owner: 'party',
    },
    charges.status === 'unknown'
      ? { code: 'TRADING_CHARGES', clear: false, detail: charges.explanation, owner: 'operator' }
      : {
          code: 'TRADING_CHARGES',
          clear: charges.amount === 0,
          detail:
            charges.amount === 0
              ? 'No unpaid or pending Trading Charges'
              : `£${charges.amount.toFixed(2)} of Trading Charges unpaid or pending${charges.detail ? ` (${charges.detail})` : ''}`,
          owner: 'party',
        },
    cover.status === 'unknown'
      ? { code: 'CREDIT_COVER', clear: false, detail: cover.explanation, owner: 'operator' }
      : {
          code: 'CREDIT_COVER',
          clear: cover.amount === 0,
          detail:
            cover.amount === 0
              ? 'No Credit Cover lodged'
              : `£${cover.amount.toFixed(2)} of Credit Cover still lodged: to be returned first`,
          owner: 'operator',
        },
  ]
}
