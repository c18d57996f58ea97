import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import BankAccount from '#customer/models/bank_account'
import Contact from '#customer/models/contact'
import Party from '#customer/models/party'
import type ChangeRequest from '#customer/models/change_request'
import { today } from './lead_times.js'

/**
 * Applies an approved My Account change (customer.md §4.2). New contacts and
 * bank details exist from the start as `pending_approval` rows (so the draft
 * is visible) and become `approved`; edits of existing records wait in the
 * change request and are written only now.
 */
export async function applyAccountChange(trx: TransactionClientContract, request: ChangeRequest) {
  const change = request.change
  switch (request.subjectType) {
    case 'company': {
      const party = await Party.query({ client: trx })
        .where('party_id', request.partyId)
        .firstOrFail()
      party.merge(change)
      await party.useTransaction(trx).save()
      return
    }
    case 'contact': {
      const contact = await Contact.findOrFail(Number(request.subjectId), { client: trx })
      /* The general form cannot name credit contacts, so an edit keeps that role. */
      const credit = contact.contactTypes?.includes('credit_24h') ? ['credit_24h'] : []
      contact.merge({
        ...change,
        contactTypes: [...(change.contactTypes ?? contact.contactTypes), ...credit],
        status: 'approved',
      })
      await contact.useTransaction(trx).save()
      return
    }
    case 'contact_end': {
      const contact = await Contact.findOrFail(Number(request.subjectId), { client: trx })
      contact.merge({
        effectiveTo: change.effectiveTo,
        status: change.effectiveTo <= today() ? 'end_dated' : contact.status,
      })
      await contact.useTransaction(trx).save()
      return
    }
    case 'bank_account': {
      const account = await BankAccount.findOrFail(Number(request.subjectId), { client: trx })
      account.merge({ ...change, status: 'approved' })
      await account.useTransaction(trx).save()
      /* One approved set per purpose: the replaced one is end-dated. */
      await trx
        .from('customer_bank_accounts')
        .where('party_id', account.partyId)
        .where('purpose', account.purpose)
        .where('status', 'approved')
        .whereNot('id', account.id)
        .update({ status: 'end_dated' })
      return
    }
    default:
      throw new Error(`No account change of type ${request.subjectType}`)
  }
}

/** What a record looked like before the change, for the history and the audit log. */
export async function currentValues(
  trx: TransactionClientContract,
  subjectType: string,
  subjectId: string | null,
  partyId: string
) {
  if (subjectType === 'company') {
    const party = await Party.query({ client: trx }).where('party_id', partyId).firstOrFail()
    return {
      name: party.name,
      vatNumber: party.vatNumber,
      registeredAddress: party.registeredAddress,
      correspondenceAddress: party.correspondenceAddress,
      invoiceAddress: party.invoiceAddress,
    }
  }
  if (!subjectId) return null
  if (subjectType === 'bank_account') {
    const account = await BankAccount.find(Number(subjectId), { client: trx })
    return account ? { ...account.serialize(), accountNumber: mask(account.accountNumber) } : null
  }
  const contact = await Contact.find(Number(subjectId), { client: trx })
  return contact ? contact.serialize() : null
}

/** Bank account numbers appear in history and audit only masked. */
export function mask(accountNumber: string) {
  return `****${accountNumber.slice(-4)}`
}
