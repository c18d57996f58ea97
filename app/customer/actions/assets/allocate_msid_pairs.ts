import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { allocateRows, type MsidPairRow } from '#customer/support/msid_pair_rows'

/** MSID Pair allocations sent as JSON rows (the API twin of the CSV upload): per-row results. */
export default async function allocateMsidPairs(actor: User, partyId: string, rows: MsidPairRow[]) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    const results = await allocateRows(trx, party, actor.id, rows)
    await audit(trx, actor, {
      action: 'msid_pair.allocate',
      subjectType: 'msid_pair_batch',
      subjectId: results.map((r) => r.id).join(','),
      partyId: party.partyId,
      after: results.map((r) => ({
        id: r.id,
        bmUnitId: r.bmUnitId,
        importMsid: r.importMsid,
        status: r.status,
        reason: r.rejectionReason,
      })),
    })
    return results
  })
}
