import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Party from '#customer/models/party'
import { MARKET_ROLES } from '#customer/reference/market_roles'
import { bmUnitIdProblem, type BmUnitType } from '#customer/reference/identifiers'
import { assertLeadTime, today } from './lead_times.js'
import { fieldError } from './journey_error.js'

/**
 * Server-side rules of a BM Unit version (customer.md §7.2–7.5), each failing
 * on its own field: the id fits its type, GSP letter and owner code; the GSP
 * Group exists; the party holds a registered role allowing the type; dates
 * are ordered, outside the lead time and do not overlap another version.
 */
export interface BmUnitVersionInput {
  bmUnitType: BmUnitType
  gspGroupId?: string
  fpnFlag: boolean
  netsoAgreed?: boolean
  effectiveFrom: string
  effectiveTo?: string
}

export async function checkBmUnitVersion(
  trx: TransactionClientContract,
  party: Party,
  bmUnitId: string,
  input: BmUnitVersionInput,
  ignoreVersionId?: number
) {
  const problem = bmUnitIdProblem(
    bmUnitId,
    input.bmUnitType,
    input.gspGroupId ?? null,
    party.participantCode
  )
  if (problem) fieldError('bmUnitId', problem, 'bmUnitId')
  if (input.bmUnitType === 'S' && bmUnitId.endsWith('000'))
    fieldError(
      'bmUnitId',
      'Base Supplier BM Units (…000) are created automatically: number Additional units 001–999'
    )

  if (
    input.gspGroupId &&
    !(await trx.from('customer_gsp_groups').where('gsp_group_id', input.gspGroupId).first())
  ) {
    fieldError(
      'gspGroupId',
      `GSP Group ${input.gspGroupId} does not exist (the 14 groups are _A to _P without _I and _O)`
    )
  }

  const roleRows = await trx
    .from('customer_party_roles')
    .where('party_id', party.partyId)
    .where('status', 'registered')
    .select('role_code')
  const registered = roleRows.map((row: any) => row.role_code as string)
  const allowing = MARKET_ROLES.filter((role) => role.bmUnitTypes.includes(input.bmUnitType))
  if (!allowing.some((role) => registered.includes(role.code))) {
    fieldError(
      'bmUnitType',
      `Registering a type ${input.bmUnitType} BM Unit needs a registered role: ${allowing.map((r) => r.label).join(' or ')}`
    )
  }

  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom)
    fieldError('effectiveTo', 'The end date must not be before the start date')
  if (input.bmUnitType === 'V') {
    if (input.effectiveFrom < today())
      fieldError('effectiveFrom', 'The effective date must not be in the past')
  } else {
    await assertLeadTime(
      'primary_bm_unit_registration',
      'effectiveFrom',
      input.effectiveFrom,
      undefined,
      trx
    )
    if (input.fpnFlag && !input.netsoAgreed) {
      fieldError(
        'netsoAgreed',
        'A Primary BM Unit in the Balancing Mechanism (FPN flag Y) needs your agreement with the NETSO first'
      )
    }
  }

  const overlapping = trx
    .from('customer_bm_units')
    .where('bm_unit_id', bmUnitId)
    .whereIn('status', ['submitted', 'awaiting_netso', 'registered'])
    .where((q) => q.whereNull('effective_to').orWhere('effective_to', '>=', input.effectiveFrom))
  if (input.effectiveTo) overlapping.where('effective_from', '<=', input.effectiveTo)
  if (ignoreVersionId) overlapping.whereNot('id', ignoreVersionId)
  const clash = await overlapping.first()
  if (clash) {
    fieldError(
      'effectiveFrom',
      `Overlaps the version of ${bmUnitId} effective ${clash.effective_from} to ${clash.effective_to ?? 'open'}`,
      'overlap'
    )
  }
}
