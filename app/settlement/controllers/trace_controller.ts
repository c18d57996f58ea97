import type { HttpContext } from '@adonisjs/core/http'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import { seesAllParties } from '#core/auth/roles'
import { TraceError } from '#rules_runtime/trace'
import {
  traceRunValue,
  TraceNotFound,
  type TraceRequest,
} from '#settlement/actions/trace_run_value'
import { traceValidator } from '#settlement/validators/runs_validators'

/**
 * How a value was made. System prices are public; a party charge only for
 * its party (or BSC staff); any other frame value only for BSC staff.
 */
export default class TraceController {
  async show({ params, request, response, auth }: HttpContext) {
    const input = await request.validateUsing(traceValidator)
    const user = auth.getUserOrFail()
    let trace: TraceRequest
    if (input.kind === 'system_price') trace = { kind: 'system_price', period: input.period! }
    else if (input.kind === 'party_charge') {
      assertPartyAccess(user, input.party)
      trace = { kind: 'party_charge', party: input.party!, charge: input.charge! }
    } else {
      if (!seesAllParties(user.role)) throw new RecordNotFoundException()
      trace = {
        kind: 'value',
        frame: input.frame!,
        column: input.column,
        period: input.period,
        entity: input.entity,
      }
    }
    try {
      return await traceRunValue(Number(params.id), trace)
    } catch (error) {
      if (error instanceof TraceNotFound)
        return response.notFound({ errors: [{ message: error.message }] })
      if (error instanceof TraceError)
        return response.unprocessableEntity({ errors: [{ message: error.message }] })
      throw error
    }
  }
}
