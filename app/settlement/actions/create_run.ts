import db from '@adonisjs/lucid/services/db'
import { CalendarError, parseSettlementDate } from '#core/calendar/index'
import { RuleSetError } from '#rules_runtime/rule_set'
import { hasRunInputs } from '#settlement/sandboxes/day_copies'
import { isRunType, RUN_TYPES } from '#settlement/runs/run_types'
import { defaultRuntime, type SettlementRuntime } from '#settlement/runs/runtime'
import { enabledRuleSetKey } from '#settlement/enablement/derive_rule_set'

/**
 * Queues a settlement run: checks the request, picks the rule set (derived
 * from the enablement records in force on the date unless given) and takes
 * the next run number for (date, type) — production and each sandbox count
 * separately. Nothing is computed yet (execute_run.ts does that).
 */
export class RunRequestError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message)
    this.name = 'RunRequestError'
  }
}

export interface RunRequest {
  settlementDate: string
  runType: string
  /** default: the baseline with the plugins enabled on the settlement date */
  ruleSetKey?: string
  sandboxId?: number | null
  requestedBy: string
}

export async function createRun(
  request: RunRequest,
  runtime: SettlementRuntime = defaultRuntime()
): Promise<number> {
  let settlementDate: string
  try {
    settlementDate = parseSettlementDate(request.settlementDate)
  } catch (error) {
    if (error instanceof CalendarError) throw new RunRequestError('settlementDate', error.message)
    throw error
  }
  if (!isRunType(request.runType)) {
    throw new RunRequestError(
      'runType',
      `runType must be one of ${RUN_TYPES.join(', ')}, got "${request.runType}"`
    )
  }
  const sandboxId = request.sandboxId ?? null
  if (!(await hasRunInputs(sandboxId, settlementDate))) {
    throw new RunRequestError(
      'settlementDate',
      `No settlement inputs for ${settlementDate}: import them first`
    )
  }
  // Sandbox-only plugins may never settle production.
  const production = sandboxId === null
  let ruleSetKey = request.ruleSetKey
  if (ruleSetKey) {
    try {
      runtime.registry.spec(ruleSetKey, { production })
    } catch (error) {
      if (error instanceof RuleSetError) throw new RunRequestError('ruleSetKey', error.message)
      throw error
    }
  } else {
    ruleSetKey = await enabledRuleSetKey(settlementDate, runtime, { production }).catch(
      (error: Error) => {
        throw new RunRequestError(
          'ruleSetKey',
          `The rules enabled for ${settlementDate} cannot be used: ${error.message}`
        )
      }
    )
  }
  return db.transaction(async (trx) => {
    const scope = trx
      .from('settlement_runs')
      .where('settlement_date', settlementDate)
      .where('run_type', request.runType)
    if (sandboxId === null) scope.whereNull('sandbox_id')
    else scope.where('sandbox_id', sandboxId)
    const last = await scope.max('run_number as last').first()
    const [row] = await trx
      .insertQuery()
      .table('settlement_runs')
      .insert({
        settlement_date: settlementDate,
        run_type: request.runType,
        run_number: Number(last?.last ?? 0) + 1,
        sandbox_id: sandboxId,
        status: 'queued',
        rule_set_key: ruleSetKey,
        requested_by: request.requestedBy,
        queued_at: new Date().toISOString(),
      })
      .returning('id')
    return Number(typeof row === 'object' ? row.id : row)
  })
}
