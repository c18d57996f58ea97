import { r, type CustomerRoute } from './route.js'
import * as entry from '../validators/entry_validators.js'
import * as credit from '../validators/credit_validators.js'

/** Credit Cover, credit defaults, the 24-hour credit contacts and BSC charges (customer.md §9). */
export const CREDIT_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/parties/:partyId/credit',
    'credit',
    'show',
    'party',
    'Credit Cover, indebtedness and CCP, credit defaults, credit contacts, BSC charges'
  ),
  r(
    'post',
    '/parties/:partyId/credit/lodgements',
    'credit',
    'lodge',
    'operator',
    'Record Credit Cover received (amount in pounds, date, instrument)',
    credit.creditLodgementValidator
  ),
  r(
    'post',
    '/parties/:partyId/credit/withdrawals',
    'credit',
    'requestWithdrawal',
    'party',
    'Ask for Credit Cover back (Cat A or Sig C)',
    credit.creditWithdrawalValidator
  ),
  r(
    'post',
    '/credit-movements/:id/record',
    'credit',
    'recordWithdrawal',
    'operator',
    'Record a requested Credit Cover withdrawal'
  ),
  r(
    'post',
    '/credit-movements/:id/refuse',
    'credit',
    'refuseWithdrawal',
    'operator',
    'Refuse a requested Credit Cover withdrawal',
    entry.reasonValidator
  ),
  r(
    'post',
    '/parties/:partyId/credit/contacts',
    'credit',
    'creditContacts',
    'party',
    'The 24-hour credit default contacts form (Cat A or Sig C; two to four people)',
    credit.creditContactsValidator
  ),
  r(
    'post',
    '/parties/:partyId/credit/evaluate',
    'credit',
    'evaluate',
    'operator',
    'Evaluate the credit default level now'
  ),
  r(
    'post',
    '/parties/:partyId/bsc-charges/payments',
    'credit',
    'recordPayment',
    'operator',
    'Record a payment of BSC charges',
    credit.bscChargePaymentValidator
  ),
]
