import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { parameterHistory } from './parameter_history.js'
import { formatPounds } from './money.js'

/**
 * BSC charges a party accrues (customer.md §1, §5.1): the Accession Fee on the
 * accession date, and the Base Monthly Charge plus VAT for every calendar
 * month, or part, from the accession month to the month of `throughDate`.
 * Amounts and the VAT rate are dated parameters, read for each month. The
 * published fee is stated without VAT, so none is added to it. The annual
 * final determination of BSCCo Charges (Section D) is not modelled.
 */
export interface ChargeLine {
  label: string
  months: number
  pence: number
}

export interface BscChargesPosition {
  throughDate: string
  lines: ChargeLine[]
  accruedPence: number
  paidPence: number
  outstandingPence: number
  /** Months or items that could not be priced because a parameter is not set. */
  missing: string[]
}

export async function bscCharges(
  trx: TransactionClientContract | undefined,
  party: { partyId: string; accessionDate: string | null },
  throughDate: string
): Promise<BscChargesPosition> {
  const valueOn = await parameterHistory(['accession_fee', 'base_monthly_charge', 'vat_rate'], trx)
  const lines: ChargeLine[] = []
  const missing: string[] = []
  const accession = party.accessionDate
  if (accession && accession <= throughDate) {
    const fee = valueOn('accession_fee', accession)
    if (fee === null) missing.push(`Accession Fee on ${accession}`)
    else lines.push({ label: `Accession Fee (${accession})`, months: 0, pence: fee })

    let month = DateTime.fromISO(accession, { zone: 'utc' }).startOf('month')
    const last = DateTime.fromISO(throughDate, { zone: 'utc' }).startOf('month')
    while (month <= last) {
      const day = DateTime.max(month, DateTime.fromISO(accession, { zone: 'utc' })).toISODate()!
      const net = valueOn('base_monthly_charge', day)
      const vat = valueOn('vat_rate', day)
      if (net === null || vat === null)
        missing.push(`Base Monthly Charge for ${month.toFormat('yyyy-MM')}`)
      else {
        const pence = net + Math.round((net * vat) / 100)
        const label = `Base Monthly Charge ${formatPounds(net)} + VAT ${vat} %`
        const previous = lines[lines.length - 1]
        if (previous?.label === label && previous.months > 0) {
          previous.months++
          previous.pence += pence
        } else lines.push({ label, months: 1, pence })
      }
      month = month.plus({ months: 1 })
    }
  }
  const paid = await (trx ?? db)
    .from('customer_bsc_charge_payments')
    .where('party_id', party.partyId)
    .sum('amount_pence as total')
    .first()
  const accruedPence = lines.reduce((sum, line) => sum + line.pence, 0)
  const paidPence = Number(paid?.total ?? 0)
  return {
    throughDate,
    lines,
    accruedPence,
    paidPence,
    outstandingPence: accruedPence - paidPence,
    missing,
  }
}
