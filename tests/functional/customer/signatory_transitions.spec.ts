import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#core/auth/user'
import SignatoryAuthorisation from '#customer/models/signatory_authorisation'
import purgeRetainedRecords from '#customer/actions/signatories/purge_retained_records'
import { createUser } from '#tests/helpers/users'
import {
  cast,
  makeParty,
  operator,
  PDF_BYTES,
  signatory,
  todayIso,
} from '#tests/fixtures/customer/world'
import { as, expectStatus } from '#tests/fixtures/customer/api'

const nominee = (email: string, categories = ['B']) => ({
  fullName: 'Tom Okafor',
  email,
  categories,
  startDate: todayIso(),
})

test.group('Authorised signatories: nominations, approvals, end dates, access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an assistant nominates, a Cat A other than the proposer and the nominee approves', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const nomination = await as(client, p.assistant.user).post(
      '/parties/HRBLIGHT/signatories',
      nominee('tom@hrb.test')
    )
    nomination.assertStatus(201)
    assert.equal(nomination.body().data.state, 'PENDING_APPROVAL')
    const id = nomination.body().data.id
    expectStatus(await as(client, p.assistant.user).post(`/signatory-requests/${id}/approve`), 403)
    expectStatus(await as(client, p.sigB.user).post(`/signatory-requests/${id}/approve`), 403)
    const { user: op } = await operator()
    expectStatus(await as(client, op).post(`/signatory-requests/${id}/approve`), 403)
    expectStatus(await as(client, p.catA.user).post(`/signatory-requests/${id}/approve`), 200)
    const tom = await User.findByOrFail('email', 'tom@hrb.test')
    assert.equal(tom.role, 'signatory')
    const rows = await SignatoryAuthorisation.query().where('user_id', tom.id)
    assert.deepEqual(
      rows.map((r) => [r.category, r.proposedBy, r.approvedBy]),
      [['B', p.assistant.user.id, p.catA.user.id]]
    )
    /* Only assistants and Cat A get the portal unasked (§2.2): Tom is registered, access is granted separately. */
    assert.isNull(await db.from('core_mail_outbox').where('to_address', 'tom@hrb.test').first())
    assert.exists(
      await db
        .from('core_notifications')
        .where('user_id', p.catA2.user.id)
        .where('title', 'like', '%is an authorised signatory')
        .first()
    )
  })

  test('nobody approves their own nomination; Sig(B) cannot nominate', async ({ client }) => {
    const p = await cast('HRBLIGHT')
    const self = await as(client, p.catA.user).post(
      '/parties/HRBLIGHT/signatories',
      nominee(p.catA.user.email, ['D'])
    )
    self.assertStatus(201)
    expectStatus(
      await as(client, p.catA.user).post(`/signatory-requests/${self.body().data.id}/approve`),
      403
    )
    const forA2 = await as(client, p.assistant.user).post(
      '/parties/HRBLIGHT/signatories',
      nominee(p.catA2.user.email, ['C'])
    )
    expectStatus(
      await as(client, p.catA2.user).post(`/signatory-requests/${forA2.body().data.id}/approve`),
      403
    )
    expectStatus(
      await as(client, p.catA.user).post(`/signatory-requests/${forA2.body().data.id}/approve`),
      200
    )
    expectStatus(
      await as(client, p.sigB.user).post('/parties/HRBLIGHT/signatories', nominee('x@hrb.test')),
      403
    )
  })

  test('a Cat A nominating someone else appoints directly; overlapping categories are refused', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const direct = await as(client, p.catA.user).post(
      '/parties/HRBLIGHT/signatories',
      nominee(p.sigF.user.email, ['G'])
    )
    direct.assertStatus(201)
    assert.equal(direct.body().data.state, 'APPROVED')
    expectStatus(
      await as(client, p.catA.user).post(
        '/parties/HRBLIGHT/signatories',
        nominee(p.sigF.user.email, ['F'])
      ),
      409
    )
    const bad = await as(client, p.catA.user).post('/parties/HRBLIGHT/signatories', {
      ...nominee('y@hrb.test', ['Z']),
      startDate: '2020-01-01',
    })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    assert.include(fields, 'categories')
  })

  test("the first Cat A needs a Director's Letter and is activated by the operator only", async ({
    client,
    assert,
  }) => {
    await makeParty('EOI-0000BB01', { status: 'prospect', entryState: 'ACCESSION_DRAFT' })
    const { user: assistant } = await createUser({ role: 'assistant', partyId: 'EOI-0000BB01' })
    const noLetter = await as(client, assistant)
      .multipart('/parties/EOI-0000BB01/signatories')
      .fields({
        'fullName': 'Ana',
        'email': 'ana@x.test',
        'startDate': todayIso(),
        'categories[0]': 'A',
      })
    noLetter.assertStatus(422)
    assert.equal(noLetter.body().errors[0].field, 'directorsLetter')
    const notA = await as(client, assistant).post(
      '/parties/EOI-0000BB01/signatories',
      nominee('b@x.test', ['B'])
    )
    notA.assertStatus(422)
    const fake = await as(client, assistant)
      .multipart('/parties/EOI-0000BB01/signatories')
      .fields({
        'fullName': 'Ana',
        'email': 'ana@x.test',
        'startDate': todayIso(),
        'categories[0]': 'A',
      })
      .file('directorsLetter', Buffer.from('MZ not a pdf at all'), { filename: 'letter.pdf' })
    fake.assertStatus(422)
    assert.match(fake.body().errors[0].message, /PDF/)
    const ok = await as(client, assistant)
      .multipart('/parties/EOI-0000BB01/signatories')
      .fields({
        'fullName': 'Ana',
        'email': 'ana@x.test',
        'startDate': todayIso(),
        'categories[0]': 'A',
      })
      .file('directorsLetter', PDF_BYTES, { filename: 'letter.pdf' })
    ok.assertStatus(201)
    const queue = await db.from('customer_tasks').where('kind', 'activate_first_category_a').first()
    assert.equal(queue.assignee, 'operator')
    const { user: op } = await operator()
    expectStatus(await as(client, op).post(`/signatory-requests/${ok.body().data.id}/approve`), 200)
    assert.equal(
      await User.findByOrFail('email', 'ana@x.test').then((value) => value.role),
      'signatory'
    )
  })

  test('end-dating keeps at least one Cat A; ending the last category revokes the signatory role', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const rowsA = await SignatoryAuthorisation.query()
      .where('party_id', 'HRBLIGHT')
      .where('category', 'A')
      .orderBy('id')
    expectStatus(
      await as(client, p.sigB.user).post(`/authorisations/${rowsA[0].id}/end-date`, {
        endDate: todayIso(),
      }),
      403
    )
    expectStatus(
      await as(client, p.catA.user).post(`/authorisations/${rowsA[1].id}/end-date`, {
        endDate: '2020-01-01',
      }),
      422
    )
    expectStatus(
      await as(client, p.catA.user).post(`/authorisations/${rowsA[1].id}/end-date`, {
        endDate: todayIso(),
      }),
      200
    )
    assert.equal(await User.findOrFail(p.catA2.user.id).then((value) => value.role), 'assistant')
    const last = await as(client, p.catA.user).post(`/authorisations/${rowsA[0].id}/end-date`, {
      endDate: todayIso(),
    })
    last.assertStatus(409)
    assert.match(last.body().errors[0].message, /at least one Category A/)
  })

  test('a Cat A grants portal access; assistants cannot', async ({ client, assert }) => {
    const p = await cast('HRBLIGHT')
    expectStatus(
      await as(client, p.assistant.user).post('/parties/HRBLIGHT/invitations', {
        fullName: 'Lee Chan',
        email: 'lee@hrb.test',
      }),
      403
    )
    expectStatus(
      await as(client, p.catA.user).post('/parties/HRBLIGHT/invitations', {
        fullName: 'Lee Chan',
        email: 'lee@hrb.test',
      }),
      201
    )
    expectStatus(
      await as(client, p.catA.user).post('/parties/HRBLIGHT/invitations', {
        fullName: 'Lee Chan',
        email: 'lee@hrb.test',
      }),
      422
    )
    const list = await as(client, p.catA.user).get('/parties/HRBLIGHT/signatories')
    assert.equal(list.body().invitations[0].state, 'INVITED')
  })

  test('retention: end-dated authorisations are deleted after the dated retention period, the audit stays', async ({
    assert,
  }) => {
    await makeParty('OLDCO')
    const old = await signatory('OLDCO', ['B'])
    await SignatoryAuthorisation.query()
      .where('user_id', old.user.id)
      .update({ end_date: '2022-01-31' })
    const recent = await signatory('OLDCO', ['A'])
    const result = await purgeRetainedRecords('2025-06-01')
    assert.equal(result.cutoff, '2023-02-01')
    assert.equal(result.authorisations, 1)
    assert.lengthOf(await SignatoryAuthorisation.query().where('user_id', old.user.id), 0)
    assert.lengthOf(await SignatoryAuthorisation.query().where('user_id', recent.user.id), 1)
    const audit = await db
      .from('core_audit_log')
      .where('action', 'customer.signatory.purge')
      .first()
    assert.notInclude(audit.before + audit.after, old.user.email)
  })

  test('signatories must enrol MFA before using the portal', async ({ client, assert }) => {
    await makeParty('HRBLIGHT')
    const { user } = await createUser({ role: 'signatory', partyId: 'HRBLIGHT', mfa: false })
    const response = await client.get('/customer/parties/HRBLIGHT').loginAs(user).redirects(0)
    response.assertStatus(302)
    assert.equal(response.header('location'), '/account/mfa/setup')
  })
})
