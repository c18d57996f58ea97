import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Party from '#customer/models/party'
import CustomerDocument from '#customer/models/document'
import BankAccount from '#customer/models/bank_account'
import { createUser } from '#tests/helpers/users'
import {
  approvedContact,
  cast,
  makeParty,
  operator,
  signatory,
  todayIso,
} from '#tests/fixtures/customer/world'
import { API, as, expectStatus } from '#tests/fixtures/customer/api'

const address = { line1: '1 Quay Street', town: 'Bristol', postcode: 'BS1 4DJ' }
const details = {
  name: 'Harbourlight Energy Ltd',
  country: 'GB',
  registeredNumber: '15234567',
  vatNumber: 'GB123456782',
  licenceStatus: 'applied_for',
  proposedPartyId: 'HRBLIGHT',
  registeredAddress: address,
}

async function prospect(entryState: string, extra: Partial<Party> = {}) {
  const people = await cast('EOI-0000AA01', {
    status: 'prospect',
    entryState,
    accessionDate: null,
    ...extra,
  })
  return people
}

async function completeDraft(partyId: string, preparedBy?: number) {
  const document = await CustomerDocument.create({
    partyId,
    kind: 'accession_agreement',
    fileName: 'a.pdf',
    storedName: 'a.pdf',
    sizeBytes: 10,
    sha256: 'a'.repeat(64),
    uploadedBy: null,
  })
  await Party.query()
    .where('party_id', partyId)
    .update({
      ...{
        registered_number: '15234567',
        vat_number: 'GB123456782',
        proposed_party_id: 'HRBLIGHT',
        licence_status: 'applied_for',
        agreement_document_id: document.id,
      },
      accession_prepared_by: preparedBy ?? null,
    })
  await approvedContact(partyId)
  await BankAccount.create({
    partyId,
    purpose: 'trading',
    accountName: 'H Ltd',
    sortCode: '401276',
    accountNumber: '71234567',
    bankName: 'HSBC',
    status: 'pending_approval',
  })
}

