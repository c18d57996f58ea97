import vine from '@vinejs/vine'
import { BM_UNIT_TYPES } from '#customer/reference/identifiers'
import { isoDate, messages, msid } from './rules.js'

/** BM Units, metering systems, MSID Pairs and AMSIDs (customer.md §7, §8). */
export const FUEL_TYPES = [
  'BIOMASS',
  'CCGT',
  'COAL',
  'NPSHYD',
  'NUCLEAR',
  'OCGT',
  'OIL',
  'PS',
  'WIND',
  'SOLAR',
  'BATTERY',
  'OTHER',
]
export const ASSET_METERING_TYPES = ['battery', 'heat_pump', 'ev_charger', 'solar', 'other']

const versionFields = {
  bmUnitName: vine.string().trim().minLength(1).maxLength(30),
  nationalGridBmUnit: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,11}$/)
    .optional()
    .requiredWhen('fpnFlag', '=', true),
  gspGroupId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^_[A-Z]$/)
    .optional()
    .requiredWhen('bmUnitType', 'in', ['E', 'S', 'V']),
  ldsoPartyId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{3,8}$/)
    .optional()
    .requiredWhen('bmUnitType', '=', 'E'),
  interconnectorId: vine
    .string()
    .trim()
    .toUpperCase()
    .maxLength(20)
    .optional()
    .requiredWhen('bmUnitType', '=', 'I'),
  generationCapacity: vine.number().min(0).max(100000),
  demandCapacity: vine.number().min(-100000).max(0),
  productionOrConsumptionFlag: vine
    .enum(['P', 'C'])
    .optional()
    .requiredWhen('bmUnitType', '=', 'I'),
  fpnFlag: vine.boolean(),
  fuelType: vine.enum(FUEL_TYPES).optional(),
  tradingUnitId: vine.string().trim().maxLength(30).optional(),
  netsoAgreed: vine.boolean().optional(),
  effectiveFrom: isoDate(),
  effectiveTo: isoDate().optional(),
}

export const bmUnitValidator = vine.create({
  bmUnitId: vine.string().trim().toUpperCase().maxLength(11),
  bmUnitType: vine.enum(BM_UNIT_TYPES),
  ...versionFields,
})

export const bmUnitChangeValidator = vine.create({
  bmUnitType: vine.enum(BM_UNIT_TYPES),
  ...versionFields,
})

export const deregisterBmUnitValidator = vine.create({
  effectiveTo: isoDate(),
  reason: vine.string().trim().minLength(3).maxLength(2000),
})

export const meteringSystemValidator = vine.create({
  msid: vine.string().trim().use(msid()),
  gspGroupId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^_[A-Z]$/),
  measurementClass: vine.enum(['HH', 'NHH']),
  effectiveFrom: isoDate(),
})

/** Rows are checked one by one (customer.md §8.2): only their shape here, business rules per row. */
export const MAX_MSID_PAIR_ROWS = 500
const msidPairRow = () => ({
  bmUnitId: vine.string().trim().toUpperCase().maxLength(11),
  importMsid: vine
    .string()
    .trim()
    .regex(/^\d{13}$/),
  exportMsid: vine
    .string()
    .trim()
    .regex(/^\d{13}$/)
    .optional(),
  effectiveFrom: isoDate(),
  effectiveTo: isoDate().optional(),
})

export const msidPairsValidator = vine.create({
  rows: vine.array(vine.object(msidPairRow())).minLength(1).maxLength(MAX_MSID_PAIR_ROWS),
})

/** One CSV row, checked on its own: a malformed row is rejected with its reason, not the file. */
export const msidPairRowValidator = vine.create(msidPairRow())

export const MSID_PAIR_COLUMNS = [
  'bmUnitId',
  'importMsid',
  'exportMsid',
  'effectiveFrom',
  'effectiveTo',
]

export const msidPairUploadValidator = vine.create({
  file: vine.file({ size: '1mb', extnames: ['csv'] }),
})

export const netsoAgreementValidator = vine.create({
  agreedOn: isoDate(),
  netsoReference: vine.string().trim().minLength(2).maxLength(60),
  document: vine.file({ size: '10mb', extnames: ['pdf'] }).optional(),
})

export const assetMeteringSystemValidator = vine.create({
  boundaryMsid: vine.string().trim().use(msid()),
  direction: vine.enum(['import', 'export']),
  assetMeteringType: vine.enum(ASSET_METERING_TYPES),
  gspGroupId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^_[A-Z]$/),
  moaId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}$/),
  dcId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}$/),
  cop11Compliant: vine.accepted(),
  commissionedOn: isoDate(),
  effectiveFrom: isoDate(),
  bmUnitId: vine.string().trim().toUpperCase().maxLength(11).optional(),
})

for (const validator of [
  bmUnitValidator,
  bmUnitChangeValidator,
  deregisterBmUnitValidator,
  meteringSystemValidator,
  msidPairsValidator,
  msidPairRowValidator,
  msidPairUploadValidator,
  netsoAgreementValidator,
  assetMeteringSystemValidator,
]) {
  validator.messagesProvider = messages
}
