import vine from '@vinejs/vine'
import { RUN_TYPES } from '#settlement/runs/run_types'

/** Query strings and forms of the settlement portal pages (bad input: 422 / errors under fields). */
const date = () => vine.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const period = () => vine.number().withoutDecimals().min(1).max(100)
const partyId = () =>
  vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,12}$/)

export const runsPageValidator = vine.create(
  vine.object({
    from: date().optional(),
    to: date().optional(),
    runType: vine.enum(RUN_TYPES).optional(),
    status: vine.enum(['queued', 'running', 'succeeded', 'failed'] as const).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
  })
)

export const startRunFormValidator = vine.create(
  vine.object({
    settlementDate: date(),
    runType: vine.enum(RUN_TYPES),
    ruleSetKey: vine.string().trim().maxLength(200).optional(),
  })
)

/** The run page: a period to open (its stacks) and what to trace. */
export const runPageValidator = vine.create(
  vine.object({
    period: period().optional().requiredWhen('trace', '=', 'system_price'),
    trace: vine.enum(['system_price', 'party_charge'] as const).optional(),
    party: partyId().optional().requiredWhen('trace', '=', 'party_charge'),
    charge: vine
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.]{1,60}$/)
      .optional()
      .requiredWhen('trace', '=', 'party_charge'),
  })
)

export const statementsPageValidator = vine.create(vine.object({ party: partyId().optional() }))

export const statementPageValidator = vine.create(
  vine.object({ entity: vine.string().trim().maxLength(16).optional() })
)

export const diffPageValidator = vine.create(
  vine.object({
    a: vine.number().withoutDecimals().min(1).optional(),
    b: vine.number().withoutDecimals().min(1).optional(),
  })
)

export const trendsPageValidator = vine.create(
  vine.object({
    from: date().optional(),
    to: date().optional(),
    runType: vine.enum(RUN_TYPES).optional(),
    indicator: vine
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.]{1,80}$/)
      .optional(),
  })
)
