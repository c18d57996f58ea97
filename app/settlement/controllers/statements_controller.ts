import type { HttpContext } from '@adonisjs/core/http'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import {
  buildStatement,
  statementCsv,
  StatementNotFound,
} from '#settlement/actions/build_statement'
import { statementValidator } from '#settlement/validators/runs_validators'

/** A party's settlement statement: party users see only their own (another party's is 404). */
export default class StatementsController {
  async show({ params, request, response, auth }: HttpContext) {
    assertPartyAccess(auth.getUserOrFail(), params.partyId)
    const { format } = await request.validateUsing(statementValidator)
    let statement
    try {
      statement = await buildStatement(Number(params.id), params.partyId)
    } catch (error) {
      if (error instanceof StatementNotFound) throw new RecordNotFoundException()
      throw error
    }
    if (format !== 'csv') return statement
    const name = `statement-${statement.party.partyId}-${statement.run.settlementDate}-${statement.run.runType}${statement.run.runNumber}.csv`
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${name}"`)
    return statementCsv(statement)
  }
}
