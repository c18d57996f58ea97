import { r, type CustomerRoute } from './route.js'
import * as entry from '../validators/entry_validators.js'
import * as exit from '../validators/exit_validators.js'

/** Market exit (customer.md §10), documents and the operator pages. */
export const EXIT_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/parties/:partyId/exit',
    'exit',
    'show',
    'party',
    'Exit checklist: blocking conditions and notices'
  ),
  r(
    'post',
    '/parties/:partyId/exit',
    'exit',
    'serve',
    'party',
    'Serve a Withdrawal Notice (Cat A): standard, or P414 with a receiving party',
    exit.withdrawalNoticeValidator
  ),
  r('post', '/exits/:id/revoke', 'exit', 'revoke', 'party', 'Revoke a Withdrawal Notice (Cat A)'),
  r(
    'post',
    '/exits/:id/confirm',
    'exit',
    'confirm',
    'operator',
    'Confirm a withdrawal from the final check (no blocking condition left)',
    exit.confirmWithdrawalValidator
  ),
  r(
    'post',
    '/exits/:id/reject',
    'exit',
    'reject',
    'operator',
    'Reject a withdrawal with a reason',
    entry.reasonValidator
  ),
  r(
    'post',
    '/parties/:partyId/licence',
    'exit',
    'recordLicenceEnd',
    'operator',
    'Record that the licence was revoked or surrendered, or its application closed',
    exit.licenceEndValidator
  ),
  r('get', '/documents/:id', 'documents', 'show', 'party', 'Download an uploaded document'),
  r(
    'get',
    '/operator/queue',
    'operator',
    'queue',
    'operator',
    'Work queue (filters: type, state, party, overdue, assignee)'
  ),
  r(
    'get',
    '/operator/parameters',
    'operator',
    'parameters',
    'operator',
    'Dated parameters (lead times, thresholds, charges) and the journey state machines'
  ),
  r(
    'post',
    '/operator/parameters',
    'operator',
    'setParameter',
    'operator',
    'Set a dated parameter (e.g. the withdrawal notice period)',
    exit.leadTimeRuleValidator
  ),
]
