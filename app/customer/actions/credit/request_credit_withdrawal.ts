import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import { CREDIT_COVER, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { openTask } from '#customer/support/tasks'
import { lodgedCoverPence } from '#customer/support/credit'
import { fieldError } from '#customer/support/journey_error'
import { formatPounds, poundsToPence } from '#customer/support/money'
import { today } from '#customer/support/lead_times'
import type { creditWithdrawalValidator } from '#customer/validators/credit_validators'

/**
 * A Cat A or Sig(C) asks for Credit Cover back (customer.md §2.3 category C):
 * at most what is lodged and not already asked for. Elexon records or refuses.
 */
export default async function requestCreditWithdrawal(
  actor: User,
  partyId: string,
  input: Infer<typeof creditWithdrawalValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(CREDIT_COVER, 'request_credit_withdrawal', null)
    if (input.effectiveOn < today()) fieldError('effectiveOn', 'The date must be today or later')
    const amountPence = poundsToPence(input.amount)
    const pending = await trx
      .from('customer_credit_cover_movements')
      .where('party_id', party.partyId)
      .where('state', 'REQUESTED')
      .sum('amount_pence as total')
      .first()
    const available =
      (await lodgedCoverPence(party.partyId, input.effectiveOn, trx)) - Number(pending?.total ?? 0)
    if (amountPence > available)
      fieldError(
        'amount',
        `At most ${formatPounds(Math.max(0, available))} can be withdrawn (lodged cover less open requests)`
      )
    const movement = await CreditCoverMovement.create(
      {
        partyId: party.partyId,
        kind: 'withdrawal',
        state: 'REQUESTED',
        amountPence,
        effectiveOn: input.effectiveOn,
        reference: input.reference ?? null,
        requestedBy: actor.id,
      },
      { client: trx }
    )
    await openTask(trx, {
      partyId: party.partyId,
      caseType: 'credit_cover',
      caseId: movement.id,
      kind: 'decide_credit_withdrawal',
      title: `Credit Cover withdrawal of ${formatPounds(amountPence)} for ${party.name}`,
      reason: `${actor.fullName} asked for it from ${input.effectiveOn}; check the indebtedness and record or refuse it.`,
      assignee: 'operator',
      leadTime: 'accession_check',
    })
    await audit(trx, actor, {
      action: 'credit.request_withdrawal',
      subjectType: 'credit_cover_movement',
      subjectId: movement.id,
      partyId: party.partyId,
      after: { state: 'REQUESTED', amountPence, effectiveOn: input.effectiveOn },
    })
    return movement
  })
}
