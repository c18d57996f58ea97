import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import User from '#core/auth/user'
import Party from '#customer/models/party'
import { operator, PDF_BYTES, todayIso, workingDaysAhead } from '#tests/fixtures/customer/world'
import { API, as, bodyOf, expectStatus, invitationToken } from '#tests/fixtures/customer/api'

const address = { line1: '1 Quay Street', town: 'Bristol', postcode: 'bs1 4dj' }

test.group('Market entry: a new Supplier from expression of interest to go-live (API)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('walks every entry, signatory, role and qualification transition', async ({
    client,
    assert,
  }) => {
    const events = emitter.fake([
      'customer:party_registered',
      'customer:bm_unit_registered',
      'customer:transition',
    ])
    const { user: op } = await operator()

    const eoi = await client.post(`${API}/join`).json({
      companyName: 'Harbourlight Energy Ltd',
      country: 'GB',
      registeredNumber: '15234567',
      contactName: 'Dan Wells',
      email: 'dan@harbourlight.test',
      intendedRoles: ['SUPPLIER'],
    })
    eoi.assertStatus(201)
    const ref = eoi.body().data.reference as string
    assert.match(ref, /^EOI-[0-9A-F]{8}$/)
    const triage = await as(client, op).get('/operator/queue')
    assert.isTrue(
      triage
        .body()
        .tasks.some(
          (t: any) =>
            t.partyId === ref && t.kind === 'triage_eoi' && t.dueOn === workingDaysAhead(2)
        )
    )

    expectStatus(await as(client, op).post(`/parties/${ref}/invite-assistant`), 200)
    const accepted = await client
      .post(`${API}/invitations/${await invitationToken('dan@harbourlight.test')}`)
      .json({ password: 'a long enough secret', passwordConfirmation: 'a long enough secret' })
    accepted.assertStatus(201)
    const dan = await User.findByOrFail('email', 'dan@harbourlight.test')
    assert.equal(dan.role, 'assistant')
    assert.equal(dan.partyId, ref)
    assert.equal(
      await Party.findByOrFail('party_id', ref).then((value) => value.entryState),
      'ACCESSION_DRAFT'
    )

    const asDan = as(client, dan)
    expectStatus(
      await asDan.put(`/parties/${ref}/accession`, {
        name: 'Harbourlight Energy Ltd',
        country: 'GB',
        registeredNumber: '15234567',
        vatNumber: 'GB123456782',
        licenceStatus: 'applied_for',
        proposedPartyId: 'HRBLIGHT',
        registeredAddress: address,
      }),
      200
    )
    expectStatus(
      await asDan
        .multipart(`/parties/${ref}/accession/agreement`)
        .file('agreement', PDF_BYTES, { filename: 'agreement.pdf' }),
      201
    )
    expectStatus(
      await asDan.post(`/parties/${ref}/account/contacts`, {
        fullName: 'Ana Ruiz',
        email: 'ana@harbourlight.test',
        contactTypes: ['primary', 'operational'],
      }),
      201
    )
    expectStatus(
      await asDan.post(`/parties/${ref}/account/bank-accounts`, {
        purpose: 'trading',
        accountName: 'Harbourlight Energy Ltd',
        sortCode: '40-12-76',
        accountNumber: '71234567',
        bankName: 'HSBC',
      }),
      201
    )
    const nomination = await asDan
      .multipart(`/parties/${ref}/signatories`)
      .fields({
        'fullName': 'Ana Ruiz',
        'email': 'ana@harbourlight.test',
        'startDate': todayIso(),
        'categories[0]': 'A',
        'categories[1]': 'B',
        'categories[2]': 'F',
      })
      .file('directorsLetter', PDF_BYTES, { filename: 'letter.pdf' })
    nomination.assertStatus(201)
    assert.equal(nomination.body().data.state, 'PENDING_APPROVAL')

    expectStatus(
      await as(client, op).post(`/signatory-requests/${nomination.body().data.id}/approve`),
      200
    )
    const ana = await User.findByOrFail('email', 'ana@harbourlight.test')
    assert.equal(ana.role, 'signatory')
    expectStatus(
      await client
        .post(`${API}/invitations/${await invitationToken('ana@harbourlight.test')}`)
        .json({ password: 'another long secret', passwordConfirmation: 'another long secret' }),
      201
    )

    expectStatus(await asDan.post(`/parties/${ref}/accession/submit`), 200)
    expectStatus(await asDan.post(`/parties/${ref}/accession/approve`), 403)
    const asAna = as(client, ana)
    const pending = bodyOf(await asAna.get(`/parties/${ref}/account`)).history.filter(
      (h: any) => h.state === 'PENDING_APPROVAL'
    )
    assert.lengthOf(pending, 2)
    for (const request of pending)
      expectStatus(await asAna.post(`/change-requests/${request.id}/approve`), 200)
    expectStatus(await asAna.post(`/parties/${ref}/accession/approve`), 200)

    const acceded = await as(client, op).post(`/parties/${ref}/accession/accede`, {
      partyId: 'HRBLIGHT',
      agreementDatedOn: todayIso(),
    })
    acceded.assertStatus(200)
    assert.equal(await User.findOrFail(dan.id).then((value) => value.partyId), 'HRBLIGHT')
    assert.isNull(await Party.findBy('party_id', ref))
    events.assertEmitted('customer:party_registered', ({ data }) => data.partyId === 'HRBLIGHT')

    const target = workingDaysAhead(10)
    const opened = await asAna.post('/parties/HRBLIGHT/roles', {
      roleCode: 'SUPPLIER',
      targetEffectiveFrom: target,
      participantCode: 'HRBL',
    })
    opened.assertStatus(201)
    const caseId = opened.body().data.id
    expectStatus(await asAna.post(`/role-cases/${caseId}/submit`), 200)
    expectStatus(await as(client, op).post(`/role-cases/${caseId}/start-qualification`), 200)

    const steps: Record<string, [string, 'op' | 'party'][]> = {
      CVA: [
        ['TESTING', 'op'],
        ['PASSED', 'op'],
      ],
      SVA: [
        ['SAD_IN_PROGRESS', 'op'],
        ['SAD_SUBMITTED', 'party'],
        ['EVIDENCE_REVIEW', 'op'],
        ['QSP_REPORTED', 'op'],
        ['PAB_DECISION', 'op'],
        ['QUALIFIED', 'op'],
      ],
      REC: [
        ['SCENARIO_TESTING', 'op'],
        ['PASSED', 'op'],
      ],
    }
    const roles = bodyOf(await asAna.get('/parties/HRBLIGHT/roles')).roleCases[0]
    assert.deepEqual(roles.qualifications.map((q: any) => q.kind).sort(), ['CVA', 'REC', 'SVA'])
    for (const sub of roles.qualifications) {
      for (const [state, who] of steps[sub.kind]) {
        expectStatus(
          await as(client, who === 'op' ? op : ana).post(`/qualifications/${sub.id}/advance`, {
            state,
          }),
          200
        )
      }
    }
    /* A Supplier trades: it waits for Credit Cover and two 24-hour credit contacts (§5.2, §12.1). */
    const waiting = bodyOf(await asAna.get('/parties/HRBLIGHT'))
    assert.equal(waiting.roleCases[0].state, 'QUALIFYING')
    assert.includeMembers(
      waiting.tasks.map((t: any) => t.title),
      ['Lodge Credit Cover', 'Name two 24-hour credit contacts']
    )
    expectStatus(
      await asAna.post('/parties/HRBLIGHT/credit/contacts', {
        contacts: [
          { fullName: 'Tom Okafor', email: 'tom@harbourlight.test', phone: '+44 7700 900123' },
          { fullName: 'Priya Shah', email: 'priya@harbourlight.test', phone: '+44 7700 900456' },
        ],
      }),
      201
    )
    assert.equal(
      bodyOf(await asAna.get('/parties/HRBLIGHT/roles')).roleCases[0].state,
      'QUALIFYING'
    )
    expectStatus(
      await as(client, op).post('/parties/HRBLIGHT/credit/lodgements', {
        amount: 250000,
        effectiveOn: todayIso(),
        instrument: 'letter_of_credit',
        reference: 'LC-HRB-0001',
      }),
      201
    )
    const ready = bodyOf(await asAna.get('/parties/HRBLIGHT/roles')).roleCases[0]
    assert.equal(ready.state, 'READY_TO_REGISTER')

    expectStatus(await as(client, op).post(`/role-cases/${caseId}/register`), 200)
    const accounts = await db
      .from('customer_energy_accounts')
      .where('party_id', 'HRBLIGHT')
      .orderBy('account_id')
    assert.deepEqual(
      accounts.map((a) => a.account_id),
      ['HRBLIGHT-C', 'HRBLIGHT-P']
    )
    const bases = await db
      .from('customer_bm_units')
      .where('party_id', 'HRBLIGHT')
      .where('is_base', true)
    assert.lengthOf(bases, 14)
    events.assertEmittedCount('customer:bm_unit_registered', 14)

    expectStatus(await as(client, op).post('/parties/HRBLIGHT/go-live'), 409)
    await db
      .from('customer_party_roles')
      .where('party_id', 'HRBLIGHT')
      .update({ effective_from: todayIso() })
    expectStatus(await as(client, op).post('/parties/HRBLIGHT/go-live'), 200)
    const live = await Party.findByOrFail('party_id', 'HRBLIGHT')
    assert.equal(live.entryState, 'ACTIVE')
    assert.equal(live.status, 'active')

    const audit = await db
      .from('core_audit_log')
      .where('action', 'like', 'customer.%')
      .select('action')
    for (const action of [
      'entry.submit_expression_of_interest',
      'entry.invite_assistant',
      'entry.accept_invitation',
      'entry.submit_accession',
      'entry.approve_accession_draft',
      'entry.approve_accession',
      'role.open',
      'role.submit',
      'role.start_qualification',
      'credit.submit_contacts',
      'credit.record_lodgement',
      'role.ready_to_register',
      'role.register',
      'entry.go_live',
      'signatory.approve',
    ]) {
      assert.isTrue(
        audit.some((row) => row.action === `customer.${action}`),
        action
      )
    }
    events.assertEmitted(
      'customer:transition',
      ({ data }) =>
        data.action === 'customer.entry.go_live' && (data.after as any).entryState === 'ACTIVE'
    )
    emitter.restore()
  })
})
