import type { Machine } from './machine.js'

/** Asset Metering Systems of an AMVLP (customer.md §8.3). */
export const ASSET_METERING: Machine = {
  id: 'asset_metering_system',
  states: ['SUBMITTED', 'REGISTERED', 'ALLOCATED', 'REJECTED'],
  transitions: [
    {
      name: 'submit_asset_metering_system',
      from: [],
      to: 'SUBMITTED',
      actors: 'Cat A or Sig(B) of a registered AMVLP',
    },
    {
      name: 'approve_asset_metering_system',
      from: ['SUBMITTED'],
      to: 'REGISTERED',
      actors: 'operator (ALLOCATED when a V__ unit was named)',
    },
    {
      name: 'reject_asset_metering_system',
      from: ['SUBMITTED'],
      to: 'REJECTED',
      actors: 'operator (reason required)',
    },
  ],
}
