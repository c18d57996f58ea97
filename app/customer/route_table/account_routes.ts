import { r, type CustomerRoute } from './route.js'
import * as account from '../validators/account_validators.js'

/** My Account (customer.md §4.2). */
export const ACCOUNT_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/parties/:partyId/account',
    'account',
    'show',
    'party',
    'My Account: company details, contacts, bank details, change history'
  ),
  r(
    'put',
    '/parties/:partyId/account/company',
    'account',
    'updateCompany',
    'party',
    'Change company details (Cat A approves)',
    account.companyDetailsValidator
  ),
  r(
    'post',
    '/parties/:partyId/account/contacts',
    'account',
    'addContact',
    'party',
    'Add a contact (Cat A approves)',
    account.contactValidator
  ),
  r(
    'put',
    '/contacts/:id',
    'account',
    'updateContact',
    'party',
    'Change a contact (Cat A approves)',
    account.contactValidator
  ),
  r(
    'post',
    '/contacts/:id/end-date',
    'account',
    'endContact',
    'party',
    'End-date a contact (Cat A)',
    account.endContactValidator
  ),
  r(
    'post',
    '/parties/:partyId/account/bank-accounts',
    'account',
    'addBankAccount',
    'party',
    'New Trading/BSC Charges bank details (Cat A or F approves)',
    account.bankAccountValidator
  ),
  r(
    'post',
    '/change-requests/:id/approve',
    'account',
    'approve',
    'party',
    'Approve a prepared change (never the preparer)'
  ),
  r(
    'post',
    '/change-requests/:id/reject',
    'account',
    'reject',
    'party',
    'Reject a prepared change',
    account.decisionReasonValidator
  ),
]
