import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'

/** .NET HealthStatus values, as Elexon's API reports them ("status code 2 if the service is alive"). */
const HEALTHY = 2
const UNHEALTHY = 0

function duration(ms: number): string {
  const seconds = ms / 1000
  return `00:00:${seconds.toFixed(7).padStart(10, '0')}`
}

/** /bmrs/api/v1/health: 200 with status 2 when the API can read its data, 503 otherwise. */
export default class InsightsHealthController {
  async show({ response }: HttpContext) {
    const started = performance.now()
    let status = HEALTHY
    let description: string | undefined
    try {
      await db.from('insights_dataset_days').select('dataset').limit(1)
    } catch (error) {
      status = UNHEALTHY
      description = (error as Error).message
    }
    const took = duration(performance.now() - started)
    return response.status(status === HEALTHY ? 200 : 503).json({
      status,
      totalDuration: took,
      entries: { database: { status, duration: took, ...(description ? { description } : {}) } },
    })
  }
}
