import type { Machine } from './machine.js'

/** BM Unit registration and its versions (customer.md §7). */
export const BM_UNIT: Machine = {
  id: 'bm_unit',
  states: ['SUBMITTED', 'REGISTERED', 'REJECTED', 'DEREGISTERED'],
  transitions: [
    {
      name: 'submit_bm_unit',
      from: [],
      to: 'SUBMITTED',
      actors: 'Cat A or Sig(B) of a party registered in a role allowing the type',
    },
    {
      name: 'change_bm_unit',
      from: [],
      to: 'SUBMITTED',
      actors: 'Cat A or Sig(B) (a new version of a registered unit)',
    },
    { name: 'approve_bm_unit', from: ['SUBMITTED'], to: 'REGISTERED', actors: 'operator (CRA)' },
    {
      name: 'reject_bm_unit',
      from: ['SUBMITTED'],
      to: 'REJECTED',
      actors: 'operator (reason required)',
    },
    {
      name: 'deregister_bm_unit',
      from: ['REGISTERED'],
      to: 'DEREGISTERED',
      actors: 'operator; Base BMUs never on their own',
    },
  ],
}
