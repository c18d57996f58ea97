/*
| Preload (register in adonisrc.ts): Insights follows the other contexts
| through their events only. Settlement runs feed the run-versioned datasets;
| the customer register feeds the BM Unit reference list.
*/
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import { ingestSettlementRun } from '#insights/actions/ingest_settlement_run'
import { replicateBmUnit } from '#insights/actions/replicate_bm_unit'

emitter.on('settlement:run_completed', async (event) => {
  try {
    const outcome = await ingestSettlementRun(event)
    if (outcome.status !== 'ingested') return
    logger.info(
      { runId: event.runId, rows: outcome.datasets, ms: outcome.ms },
      'insights: ingested the outputs of a settlement run'
    )
    if (outcome.missingOutputs.length > 0) {
      logger.warn(
        { runId: event.runId, missing: outcome.missingOutputs },
        'insights: settlement does not publish these outputs'
      )
    }
  } catch (error) {
    logger.error(
      { err: error, runId: event.runId },
      'insights: could not ingest the outputs of a settlement run'
    )
  }
})

for (const name of ['customer:bm_unit_registered', 'customer:bm_unit_changed'] as const) {
  emitter.on(name, async (payload) => {
    try {
      await replicateBmUnit(payload)
    } catch (error) {
      logger.error(
        { err: error, bmUnit: payload.elexonBmUnit },
        'insights: could not update the BM Unit reference list'
      )
    }
  })
}
