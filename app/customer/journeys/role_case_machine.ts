import type { Machine } from './machine.js'

/** One role registration case per Party × market role (customer.md §5.2). */
export const ROLE_CASE: Machine = {
  id: 'role_case',
  states: ['DRAFT', 'SUBMITTED', 'QUALIFYING', 'READY_TO_REGISTER', 'REGISTERED', 'DEREGISTERED'],
  transitions: [
    { name: 'open_role_case', from: [], to: 'DRAFT', actors: 'Cat A, Sig(B) or assistant' },
    { name: 'submit_role_case', from: ['DRAFT'], to: 'SUBMITTED', actors: 'Cat A or Sig(B)' },
    {
      name: 'start_qualification',
      from: ['SUBMITTED'],
      to: 'QUALIFYING',
      actors: 'operator (opens the qualification sub-cases)',
    },
    {
      name: 'return_role_case',
      from: ['SUBMITTED', 'QUALIFYING'],
      to: 'DRAFT',
      actors: 'operator (reason required)',
    },
    {
      name: 'advance_qualification',
      from: ['QUALIFYING'],
      to: 'READY_TO_REGISTER',
      actors:
        'system, when every sub-case has passed; a trading role also needs Credit Cover and two 24-hour credit contacts',
    },
    {
      name: 'register_role',
      from: ['READY_TO_REGISTER'],
      to: 'REGISTERED',
      actors: 'operator (CRA)',
    },
    {
      name: 'deregister_role',
      from: ['REGISTERED'],
      to: 'DEREGISTERED',
      actors: 'operator, when no assets remain',
    },
  ],
}
