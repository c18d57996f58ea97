import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type User from '#core/auth/user'
import { seesAllParties } from '#core/auth/roles'
import ChangeRequest from '#customer/models/change_request'
import { SIGNATORY, assertTransition } from '#customer/journeys/machines'
import { audit } from '#customer/support/audit'
import { activeCategories } from '#customer/support/authority'
import { applySignatory } from '#customer/support/apply_signatory'
import { fieldError } from '#customer/support/journey_error'
import { notifyParty } from '#customer/support/notify_party'
import { openTask } from '#customer/support/tasks'
import { partyFor } from '#customer/support/parties'
import { storePdf } from '#customer/support/uploads'
import { today } from '#customer/support/lead_times'

export interface SignatoryNomination {
  fullName: string
  email: string
  jobTitle?: string
  categories: string[]
  startDate: string
}

/**
 * Nominates an authorised signatory (customer.md §6.1–6.3). The first
 * Category A of a party needs a Director's Letter and is activated by the
 * operator; later nominations by an assistant wait for a Cat A; a Cat A
 * nominating someone else applies it at once. Nobody nominates themselves
 * into effect.
 */
export default async function proposeSignatory(
  actor: User,
  partyId: string,
  input: SignatoryNomination,
  directorsLetter?: MultipartFile
) {
  return db.transaction(async (trx) => {
    const party = await partyFor(actor, partyId, trx)
    assertTransition(SIGNATORY, 'propose_signatory', null)
    const categoryRows = await trx.from('customer_authorisation_categories').select('code')
    const known = categoryRows.map((row: any) => row.code as string)
    const unknown = input.categories.filter((code) => !known.includes(code))
    if (unknown.length)
      fieldError(
        'categories',
        `Unknown categories: ${unknown.join(', ')} (valid: ${known.join(', ')})`
      )
    if (input.startDate < today()) fieldError('startDate', 'The start date must be today or later')
    const email = input.email.toLowerCase()
    const existing = await trx.from('core_users').where('email', email).first()
    if (existing && existing.party_id !== party.partyId)
      fieldError('email', 'This person already has a portal account for another organisation')

    const hasCategoryA = await trx
      .from('customer_signatory_authorisations')
      .where('party_id', party.partyId)
      .where('category', 'A')
      .where('status', 'active')
      .whereNull('end_date')
      .first()
    const firstCategoryA = !hasCategoryA && input.categories.includes('A')
    if (!hasCategoryA && !firstCategoryA)
      fieldError('categories', 'The first signatory of a party must hold Category A')
    let documentId: number | null = null
    if (firstCategoryA) {
      if (!directorsLetter)
        fieldError(
          'directorsLetter',
          "The first Category A signatory needs a Director's Letter (PDF)"
        )
      const letter = await storePdf(trx, 'directorsLetter', directorsLetter!, {
        partyId: party.partyId,
        kind: 'directors_letter',
        uploadedBy: actor.id,
      })
      documentId = letter.id
    }
    const held = await activeCategories(actor, undefined, trx)
    const direct =
      !firstCategoryA &&
      held.has('A') &&
      email !== actor.email.toLowerCase() &&
      !seesAllParties(actor.role)
    const change = { ...input, email, firstCategoryA }
    const request = await ChangeRequest.create(
      {
        partyId: party.partyId,
        subjectType: 'signatory',
        subjectId: null,
        change,
        before: null,
        state: direct ? 'APPROVED' : 'PENDING_APPROVAL',
        approverCategories: firstCategoryA ? ['OPERATOR'] : ['A'],
        preparedBy: actor.id,
        decidedBy: direct ? actor.id : null,
        documentId,
      },
      { client: trx }
    )
    if (direct) {
      await applySignatory(trx, request, actor.id)
    } else {
      await openTask(trx, {
        partyId: party.partyId,
        caseType: 'signatory',
        caseId: request.id,
        kind: firstCategoryA ? 'activate_first_category_a' : 'approve_signatory',
        title: `${firstCategoryA ? 'Activate the first Category A' : 'Approve the nomination of'} ${input.fullName}`,
        reason: firstCategoryA
          ? "Verify the Director's Letter; no Category A exists yet to approve it."
          : `${actor.fullName} nominated ${input.fullName} for ${input.categories.join(', ')}; a Category A other than the proposer and the nominee decides.`,
        assignee: firstCategoryA ? 'operator' : 'party',
        leadTime: 'draft_approval',
      })
      if (!firstCategoryA) {
        await notifyParty(
          trx,
          party.partyId,
          {
            title: 'Signatory nomination to approve',
            body: `${input.fullName} for ${input.categories.join(', ')}`,
            link: '/customer/signatories',
          },
          { categoryA: true, except: actor.id }
        )
      }
    }
    await audit(trx, actor, {
      action: direct ? 'signatory.appoint' : 'signatory.propose',
      subjectType: 'change_request',
      subjectId: request.id,
      partyId: party.partyId,
      after: { ...change, state: request.state, documentId },
    })
    return request
  })
}
