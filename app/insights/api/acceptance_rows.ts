/**
 * BidOfferAcceptancesResponse (/balancing/acceptances…): a BOALF row without
 * its dataset and amendment flag, with the BM Unit ids after the levels as
 * the contract orders them.
 */
import type { FieldDefinition } from '#insights/datasets/definition'
import { findDataset } from '#insights/datasets/registry'

const ORDER = [
  'settlementDate',
  'settlementPeriodFrom',
  'settlementPeriodTo',
  'timeFrom',
  'timeTo',
  'levelFrom',
  'levelTo',
  'nationalGridBmUnit',
  'bmUnit',
  'acceptanceNumber',
  'acceptanceTime',
  'deemedBoFlag',
  'soFlag',
  'storFlag',
  'rrFlag',
]

export function acceptanceFields(): FieldDefinition[] {
  const fields = findDataset('BOALF')!.fields
  return ORDER.map((name) => fields.find((field) => field.name === name)!)
}

export function toAcceptance(payload: string): Record<string, unknown> {
  const row = JSON.parse(payload)
  const out: Record<string, unknown> = {}
  for (const name of ORDER) if (name in row) out[name] = row[name]
  return out
}
