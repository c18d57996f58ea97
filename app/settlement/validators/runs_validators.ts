import vine from '@vinejs/vine'
import { RUN_TYPES } from '#settlement/runs/run_types'

/** Request shapes of the settlement JSON API (422 with field messages on bad input). */
const date = () => vine.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const startRunValidator = vine.create(
  vine.object({
    settlementDate: date(),
    runType: vine.enum(RUN_TYPES),
    ruleSetKey: vine.string().trim().maxLength(200).optional(),
    /** answer when the run has finished instead of as soon as it is queued */
    wait: vine.boolean().optional(),
  })
)

export const listRunsValidator = vine.create(
  vine.object({
    from: date().optional(),
    to: date().optional(),
    runType: vine.enum(RUN_TYPES).optional(),
    status: vine.enum(['queued', 'running', 'succeeded', 'failed'] as const).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 500]).optional(),
  })
)

export const latestRunValidator = vine.create(vine.object({ date: date() }))

export const stackValidator = vine.create(
  vine.object({
    period: vine.number().withoutDecimals().min(1).max(100),
    side: vine.enum(['bid', 'offer'] as const),
  })
)

export const statementValidator = vine.create(
  vine.object({ format: vine.enum(['json', 'csv'] as const).optional() })
)

export const traceValidator = vine.create(
  vine.object({
    kind: vine.enum(['system_price', 'party_charge', 'value'] as const),
    period: vine
      .number()
      .withoutDecimals()
      .min(1)
      .max(100)
      .optional()
      .requiredWhen('kind', '=', 'system_price'),
    party: vine.string().trim().maxLength(12).optional().requiredWhen('kind', '=', 'party_charge'),
    charge: vine.string().trim().maxLength(60).optional().requiredWhen('kind', '=', 'party_charge'),
    frame: vine.string().trim().maxLength(100).optional().requiredWhen('kind', '=', 'value'),
    column: vine.string().trim().maxLength(100).optional(),
    entity: vine.string().trim().maxLength(30).optional(),
  })
)

export const stageSeriesValidator = vine.create(
  vine.object({
    from: date(),
    to: date(),
    runType: vine.enum(RUN_TYPES).optional(),
    stageId: vine.string().trim().maxLength(100).optional(),
    latestOnly: vine.boolean().optional(),
  })
)

export const diffValidator = vine.create(
  vine.object({ top: vine.number().withoutDecimals().range([1, 100]).optional() })
)
