/*
| Preload (register in adonisrc.ts): the settlement context at boot.
| - Reference data follows the customer register through its events.
| - The web server fails runs that a dead process left "running".
*/
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import {
  replicateBmUnitVersion,
  replicateParty,
} from '#settlement/actions/replicate_reference_data'
import { failAbandonedRuns } from '#settlement/runs/run_liveness'
import { failAbandonedParallelRuns } from '#settlement/parallel/abandoned_parallel_runs'

emitter.on('customer:party_registered', async (payload) => {
  try {
    await replicateParty(payload)
  } catch (error) {
    logger.error(
      { err: error, partyId: payload.partyId },
      'settlement: could not replicate a registered party'
    )
  }
})

for (const name of ['customer:bm_unit_registered', 'customer:bm_unit_changed'] as const) {
  emitter.on(name, async (payload) => {
    try {
      await replicateBmUnitVersion(payload)
    } catch (error) {
      logger.error(
        { err: error, bmUnit: payload.elexonBmUnit },
        'settlement: could not replicate a BM Unit version'
      )
    }
  })
}

/* Once the HTTP server listens (not in ace commands, which may only be generating code). */
emitter.on('http:server_ready', () =>
  Promise.all([failAbandonedRuns(), failAbandonedParallelRuns()]).catch((error) =>
    logger.error({ err: error }, 'settlement: could not check for abandoned runs')
  )
)
