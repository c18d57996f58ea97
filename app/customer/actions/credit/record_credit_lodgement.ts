import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import { CREDIT_COVER, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { notifyParty } from '#customer/support/notify_party'
import { promoteReadyRoleCases } from '#customer/support/role_readiness'
import { fieldError, JourneyError } from '#customer/support/journey_error'
import { formatPounds, poundsToPence } from '#customer/support/money'
import { today } from '#customer/support/lead_times'
import type { creditLodgementValidator } from '#customer/validators/credit_validators'

/**
 * The operator records Credit Cover received (customer.md §3.2 "confirm
 * lodgement", §9): amount, the day it counts from, the instrument. A role case
 * waiting only for cover may then become READY_TO_REGISTER.
 */
export default async function recordCreditLodgement(
  actor: User,
  partyId: string,
  input: Infer<typeof creditLodgementValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(CREDIT_COVER, 'record_credit_lodgement', null)
    if (!party.accessionDate || party.status === 'withdrawn')
      throw new JourneyError('Credit Cover is lodged by a party that has acceded and not withdrawn')
    if (input.effectiveOn > today())
      fieldError(
        'effectiveOn',
        'Record cover once it is received: the date must not be in the future'
      )
    const movement = await CreditCoverMovement.create(
      {
        partyId: party.partyId,
        kind: 'lodgement',
        state: 'LODGED',
        amountPence: poundsToPence(input.amount),
        effectiveOn: input.effectiveOn,
        instrument: input.instrument,
        reference: input.reference,
        recordedBy: actor.id,
      },
      { client: trx }
    )
    await promoteReadyRoleCases(trx, party.partyId)
    await notifyParty(
      trx,
      party.partyId,
      {
        title: 'Credit Cover lodged',
        body: `${formatPounds(movement.amountPence)} (${input.instrument.replace('_', ' ')}) from ${input.effectiveOn}.`,
        link: `/customer/parties/${party.partyId}/credit`,
      },
      { categories: ['A', 'C'] }
    )
    await audit(trx, actor, {
      action: 'credit.record_lodgement',
      subjectType: 'credit_cover_movement',
      subjectId: movement.id,
      partyId: party.partyId,
      after: {
        state: 'LODGED',
        amountPence: movement.amountPence,
        effectiveOn: movement.effectiveOn,
        instrument: movement.instrument,
        reference: movement.reference,
      },
    })
    return movement
  })
}
