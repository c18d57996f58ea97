import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import QualificationCase from '#customer/models/qualification_case'
import RoleCase from '#customer/models/role_case'
import { QUALIFICATION_FLOWS, type QualificationKind } from '#customer/reference/market_roles'
import { audit } from '#customer/support/audit'
import { promoteReadyRoleCases } from '#customer/support/role_readiness'
import { closeTasks, openTask } from '#customer/support/tasks'
import { ownedRecord } from '#customer/support/parties'
import { fieldError, JourneyError, NotAllowedError } from '#customer/support/journey_error'
import type { advanceQualificationValidator } from '#customer/validators/role_validators'

/**
 * One step of a qualification sub-case (customer.md §5.3) along its flow. The
 * party takes its own steps (submitting the SAD); the operator records the
 * rest, including the PAB decision. When every sub-case of the role case has
 * passed (and, for a trading role, Credit Cover and the credit contacts are
 * in place), the role case becomes READY_TO_REGISTER (a system transition).
 */
export default async function advanceQualification(
  actor: User,
  qualificationId: number | string,
  input: Infer<typeof advanceQualificationValidator>
) {
  return db.transaction(async (trx) => {
    const sub = await ownedRecord(actor, QualificationCase, qualificationId, trx)
    const flow = QUALIFICATION_FLOWS[sub.kind as QualificationKind]
    const allowed = flow.next[sub.state] ?? []
    if (!allowed.includes(input.state)) {
      fieldError(
        'state',
        allowed.length
          ? `From ${sub.state} the next step is ${allowed.join(' or ')}`
          : `${sub.kind} qualification is finished (${sub.state})`
      )
    }
    const byParty = !seesAllParties(actor.role)
    if (byParty !== flow.partySteps.includes(input.state)) {
      throw new NotAllowedError(
        byParty ? 'Elexon records this qualification step' : 'The party itself takes this step'
      )
    }
    const roleCase = await RoleCase.query({ client: trx })
      .where('id', sub.roleCaseId)
      .forUpdate()
      .firstOrFail()
    if (roleCase.state !== 'QUALIFYING')
      throw new JourneyError(`The role case is ${roleCase.state}, not qualifying`)

    const before = { state: sub.state }
    sub.merge({
      state: input.state,
      stateReason: input.reason ?? null,
      firstTestOn: input.firstTestOn ?? sub.firstTestOn,
    })
    await sub.useTransaction(trx).save()
    if (input.state === 'SAD_IN_PROGRESS') {
      await openTask(trx, {
        partyId: sub.partyId,
        caseType: 'qualification',
        caseId: sub.id,
        kind: 'submit_sad',
        title: 'Submit the Self-Assessment Document',
        reason: 'Complete the SVA Self-Assessment Document and submit it for review.',
        assignee: 'party',
      })
    }
    if (input.state === 'SAD_SUBMITTED')
      await closeTasks(trx, 'qualification', sub.id, 'submit_sad')
    if (input.state === flow.passed) await closeTasks(trx, 'qualification', sub.id)

    await promoteReadyRoleCases(trx, roleCase.partyId)
    await audit(trx, actor, {
      action: 'qualification.advance',
      subjectType: 'qualification_case',
      subjectId: sub.id,
      partyId: sub.partyId,
      before,
      after: { state: sub.state, kind: sub.kind, reason: sub.stateReason },
    })
    return sub
  })
}
