import type { Machine } from './machine.js'

/**
 * The annual confirmation of the authorised persons (customer.md §6.1): once
 * per dated cycle the list goes to a Cat A of each party, who confirms it
 * (corrections are made with the ordinary signatory transitions first).
 */
export const SIGNATORY_CONFIRMATION: Machine = {
  id: 'signatory_confirmation',
  states: ['DUE', 'OVERDUE', 'CONFIRMED'],
  transitions: [
    {
      name: 'issue_signatory_confirmation',
      from: [],
      to: 'DUE',
      actors: 'system, once per signatory_confirmation_cycle',
    },
    {
      name: 'mark_signatory_confirmation_overdue',
      from: ['DUE'],
      to: 'OVERDUE',
      actors: 'system, after the due date',
    },
    {
      name: 'confirm_signatories',
      from: ['DUE', 'OVERDUE'],
      to: 'CONFIRMED',
      actors: 'Cat A',
    },
  ],
}
