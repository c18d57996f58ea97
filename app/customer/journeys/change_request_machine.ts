import type { Machine } from './machine.js'

/** Maker-checker for My Account changes (customer.md §2.4, §4.2). */
export const CHANGE_REQUEST: Machine = {
  id: 'change_request',
  states: ['PENDING_APPROVAL', 'APPROVED', 'REJECTED'],
  transitions: [
    {
      name: 'propose_account_change',
      from: [],
      to: 'PENDING_APPROVAL',
      actors: 'assistant (prepares); Cat A or the category holder applies directly (APPROVED)',
    },
    {
      name: 'approve_account_change',
      from: ['PENDING_APPROVAL'],
      to: 'APPROVED',
      actors: 'Cat A (or Sig(F) for bank details), never the preparer',
    },
    {
      name: 'reject_account_change',
      from: ['PENDING_APPROVAL'],
      to: 'REJECTED',
      actors: 'Cat A (or Sig(F) for bank details)',
    },
  ],
}
