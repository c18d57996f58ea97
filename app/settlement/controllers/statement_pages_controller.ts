import type { HttpContext } from '@adonisjs/core/http'
import { assertPartyAccess, RecordNotFoundException } from '#core/auth/party_scope'
import { seesAllParties } from '#core/auth/roles'
import {
  buildStatement,
  statementCsv,
  StatementNotFound,
  type Statement,
} from '#settlement/actions/build_statement'
import {
  partyStatements,
  settlementParties,
  statementView,
} from '#settlement/queries/statements_page'
import {
  statementPageValidator,
  statementsPageValidator,
} from '#settlement/validators/portal_validators'

/**
 * Settlement statements in the portal: a party's users see only their own
 * party's (another party's answers 404, as if it did not exist); BSC staff
 * pick any party. Each statement downloads as CSV.
 */
async function statementOf(runId: number, partyId: string): Promise<Statement> {
  try {
    return await buildStatement(runId, partyId)
  } catch (error) {
    if (error instanceof StatementNotFound) throw new RecordNotFoundException()
    throw error
  }
}

export default class StatementPagesController {
  async index({ request, inertia, auth }: HttpContext) {
    const { party } = await request.validateUsing(statementsPageValidator)
    const user = auth.getUserOrFail()
    const staff = seesAllParties(user.role)
    if (party) assertPartyAccess(user, party)
    const partyId = staff ? (party ?? null) : user.partyId
    return inertia.render('settlement/statements/index', {
      partyId,
      parties: staff ? await settlementParties() : [],
      statements: partyId ? await partyStatements(partyId) : [],
      staff,
    })
  }

  async show({ params, request, inertia, auth }: HttpContext) {
    assertPartyAccess(auth.getUserOrFail(), params.partyId)
    const { entity } = await request.validateUsing(statementPageValidator)
    const statement = await statementOf(Number(params.id), params.partyId)
    return inertia.render('settlement/statements/show', statementView(statement, entity))
  }

  async download({ params, response, auth }: HttpContext) {
    assertPartyAccess(auth.getUserOrFail(), params.partyId)
    const statement = await statementOf(Number(params.id), params.partyId)
    const { run, party } = statement
    const name = `statement-${party.partyId}-${run.settlementDate}-${run.runType}${run.runNumber}.csv`
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${name}"`)
    return statementCsv(statement)
  }
}
