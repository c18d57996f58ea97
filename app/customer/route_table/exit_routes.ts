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
    'Serve a Withdrawal Notice (Cat A)',
    exit.withdrawalNoticeValidator
  ),
  r('post', '/exits/:id/revoke', 'exit', 'revoke', 'party', 'Revoke a Withdrawal Notice (Cat A)'),
  r(
    'post',
    '/exits/:id/confirm',
    'exit',
    'confirm',
    'operator',
    'Confirm a withdrawal (no blocking condition left)'
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
    'Dated lead-time parameters and the journey state machines'
  ),
  r(
    'post',
    '/operator/parameters',
    'operator',
    'setParameter',
    'operator',
    'Set a dated lead-time parameter (e.g. the withdrawal notice period)',
    exit.leadTimeRuleValidator
  ),
]
