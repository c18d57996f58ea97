import type { Machine } from './machine.js'

/**
 * Credit Cover lodged with Elexon (customer.md §9): the operator records
 * lodgements; a withdrawal is requested by a Cat A or Sig(C) and recorded or
 * refused by the operator. Every movement is kept (the history).
 */
export const CREDIT_COVER: Machine = {
  id: 'credit_cover',
  states: ['LODGED', 'REQUESTED', 'WITHDRAWN', 'REFUSED'],
  transitions: [
    {
      name: 'record_credit_lodgement',
      from: [],
      to: 'LODGED',
      actors: 'operator, on receipt of cash or a letter of credit',
    },
    { name: 'request_credit_withdrawal', from: [], to: 'REQUESTED', actors: 'Cat A or Sig(C)' },
    {
      name: 'record_credit_withdrawal',
      from: ['REQUESTED'],
      to: 'WITHDRAWN',
      actors: 'operator; never below what the known indebtedness needs',
    },
    {
      name: 'refuse_credit_withdrawal',
      from: ['REQUESTED'],
      to: 'REFUSED',
      actors: 'operator (reason required)',
    },
  ],
}

/**
 * Credit default episodes (customer.md §9, §15: Level 1 above 80 %, Level 2
 * above 90 % Credit Cover usage, both dated parameters). The system enters,
 * moves between and clears the levels when it evaluates the party's CCP;
 * a new episode starts at either level (`from` lists the moves within one).
 */
export const CREDIT_DEFAULT: Machine = {
  id: 'credit_default',
  states: ['LEVEL_1', 'LEVEL_2', 'CLEARED'],
  transitions: [
    {
      name: 'enter_credit_default_level_1',
      from: ['LEVEL_2'],
      to: 'LEVEL_1',
      actors: 'system: CCP above the Level 1 threshold, not above Level 2 (or a new default)',
    },
    {
      name: 'enter_credit_default_level_2',
      from: ['LEVEL_1'],
      to: 'LEVEL_2',
      actors: 'system: CCP above the Level 2 threshold (or a new default)',
    },
    {
      name: 'clear_credit_default',
      from: ['LEVEL_1', 'LEVEL_2'],
      to: 'CLEARED',
      actors: 'system: CCP at or below the Level 1 threshold again',
    },
  ],
}
