import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import MsidPair from '#customer/models/msid_pair'
import type Party from '#customer/models/party'
import { isValidMsid, msidCheckDigit } from '#customer/reference/identifiers'
import { leadTimeOn, applyLeadTime, today } from './lead_times.js'
import type { msidPairsValidator } from '#customer/validators/asset_validators'

export type MsidPairRow = Infer<typeof msidPairsValidator>['rows'][number]

/**
 * MSID Pair allocations (P0278, customer.md §8.2): each row is accepted or
 * rejected on its own with the reason (P0279/P0280) and written whole;
 * rows are processed in order, so a later row sees the allocations accepted
 * before it. Double allocation is checked first, as in the worked example of
 * customer.md §12.2. Used by the JSON rows route and the CSV upload.
 */
export async function allocateRows(
  trx: TransactionClientContract,
  party: Party,
  submittedBy: number,
  rows: MsidPairRow[],
  uploadId: number | null = null
) {
  const rule = await leadTimeOn('msid_pair_allocation', today(), trx)
  const earliest = rule ? applyLeadTime(rule, today()) : today()
  const results: MsidPair[] = []
  for (const row of rows) {
    const reason = await rejection(trx, party, row, earliest)
    results.push(
      await MsidPair.create(
        {
          partyId: party.partyId,
          bmUnitId: row.bmUnitId,
          importMsid: row.importMsid,
          exportMsid: row.exportMsid ?? null,
          effectiveFrom: row.effectiveFrom,
          effectiveTo: row.effectiveTo ?? null,
          status: reason ? 'rejected' : 'accepted',
          rejectionReason: reason,
          submittedBy,
          uploadId,
        },
        { client: trx }
      )
    )
  }
  return results
}

async function rejection(
  trx: TransactionClientContract,
  party: Party,
  row: MsidPairRow,
  earliest: string
): Promise<string | null> {
  for (const msid of [row.importMsid, row.exportMsid].filter(Boolean) as string[]) {
    if (!isValidMsid(msid))
      return `MSID ${msid}: check digit wrong (expected ${msidCheckDigit(msid)})`
  }
  if (row.effectiveTo && row.effectiveTo < row.effectiveFrom)
    return 'The end date is before the start date'
  if (row.effectiveFrom < earliest)
    return `Effective date inside the lead time: the earliest allowed is ${earliest}`
  const unit = await trx
    .from('customer_bm_units')
    .where('bm_unit_id', row.bmUnitId)
    .where('party_id', party.partyId)
    .where('status', 'registered')
    .where('effective_from', '<=', row.effectiveFrom)
    .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', row.effectiveFrom))
    .first()
  if (!unit) return `${row.bmUnitId} is not one of your BM Units effective on ${row.effectiveFrom}`
  if (!(
    unit.bm_unit_type === 'V' ||
    (unit.bm_unit_type === 'S' && unit.fpn_flag && !unit.is_base)
  )) {
    return 'MSID Pairs go to a Secondary (V__) unit or an Additional Supplier unit with FPN flag Y'
  }
  for (const msid of [row.importMsid, row.exportMsid].filter(Boolean) as string[]) {
    const clash = await trx
      .from('customer_msid_pairs')
      .where('status', 'accepted')
      .where((q) => q.where('import_msid', msid).orWhere('export_msid', msid))
      .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', row.effectiveFrom))
      .where((q) => (row.effectiveTo ? q.where('effective_from', '<=', row.effectiveTo) : q))
      .first()
    if (clash)
      return `MSID ${msid} is already allocated to ${clash.party_id === party.partyId ? clash.bm_unit_id : 'another BM Unit'} from ${clash.effective_from}`
    const system = await trx
      .from('customer_metering_systems')
      .where('party_id', party.partyId)
      .where('msid', msid)
      .whereNull('effective_to')
      .first()
    if (!system)
      return `MSID ${msid} is not in your metering systems: add it with its GSP Group and measurement class`
    if (system.measurement_class !== 'HH') return `MSID ${msid} is not half-hourly settled`
    if (system.gsp_group_id !== unit.gsp_group_id)
      return `MSID ${msid} is in GSP Group ${system.gsp_group_id}, the unit is in ${unit.gsp_group_id}`
  }
  return null
}
