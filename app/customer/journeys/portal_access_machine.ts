import type { Machine } from './machine.js'

/**
 * Portal invitations (customer.md §6.4): a Cat A invites a colleague as an
 * assistant, or gives an existing authorised signatory access; the link works
 * once and expires (dated `invitation_expiry`); a withdrawal revokes what is open.
 */
export const PORTAL_ACCESS: Machine = {
  id: 'portal_access',
  states: ['INVITED', 'ACCEPTED', 'EXPIRED', 'REVOKED'],
  transitions: [
    { name: 'invite_user', from: [], to: 'INVITED', actors: 'Cat A (a new assistant)' },
    {
      name: 'grant_signatory_access',
      from: [],
      to: 'INVITED',
      actors: 'Cat A (an authorised signatory of the party without portal access)',
    },
    { name: 'accept_invitation', from: ['INVITED'], to: 'ACCEPTED', actors: 'the invitee' },
    { name: 'expire_invitation', from: ['INVITED'], to: 'EXPIRED', actors: 'system' },
    {
      name: 'revoke_invitation',
      from: ['INVITED'],
      to: 'REVOKED',
      actors: 'system, when the party withdraws',
    },
  ],
}
