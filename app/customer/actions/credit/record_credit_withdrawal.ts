import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#core/auth/user'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import { CREDIT_COVER, assertTransition } from '#customer/journeys/machines'
import { settlementMoneyPort, type SettlementMoneyPort } from '#customer/ports/trading_charges_port'
import { audit } from '#customer/support/audit'
import { ownedRecord } from '#customer/support/parties'
import { closeTasks } from '#customer/support/tasks'
import { notifyParty } from '#customer/support/notify_party'
import { lodgedCoverPence } from '#customer/support/credit'
import { JourneyError } from '#customer/support/journey_error'
import { formatPounds } from '#customer/support/money'
import { parameterOn, today } from '#customer/support/lead_times'

/**
 * REQUESTED → WITHDRAWN by the operator (customer.md §9). The cover left must
 * keep the party at or below the Level 1 threshold for what it owes; when
 * settlement cannot say what it owes, the withdrawal cannot be shown safe
 * and is refused with the reason.
 */
export default async function recordCreditWithdrawal(
  actor: User,
  movementId: number | string,
  port: SettlementMoneyPort = settlementMoneyPort
) {
  const requested = await ownedRecord(actor, CreditCoverMovement, movementId)
  const indebtedness = await port.indebtedness(requested.partyId)
  return db.transaction(async (trx) => {
    const movement = await CreditCoverMovement.query({ client: trx })
      .where('id', requested.id)
      .forUpdate()
      .firstOrFail()
    assertTransition(CREDIT_COVER, 'record_credit_withdrawal', movement.state)
    const cover = await lodgedCoverPence(movement.partyId, movement.effectiveOn, trx)
    if (movement.amountPence > cover)
      throw new JourneyError(`Only ${formatPounds(cover)} is lodged on ${movement.effectiveOn}`)
    if (indebtedness.status === 'unknown')
      throw new JourneyError(`The withdrawal cannot be checked: ${indebtedness.explanation}`)
    const remaining = cover - movement.amountPence
    const threshold = await parameterOn('credit_default_level_1', today(), trx)
    const level1 = threshold?.value
    if (indebtedness.pence > 0) {
      if (level1 === undefined)
        throw new JourneyError('The Level 1 credit default threshold is not set')
      if (remaining <= 0 || (indebtedness.pence / remaining) * 100 > level1)
        throw new JourneyError(
          `${formatPounds(remaining)} left would not cover ${formatPounds(indebtedness.pence)} owed within the ${level1} % Level 1 threshold`
        )
    }
    movement.merge({ state: 'WITHDRAWN', recordedBy: actor.id, decidedAt: DateTime.utc() })
    await movement.useTransaction(trx).save()
    await closeTasks(trx, 'credit_cover', movement.id)
    await notifyParty(
      trx,
      movement.partyId,
      {
        title: 'Credit Cover withdrawn',
        body: `${formatPounds(movement.amountPence)} from ${movement.effectiveOn}; ${formatPounds(remaining)} remains lodged.`,
        link: `/customer/parties/${movement.partyId}/credit`,
      },
      { categories: ['A', 'C'] }
    )
    await audit(trx, actor, {
      action: 'credit.record_withdrawal',
      subjectType: 'credit_cover_movement',
      subjectId: movement.id,
      partyId: movement.partyId,
      before: { state: 'REQUESTED' },
      after: { state: 'WITHDRAWN', remainingPence: remaining, basis: indebtedness.basis },
    })
    return movement
  })
}
