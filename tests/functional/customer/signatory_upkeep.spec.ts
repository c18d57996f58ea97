import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#core/auth/user'
import SignatoryConfirmation from '#customer/models/signatory_confirmation'
import issueSignatoryConfirmation from '#customer/actions/signatories/issue_signatory_confirmation'
import markSignatoryConfirmationOverdue from '#customer/actions/signatories/mark_signatory_confirmation_overdue'
import { cast, operator, signatory } from '#tests/fixtures/customer/world'
import { API, as, bodyOf, expectStatus, invitationToken } from '#tests/fixtures/customer/api'

test.group(
  'Signatories: portal access for existing signatories, the yearly confirmation',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())

    test('a Cat A gives an authorised signatory portal access; nobody else can, and only once', async ({
      client,
      assert,
    }) => {
      const p = await cast('HRBLIGHT')
      const other = await cast('OTHERCO')
      const { user: op } = await operator()
      const path = `/signatories/${p.sigB.user.id}/portal-access`
      const before = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/signatories'))
      assert.equal(
        before.authorisations.find((a: any) => a.userId === p.sigB.user.id).portalAccess,
        'none'
      )
      for (const refused of [p.assistant.user, p.sigF.user, op])
        expectStatus(await as(client, refused).post(path), 403)
      expectStatus(await as(client, other.catA.user).post(path), 404)
      expectStatus(
        await as(client, p.catA.user).post(`/signatories/${p.assistant.user.id}/portal-access`),
        409
      )
      expectStatus(
        await as(client, p.catA.user).post(`/signatories/${p.catA.user.id}/portal-access`),
        409
      )

      const granted = await as(client, p.catA.user).post(path)
      granted.assertStatus(201)
      assert.equal(granted.body().data.portalRole, 'signatory')
      const again = await as(client, p.catA2.user).post(path)
      again.assertStatus(409)
      assert.match(again.body().errors[0].message, /invitation .* is still open/)

      const token = await invitationToken(p.sigB.user.email)
      expectStatus(
        await client.post(`${API}/invitations/${token}`).json({
          password: 'a much longer passphrase 42',
          passwordConfirmation: 'a much longer passphrase 42',
        }),
        201
      )
      const signedUp = await User.findOrFail(p.sigB.user.id)
      assert.equal(signedUp.role, 'signatory')
      const after = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/signatories'))
      assert.equal(
        after.authorisations.find((a: any) => a.userId === p.sigB.user.id).portalAccess,
        'active'
      )
      const already = await as(client, p.catA.user).post(path)
      assert.match(already.body().errors[0].message, /already has portal access/)
      const audit = await db
        .from('core_audit_log')
        .where('action', 'customer.access.grant_signatory')
      assert.lengthOf(audit, 1)
    })

    test('the yearly confirmation is issued per dated cycle to a Cat A, marked overdue, and confirmed by a Cat A', async ({
      client,
      assert,
    }) => {
      const p = await cast('HRBLIGHT', { accessionDate: '2024-01-10' })
      await signatory('HRBLIGHT', ['D'])
      const { user: op } = await operator()
      assert.isNull(await issueSignatoryConfirmation('HRBLIGHT', '2024-12-31'), 'not a year yet')
      const issued = await issueSignatoryConfirmation('HRBLIGHT', '2025-01-10')
      assert.exists(issued)
      assert.equal(issued!.state, 'DUE')
      assert.equal(issued!.dueOn, '2025-02-07', '20 working days')
      assert.equal(issued!.addressedTo, p.catA.user.id)
      assert.lengthOf(issued!.authorisedPersons, 5)
      assert.isNull(await issueSignatoryConfirmation('HRBLIGHT', '2025-01-11'), 'one at a time')
      const task = await db
        .from('customer_tasks')
        .where({ case_type: 'signatory_confirmation', kind: 'confirm_signatories', status: 'open' })
        .first()
      assert.deepEqual([task.assignee, task.due_on], ['party', '2025-02-07'])
      const notice = await db
        .from('core_notifications')
        .where('user_id', p.catA.user.id)
        .where('title', 'Annual confirmation of your authorised signatories')
        .first()
      assert.include(notice.body, 'HRBLIGHT Energy Ltd')

      assert.isNull(await markSignatoryConfirmationOverdue(issued!.id, '2025-02-07'))
      const late = await markSignatoryConfirmationOverdue(issued!.id, '2025-02-08')
      assert.equal(late!.state, 'OVERDUE')
      const chase = await as(client, op).get(
        '/operator/queue?type=signatory_confirmation&state=OVERDUE'
      )
      assert.equal(chase.body().tasks[0].kind, 'chase_signatory_confirmation')
      const dashboard = await client.get('/dashboard').withInertia().loginAs(op)
      assert.include(JSON.stringify(dashboard.body().props), 'Signatory confirmations overdue')

      const path = `/signatory-confirmations/${issued!.id}/confirm`
      for (const refused of [p.assistant.user, p.sigB.user, op])
        expectStatus(await as(client, refused).post(path, {}), 403)
      expectStatus(await as(client, p.catA2.user).post(path, { note: 'No changes' }), 200)
      expectStatus(await as(client, p.catA2.user).post(path, {}), 409)
      const done = await SignatoryConfirmation.findOrFail(issued!.id)
      assert.deepEqual(
        [done.state, done.confirmedBy, done.note],
        ['CONFIRMED', p.catA2.user.id, 'No changes']
      )
      const open = await db
        .from('customer_tasks')
        .where({ case_type: 'signatory_confirmation', case_id: String(issued!.id), status: 'open' })
      assert.lengthOf(open, 0)

      assert.isNull(await issueSignatoryConfirmation('HRBLIGHT', '2026-01-09'))
      expectStatus(
        await as(client, op).post('/operator/parameters', {
          kind: 'signatory_confirmation_cycle',
          value: 6,
          unit: 'months',
          effectiveFrom: '2025-06-01',
          reference: 'Twice a year (test)',
        }),
        201
      )
      const next = await issueSignatoryConfirmation('HRBLIGHT', '2025-07-10')
      assert.equal(next?.issuedOn, '2025-07-10', 'the cycle in force on the day decides')
      const page = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/signatories'))
      assert.deepEqual(
        page.confirmations.map((c: any) => c.state),
        ['DUE', 'CONFIRMED']
      )
    })
  }
)
