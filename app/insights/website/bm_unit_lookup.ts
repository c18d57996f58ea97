/**
 * BM Unit reference data for the website: search by Elexon or National Grid
 * id, name or lead party, and one unit's reference row (BMUNITS dataset).
 */
import db from '@adonisjs/lucid/services/db'

const SEARCH_LIMIT = 50

export interface BmUnitSummary {
  elexonBmUnit: string
  nationalGridBmUnit: string | null
  bmUnitName: string | null
  leadPartyName: string | null
  fuelType: string | null
  bmUnitType: string | null
}

function summary(payload: Record<string, any>): BmUnitSummary {
  return {
    elexonBmUnit: payload.elexonBmUnit,
    nationalGridBmUnit: payload.nationalGridBmUnit ?? null,
    bmUnitName: payload.bmUnitName ?? null,
    leadPartyName: payload.leadPartyName ?? null,
    fuelType: payload.fuelType ?? null,
    bmUnitType: payload.bmUnitType ?? null,
  }
}

const SEARCHED = [
  'elexonBmUnit',
  'nationalGridBmUnit',
  'bmUnitName',
  'leadPartyName',
  'leadPartyId',
]

/** Units whose ids, name or lead party contain the text (case-insensitive), by Elexon id. */
export async function searchBmUnits(text: string): Promise<BmUnitSummary[]> {
  const needle = text.trim().toLowerCase()
  if (!needle) return []
  // The payload match narrows the rows in SQL; the fields are then checked one by one.
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = await db
    .from('insights_rows')
    .where({ dataset: 'BMUNITS', run_id: 0 })
    .whereRaw("lower(payload) like ? escape '\\'", [pattern])
    .orderBy('row_key')
    .select('payload')
  return rows
    .map((row) => JSON.parse(row.payload))
    .filter((unit) =>
      SEARCHED.some((field) =>
        String(unit[field] ?? '')
          .toLowerCase()
          .includes(needle)
      )
    )
    .slice(0, SEARCH_LIMIT)
    .map(summary)
}

/** A unit's reference row, by Elexon or National Grid id (null when unknown). */
export async function findBmUnit(id: string): Promise<Record<string, unknown> | null> {
  const row = await db
    .from('insights_rows')
    .where({ dataset: 'BMUNITS', run_id: 0 })
    .where((q) => q.where('row_key', id).orWhere('entity', id))
    .orderByRaw('case when row_key = ? then 0 else 1 end', [id])
    .select('payload')
    .first()
  return row ? JSON.parse(row.payload) : null
}