test.group('Market entry transitions: who may act, and what is refused', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('E1 expression of interest: field messages for bad input, duplicates flagged not blocked', async ({
    client,
    assert,
  }) => {
    const bad = await client.post(`${API}/join`).json({
      companyName: '',
      country: 'GB',
      registeredNumber: '1234',
      contactName: 'D',
      email: 'not-an-email',
      intendedRoles: ['WIZARD'],
    })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    for (const field of ['companyName', 'registeredNumber', 'email', 'intendedRoles.0'])
      assert.include(fields, field)
    assert.match(
      bad.body().errors.find((e: any) => e.field === 'registeredNumber').message,
      /8 digits/
    )

    await makeParty('EXIST1', { registeredNumber: '15234567' })
    const ok = await client.post(`${API}/join`).json({
      companyName: 'Dup Ltd',
      country: 'GB',
      registeredNumber: '15234567',
      contactName: 'Dan',
      email: 'dan@dup.test',
      intendedRoles: ['NPT'],
    })
    ok.assertStatus(201)
    const task = await db.from('customer_tasks').where('kind', 'triage_eoi').first()
    assert.include(task.reason, 'Possible duplicate of EXIST1 Energy Ltd (EXIST1)')
    const ack = await db.from('core_mail_outbox').where('to_address', 'dan@dup.test').first()
    assert.include(ack.subject, 'Expression of interest received')
  })

  test('E2 invite: operator only; refused once invited; an existing account is a field error', async ({
    client,
    assert,
  }) => {
    const { user: op } = await operator()
    const people = await prospect('EOI_SUBMITTED', {
      prospectContactEmail: 'dan@new.test',
      prospectContactName: 'Dan',
    })
    expectStatus(
      await as(client, people.assistant.user).post('/parties/EOI-0000AA01/invite-assistant'),
      404
    )
    expectStatus(
      await as(client, people.catA.user).post('/parties/EOI-0000AA01/invite-assistant'),
      404
    )
    const taken = await as(client, op).post('/parties/EOI-0000AA01/invite-assistant', {
      email: people.assistant.user.email,
    })
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].field, 'email')
    expectStatus(await as(client, op).post('/parties/EOI-0000AA01/invite-assistant'), 200)
    expectStatus(await as(client, op).post('/parties/EOI-0000AA01/invite-assistant'), 409)
  })

  test('E3 invitation links work once and only before they expire', async ({ client, assert }) => {
    const { user: op } = await operator()
    await prospect('EOI_SUBMITTED', {
      prospectContactEmail: 'dan@once.test',
      prospectContactName: 'Dan',
    })
    await as(client, op).post('/parties/EOI-0000AA01/invite-assistant')
    const mail = await db.from('core_mail_outbox').where('to_address', 'dan@once.test').first()
    const token = /invitations\/([\w-]+)/.exec(mail.text_body)![1]
    expectStatus(
      await client
        .post(`${API}/invitations/${token}`)
        .json({ password: 'short', passwordConfirmation: 'short' }),
      422
    )
    expectStatus(
      await client
        .post(`${API}/invitations/${token}`)
        .json({ password: 'long enough password', passwordConfirmation: 'long enough password' }),
      201
    )
    expectStatus(
      await client
        .post(`${API}/invitations/${token}`)
        .json({ password: 'long enough password', passwordConfirmation: 'long enough password' }),
      409
    )
    const page = await client.get(`${API}/invitations/${token}`)
    assert.isFalse(page.body().valid)
  })

  test('accession details: Companies House, VAT check digit, postcode and Party ID rules', async ({
    client,
    assert,
  }) => {
    const people = await prospect('ACCESSION_DRAFT')
    await makeParty('TAKEN')
    const response = await as(client, people.assistant.user).put(
      '/parties/EOI-0000AA01/accession',
      {
        ...details,
        registeredNumber: 'AB12',
        vatNumber: 'GB123456789',
        registeredAddress: { ...address, postcode: 'XX1 ZZZ9' },
        proposedPartyId: 'TAKEN',
      }
    )
    response.assertStatus(422)
    const byField = Object.fromEntries(response.body().errors.map((e: any) => [e.field, e.message]))
    assert.match(byField.registeredNumber, /8 digits/)
    assert.match(byField.vatNumber, /check-digit/)
    assert.match(byField['registeredAddress.postcode'], /postcode/)
    const taken = await as(client, people.assistant.user).put('/parties/EOI-0000AA01/accession', {
      ...details,
      proposedPartyId: 'TAKEN',
    })
    taken.assertStatus(422)
    assert.match(taken.body().errors[0].message, /never reused/)
    expectStatus(
      await as(client, people.sigB.user).put('/parties/EOI-0000AA01/accession', details),
      403
    )
    expectStatus(
      await as(client, people.assistant.user).put('/parties/EOI-0000AA01/accession', {
        ...details,
        vatNumber: 'not available',
      }),
      200
    )
    assert.equal(
      await Party.findByOrFail('party_id', 'EOI-0000AA01').then((value) => value.vatNumber),
      'Not available'
    )
  })

  test('E4 submit: lists what is missing; the preparer is recorded', async ({ client, assert }) => {
    const people = await prospect('ACCESSION_DRAFT')
    const incomplete = await as(client, people.assistant.user).post(
      '/parties/EOI-0000AA01/accession/submit'
    )
    incomplete.assertStatus(409)
    assert.match(
      incomplete.body().errors[0].message,
      /Accession Agreement.*contact.*Trading Charges bank details/
    )
    await completeDraft('EOI-0000AA01')
    expectStatus(
      await as(client, people.sigB.user).post('/parties/EOI-0000AA01/accession/submit'),
      403
    )
    expectStatus(
      await as(client, people.assistant.user).post('/parties/EOI-0000AA01/accession/submit'),
      200
    )
    const party = await Party.findByOrFail('party_id', 'EOI-0000AA01')
    assert.equal(party.entryState, 'ACCESSION_PENDING_APPROVAL')
    assert.equal(party.accessionPreparedBy, people.assistant.user.id)
  })

  test('Cat A approval of the draft: never the assistant, never the preparer (four eyes)', async ({
    client,
  }) => {
    const people = await prospect('ACCESSION_PENDING_APPROVAL')
    await completeDraft('EOI-0000AA01', people.catA.user.id)
    const { user: op } = await operator()
    expectStatus(
      await as(client, people.assistant.user).post('/parties/EOI-0000AA01/accession/approve'),
      403
    )
    expectStatus(
      await as(client, people.sigB.user).post('/parties/EOI-0000AA01/accession/approve'),
      403
    )
    expectStatus(await as(client, op).post('/parties/EOI-0000AA01/accession/approve'), 403)
    expectStatus(
      await as(client, people.catA.user).post('/parties/EOI-0000AA01/accession/approve'),
      403
    )
    expectStatus(
      await as(client, people.catA2.user).post('/parties/EOI-0000AA01/accession/reject', {
        reason: '',
      }),
      422
    )
    expectStatus(
      await as(client, people.catA2.user).post('/parties/EOI-0000AA01/accession/approve'),
      200
    )
    expectStatus(
      await as(client, people.catA2.user).post('/parties/EOI-0000AA01/accession/approve'),
      409
    )
  })

  test('E5/E6 operator returns with a reason or accedes; Party IDs are never reused', async ({
    client,
    assert,
  }) => {
    const people = await prospect('ACCESSION_SUBMITTED', { proposedPartyId: 'HRBLIGHT' })
    const { user: op } = await operator()
    expectStatus(
      await as(client, people.catA.user).post('/parties/EOI-0000AA01/accession/accede', {
        partyId: 'HRBLIGHT',
        agreementDatedOn: todayIso(),
      }),
      404
    )
    expectStatus(await as(client, op).post('/parties/EOI-0000AA01/accession/return', {}), 422)
    expectStatus(
      await as(client, op).post('/parties/EOI-0000AA01/accession/return', {
        reason: 'The agreement carries a handwritten date',
      }),
      200
    )
    assert.equal(
      await Party.findByOrFail('party_id', 'EOI-0000AA01').then((value) => value.stateReason),
      'The agreement carries a handwritten date'
    )
    const notice = await db
      .from('core_notifications')
      .where('user_id', people.assistant.user.id)
      .first()
    assert.equal(notice.title, 'Accession returned')

    await Party.query()
      .where('party_id', 'EOI-0000AA01')
      .update({ entry_state: 'ACCESSION_SUBMITTED' })
    await makeParty('GONE', { status: 'withdrawn', entryState: 'WITHDRAWN' })
    const reused = await as(client, op).post('/parties/EOI-0000AA01/accession/accede', {
      partyId: 'GONE',
      agreementDatedOn: todayIso(),
    })
    reused.assertStatus(422)
    assert.equal(reused.body().errors[0].field, 'partyId')
    expectStatus(
      await as(client, op).post('/parties/EOI-0000AA01/accession/accede', {
        partyId: 'hrb light',
        agreementDatedOn: todayIso(),
      }),
      422
    )
    expectStatus(
      await as(client, op).post('/parties/EOI-0000AA01/accession/accede', {
        partyId: 'HRBLIGHT',
        agreementDatedOn: '2026-02-30',
      }),
      422
    )
    expectStatus(
      await as(client, op).post('/parties/EOI-0000AA01/accession/accede', {
        partyId: 'HRBLIGHT',
        agreementDatedOn: todayIso(),
      }),
      200
    )
    const acceded = await Party.findByOrFail('party_id', 'HRBLIGHT')
    assert.equal(acceded.entryState, 'ACCEDED')
    assert.equal(acceded.accessionDate, todayIso())
    const moved = await db
      .from('customer_signatory_authorisations')
      .where('party_id', 'HRBLIGHT')
      .count('* as total')
      .first()
    assert.equal(Number(moved.total), 7)
  })

  test('E9 go-live and E10 close are operator transitions guarded by state', async ({
    client,
    assert,
  }) => {
    const { user: op } = await operator()
    const people = await prospect('EOI_SUBMITTED')
    expectStatus(
      await as(client, people.catA.user).post('/parties/EOI-0000AA01/close', {
        reason: 'Silent for 90 days',
      }),
      404
    )
    expectStatus(await as(client, op).post('/parties/EOI-0000AA01/go-live'), 409)
    expectStatus(
      await as(client, op).post('/parties/EOI-0000AA01/close', { reason: 'Silent for 90 days' }),
      200
    )
    assert.equal(
      await Party.findByOrFail('party_id', 'EOI-0000AA01').then((value) => value.entryState),
      'CLOSED'
    )
    expectStatus(await as(client, op).post('/parties/EOI-0000AA01/close', { reason: 'Again' }), 409)
    await makeParty('OTHER1')
    const outsider = await signatory('OTHER1', ['A'])
    expectStatus(await as(client, outsider.user).get('/parties/EOI-0000AA01'), 404)
    const assistantOfNobody = await createUser({ role: 'assistant', partyId: null })
    expectStatus(await as(client, assistantOfNobody.user).get('/parties/EOI-0000AA01'), 404)
  })
})
