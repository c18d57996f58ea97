import type { Machine } from './machine.js'

/** Authorised signatory nominations and authorisations (customer.md §6.1). */
export const SIGNATORY: Machine = {
  id: 'signatory',
  states: ['PENDING_APPROVAL', 'ACTIVE', 'REJECTED', 'ENDED', 'DELETED'],
  transitions: [
    {
      name: 'propose_signatory',
      from: [],
      to: 'PENDING_APPROVAL',
      actors: 'assistant (prepares) or Cat A (direct: ACTIVE)',
    },
    {
      name: 'approve_signatory',
      from: ['PENDING_APPROVAL'],
      to: 'ACTIVE',
      actors:
        "Cat A other than the proposer and the nominee; operator for the first Cat A (Director's Letter)",
    },
    {
      name: 'reject_signatory',
      from: ['PENDING_APPROVAL'],
      to: 'REJECTED',
      actors: 'Cat A or operator',
    },
    {
      name: 'end_date_authorisation',
      from: ['ACTIVE'],
      to: 'ENDED',
      actors: 'Cat A or operator; never the last Cat A',
    },
    {
      name: 'purge_retained_records',
      from: ['ENDED'],
      to: 'DELETED',
      actors: 'system, after the retention period',
    },
  ],
}
