import type { Machine } from './machine.js'

/**
 * BM Unit registration and its versions (customer.md §7.5): DRAFT and
 * VALIDATING are the party's form and the operator's check of SUBMITTED.
 */
export const BM_UNIT: Machine = {
  id: 'bm_unit',
  states: ['SUBMITTED', 'AWAITING_NETSO', 'REGISTERED', 'REJECTED', 'DEREGISTERED'],
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
    {
      name: 'approve_bm_unit',
      from: ['SUBMITTED'],
      to: 'REGISTERED',
      actors: 'operator (CRA); Primary units with FPN Y go through the NETSO step instead',
    },
    {
      name: 'refer_bm_unit_to_netso',
      from: ['SUBMITTED'],
      to: 'AWAITING_NETSO',
      actors: 'operator (CRA): validated; a Primary unit with FPN Y awaits the NETSO agreement',
    },
    {
      name: 'record_netso_agreement',
      from: ['AWAITING_NETSO'],
      to: 'REGISTERED',
      actors: 'operator records the NETSO agreement (document optional)',
    },
    {
      name: 'reject_bm_unit',
      from: ['SUBMITTED', 'AWAITING_NETSO'],
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
