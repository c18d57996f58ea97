import { r, type CustomerRoute } from './route.js'
import * as signatories from '../validators/signatory_validators.js'
import * as account from '../validators/account_validators.js'

/** Authorised signatories and portal access (customer.md §6). */
export const SIGNATORY_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/parties/:partyId/signatories',
    'signatories',
    'index',
    'party',
    'Authorised signatories, nominations and invitations'
  ),
  r(
    'post',
    '/parties/:partyId/signatories',
    'signatories',
    'propose',
    'party',
    "Nominate a signatory (the first Category A with a Director's Letter)",
    signatories.proposeSignatoryValidator,
    true
  ),
  r(
    'post',
    '/signatory-requests/:id/approve',
    'signatories',
    'approve',
    'party',
    'Approve a nomination (Cat A; operator for the first Cat A)'
  ),
  r(
    'post',
    '/signatory-requests/:id/reject',
    'signatories',
    'reject',
    'party',
    'Reject a nomination',
    account.decisionReasonValidator
  ),
  r(
    'post',
    '/authorisations/:id/end-date',
    'signatories',
    'endDate',
    'party',
    'End-date one category of a signatory',
    signatories.endDateAuthorisationValidator
  ),
  r(
    'post',
    '/parties/:partyId/invitations',
    'signatories',
    'invite',
    'party',
    'Grant portal access to a colleague (assistant invitation)',
    signatories.inviteUserValidator
  ),
  r(
    'post',
    '/signatories/:id/portal-access',
    'signatories',
    'grantAccess',
    'party',
    'Give an authorised signatory (user id) portal access (Cat A)'
  ),
  r(
    'post',
    '/signatory-confirmations/:id/confirm',
    'signatories',
    'confirmList',
    'party',
    'Confirm the yearly list of authorised persons (Cat A)',
    signatories.confirmSignatoriesValidator
  ),
]
