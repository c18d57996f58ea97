import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { appVersion } from '#core/version'

/** Liveness and database status for load balancers and operators. */
export default class HealthController {
  async show({ response }: HttpContext) {
    const started = performance.now()
    let database: { status: 'ok' | 'down'; connection: string; latencyMs?: number; error?: string }
    const connection = db.primaryConnectionName
    try {
      await db.rawQuery('select 1')
      database = {
        status: 'ok',
        connection,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      }
    } catch (error) {
      database = { status: 'down', connection, error: (error as Error).message }
    }
    const healthy = database.status === 'ok'
    return response.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      version: appVersion(),
      database,
    })
  }
}
