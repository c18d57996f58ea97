import type { Machine } from './machine.js'

/** Market exit: the Withdrawal Notice and Elexon's decision (customer.md §10.2). */
export const EXIT: Machine = {
  id: 'exit',
  states: ['NOTICE_SERVED', 'REVOKED', 'REJECTED', 'WITHDRAWN'],
  transitions: [
    { name: 'serve_withdrawal_notice', from: [], to: 'NOTICE_SERVED', actors: 'Cat A' },
    { name: 'revoke_withdrawal_notice', from: ['NOTICE_SERVED'], to: 'REVOKED', actors: 'Cat A' },
    {
      name: 'reject_withdrawal',
      from: ['NOTICE_SERVED'],
      to: 'REJECTED',
      actors: 'operator (reason required)',
    },
    {
      name: 'confirm_withdrawal',
      from: ['NOTICE_SERVED'],
      to: 'WITHDRAWN',
      actors: 'operator, only when no blocking condition remains',
    },
  ],
}
