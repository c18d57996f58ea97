/**
 * Requests for run-versioned data (system prices, stacks, indicative volumes
 * and cashflows, acceptance volumes): settlement date and period from the path,
 * bid/offer, BM Units (Elexon or National Grid ids) and our `runType` beside them.
 */
import db from '@adonisjs/lucid/services/db'
import { registry } from '#insights/datasets/registry'
import { Params, type Format } from './params.js'

export interface RunRequest {
  settlementDate: string
  settlementPeriod?: number
  side?: string
  runType?: string
  bmUnits: string[]
  format: Format
}

interface Path {
  settlementDate?: string
  settlementPeriod?: string
  bidOffer?: string
}

export function parseRunRequest(
  path: Path,
  query: Record<string, unknown>,
  formats: Format[]
): { request: RunRequest; params: Params } {
  const params = new Params({ ...query, ...path })
  const settlementDate = params.date('settlementDate', true)
  const settlementPeriod =
    path.settlementPeriod === undefined
      ? undefined
      : params.period('settlementPeriod', path.settlementPeriod, settlementDate)
  if (path.bidOffer !== undefined && !['bid', 'offer'].includes(path.bidOffer)) {
    params.fail(
      'bidOffer',
      `bidOffer must be "bid" or "offer", got ${JSON.stringify(path.bidOffer)}`
    )
  }
  const runType = params.raw('runType')
  if (runType !== undefined && !registry().runTypes.includes(runType)) {
    params.fail(
      'runType',
      `runType must be one of ${registry().runTypes.join(', ')}, got ${JSON.stringify(runType)}`
    )
  }
  const request: RunRequest = {
    settlementDate: settlementDate ?? '',
    settlementPeriod,
    side: path.bidOffer,
    runType,
    bmUnits: params.list('bmUnit'),
    format: params.format(formats),
  }
  return { request, params }
}

/** Elexon BM Unit ids for the given ids, which may also be National Grid ids (BMUNITS reference). */
export async function elexonBmUnits(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .from('insights_rows')
    .where({ dataset: 'BMUNITS', run_id: 0 })
    .whereIn('entity', ids)
    .select('row_key')
  return [...new Set([...ids, ...rows.map((row) => row.row_key as string)])]
}
