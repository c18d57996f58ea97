import type { Machine } from './machine.js'

/**
 * Market exit: the Withdrawal Notice and Elexon's decision (customer.md §10.2).
 * REJECTED is the Notice of No Effect; WINDING_DOWN and FINAL_CHECK are the
 * checklist the party works through and the re-check at confirmation.
 */
export const EXIT: Machine = {
  id: 'exit',
  states: ['NOTICE_SERVED', 'REVOKED', 'REJECTED', 'WITHDRAWN'],
  transitions: [
    {
      name: 'serve_withdrawal_notice',
      from: [],
      to: 'NOTICE_SERVED',
      actors: 'Cat A (standard route or P414 with a receiving party)',
    },
    { name: 'revoke_withdrawal_notice', from: ['NOTICE_SERVED'], to: 'REVOKED', actors: 'Cat A' },
    {
      name: 'reject_withdrawal',
      from: ['NOTICE_SERVED'],
      to: 'REJECTED',
      actors: 'operator (reason required)',
    },
    {
      name: 'lapse_withdrawal_notice',
      from: ['NOTICE_SERVED'],
      to: 'REJECTED',
      actors: 'system at the final check (17:00, D−2 BD) when a condition blocks: no effect',
    },
    {
      name: 'confirm_withdrawal',
      from: ['NOTICE_SERVED'],
      to: 'WITHDRAWN',
      actors: 'operator, from the final check (17:00, D−2 BD), when no condition blocks',
    },
  ],
}
