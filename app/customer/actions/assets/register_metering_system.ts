import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import MeteringSystem from '#customer/models/metering_system'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { fieldError } from '#customer/support/journey_error'
import type { meteringSystemValidator } from '#customer/validators/asset_validators'

/**
 * Records an SVA Metering System the party will use for balancing services,
 * with its GSP Group and measurement class from the retail registration
 * (customer.md §8.1: never derived from the MPAN prefix alone).
 */
export default async function registerMeteringSystem(
  actor: User,
  partyId: string,
  input: Infer<typeof meteringSystemValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    if (!(await trx.from('customer_gsp_groups').where('gsp_group_id', input.gspGroupId).first())) {
      fieldError(
        'gspGroupId',
        `GSP Group ${input.gspGroupId} does not exist (the 14 groups are _A to _P without _I and _O)`
      )
    }
    if (
      await trx
        .from('customer_metering_systems')
        .where('party_id', party.partyId)
        .where('msid', input.msid)
        .whereNull('effective_to')
        .first()
    ) {
      fieldError('msid', 'This MSID is already in your list')
    }
    const system = await MeteringSystem.create(
      { partyId: party.partyId, ...input, effectiveTo: null },
      { client: trx }
    )
    await audit(trx, actor, {
      action: 'metering_system.register',
      subjectType: 'metering_system',
      subjectId: system.id,
      partyId: party.partyId,
      after: system.serialize(),
    })
    return system
  })
}
