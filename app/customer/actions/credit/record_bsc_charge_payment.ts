import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import BscChargePayment from '#customer/models/bsc_charge_payment'
import { audit } from '#customer/support/audit'
import { partyFor } from '#customer/support/parties'
import { fieldError } from '#customer/support/journey_error'
import { poundsToPence } from '#customer/support/money'
import { today } from '#customer/support/lead_times'
import type { bscChargePaymentValidator } from '#customer/validators/credit_validators'

/**
 * The operator records a payment of BSC charges (Accession Fee, Base Monthly
 * Charges); what is accrued and not paid blocks a withdrawal (customer.md §10.1).
 */
export default async function recordBscChargePayment(
  actor: User,
  partyId: string,
  input: Infer<typeof bscChargePaymentValidator>
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    if (input.paidOn > today()) fieldError('paidOn', 'The payment date must not be in the future')
    const payment = await BscChargePayment.create(
      {
        partyId: party.partyId,
        paidOn: input.paidOn,
        amountPence: poundsToPence(input.amount),
        reference: input.reference,
        recordedBy: actor.id,
      },
      { client: trx }
    )
    await audit(trx, actor, {
      action: 'charges.record_payment',
      subjectType: 'bsc_charge_payment',
      subjectId: payment.id,
      partyId: party.partyId,
      after: {
        amountPence: payment.amountPence,
        paidOn: payment.paidOn,
        reference: payment.reference,
      },
    })
    return payment
  })
}
