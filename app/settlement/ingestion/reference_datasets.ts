import vine from '@vinejs/vine'
import { account, bmUnit, date, flag, number, text, type DatasetSpec } from './dataset_spec.js'

/** Reference data: upserted by key, not dated (settlement.md §4.1). */
export const REFERENCE_DATASETS: DatasetSpec[] = [
  {
    name: 'parties',
    table: 'settlement_parties',
    dated: false,
    hasPeriod: false,
    schema: vine.object({
      partyId: text(12),
      partyName: text(200),
      roles: vine.unionOfTypes([vine.array(text(10)), vine.string().trim()]).optional(),
    }),
    key: ['partyId'],
    references: {},
    conflict: ['party_id'],
    toRow: (r) => ({
      party_id: r.partyId,
      name: r.partyName,
      roles: JSON.stringify(
        Array.isArray(r.roles)
          ? r.roles
          : (r.roles ?? '')
              .split(/[;|]/)
              .map((s: string) => s.trim())
              .filter(Boolean)
      ),
    }),
  },
  {
    name: 'accounts',
    table: 'settlement_accounts',
    dated: false,
    hasPeriod: false,
    schema: vine.object({
      accountId: account(),
      partyId: text(12),
      accountType: vine.enum(['P', 'C', 'VBA']),
    }),
    key: ['accountId'],
    references: { parties: ['partyId'] },
    conflict: ['account_id'],
    toRow: (r) => ({ account_id: r.accountId, party_id: r.partyId, account_type: r.accountType }),
  },
  {
    name: 'bm-units',
    table: 'settlement_bm_units',
    dated: false,
    hasPeriod: false,
    schema: vine.object({
      elexonBmUnit: bmUnit(),
      nationalGridBmUnit: text(16).optional(),
      leadPartyId: text(12),
      bmUnitType: text(2),
      gspGroupId: text(2).optional(),
      tradingUnitId: text(30).optional(),
      productionOrConsumptionFlag: vine.enum(['P', 'C']),
      isInterconnector: flag(),
      interconnectorId: text(30).optional(),
      fuelType: text(20).optional(),
      effectiveFrom: date(),
      effectiveTo: date().optional(),
    }),
    key: ['elexonBmUnit', 'effectiveFrom'],
    references: { parties: ['leadPartyId'] },
    conflict: ['bm_unit_id', 'effective_from'],
    toRow: (r) => ({
      bm_unit_id: r.elexonBmUnit,
      ngc_bm_unit_id: r.nationalGridBmUnit ?? null,
      lead_party_id: r.leadPartyId,
      bm_unit_type: r.bmUnitType,
      gsp_group_id: r.gspGroupId ?? null,
      trading_unit_id: r.tradingUnitId ?? null,
      pc_status: r.productionOrConsumptionFlag,
      is_interconnector: r.isInterconnector ?? Boolean(r.interconnectorId),
      fuel_type: r.fuelType ?? null,
      effective_from: r.effectiveFrom,
      effective_to: r.effectiveTo ?? null,
    }),
  },
  {
    name: 'tlf',
    table: 'settlement_tlfs',
    dated: false,
    hasPeriod: false,
    schema: vine.object({
      zone: text(2),
      effectiveFrom: date(),
      effectiveTo: date(),
      transmissionLossFactor: number(),
    }),
    key: ['zone', 'effectiveFrom'],
    references: {},
    conflict: ['zone', 'effective_from'],
    toRow: (r) => ({
      zone: r.zone,
      effective_from: r.effectiveFrom,
      effective_to: r.effectiveTo,
      tlf: r.transmissionLossFactor,
    }),
  },
]
