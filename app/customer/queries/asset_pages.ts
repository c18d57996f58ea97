import db from '@adonisjs/lucid/services/db'
import type User from '#core/auth/user'
import type Party from '#customer/models/party'
import AssetMeteringSystem from '#customer/models/asset_metering_system'
import BmUnit from '#customer/models/bm_unit'
import MeteringSystem from '#customer/models/metering_system'
import MsidPair from '#customer/models/msid_pair'
import MsidPairUpload from '#customer/models/msid_pair_upload'
import { BM_UNIT_TYPES, bmUnitIdGuidance } from '#customer/reference/identifiers'
import { MARKET_ROLES } from '#customer/reference/market_roles'
import { FIELD_HELP } from '#customer/reference/field_help'
import {
  ASSET_METERING_TYPES,
  FUEL_TYPES,
  MSID_PAIR_COLUMNS,
} from '#customer/validators/asset_validators'
import { today } from '#customer/support/lead_times'
import { presentParty, viewer } from './party_overview.js'

/**
 * The assets page: what the party may register (types its registered roles
 * allow), its BM Unit versions, metering systems, MSID Pairs and AMSIDs.
 */
function serializeAll(rows: { serialize(): Record<string, unknown> }[]) {
  return rows.map((row) => row.serialize())
}

export async function assetsPage(user: User, party: Party) {
  const roleRows = await db
    .from('customer_party_roles')
    .where('party_id', party.partyId)
    .where('status', 'registered')
    .select('role_code')
  const roles = roleRows.map((r: any) => r.role_code)
  const allowedTypes = BM_UNIT_TYPES.filter((type) =>
    MARKET_ROLES.some((role) => roles.includes(role.code) && role.bmUnitTypes.includes(type))
  )
  const units = await BmUnit.query()
    .where('party_id', party.partyId)
    .orderBy('bm_unit_id')
    .orderBy('effective_from')
  const day = today()
  return {
    party: presentParty(party),
    viewer: await viewer(user),
    allowedTypes,
    assetMetering: roles.includes('AMVLP'),
    bmUnitTypes: BM_UNIT_TYPES.map((type) => {
      const guidance = bmUnitIdGuidance(type)
      return {
        type,
        example: guidance.example,
        explanation: guidance.explanation,
        pattern: guidance.pattern.source,
      }
    }),
    gspGroups: await db
      .from('customer_gsp_groups')
      .select('gsp_group_id as id', 'name')
      .orderBy('gsp_group_id'),
    fuelTypes: FUEL_TYPES,
    assetMeteringTypes: ASSET_METERING_TYPES,
    bmUnits: units.map((u) => ({
      ...u.serialize(),
      state:
        u.status === 'registered'
          ? u.effectiveFrom <= day && (!u.effectiveTo || u.effectiveTo >= day)
            ? 'EFFECTIVE'
            : u.effectiveTo && u.effectiveTo < day
              ? 'ENDED'
              : 'REGISTERED'
          : u.status.toUpperCase(),
    })),
    meteringSystems: serializeAll(
      await MeteringSystem.query().where('party_id', party.partyId).orderBy('msid')
    ),
    msidPairs: serializeAll(
      await MsidPair.query().where('party_id', party.partyId).orderBy('id', 'desc').limit(200)
    ),
    msidPairUploads: serializeAll(
      await MsidPairUpload.query().where('party_id', party.partyId).orderBy('id', 'desc').limit(20)
    ),
    msidPairColumns: MSID_PAIR_COLUMNS,
    assetMeteringSystems: serializeAll(
      await AssetMeteringSystem.query().where('party_id', party.partyId).orderBy('id')
    ),
    help: FIELD_HELP,
  }
}
