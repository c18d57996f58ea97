import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Party from '#customer/models/party'
import { cast } from '#tests/fixtures/customer/world'
import { as, bodyOf, expectStatus } from '#tests/fixtures/customer/api'

const bank = {
  purpose: 'trading',
  accountName: 'Harbourlight Energy Ltd',
  sortCode: '40 12 76',
  accountNumber: '71234567',
  bankName: 'HSBC',
}
const contact = { fullName: 'Priya Shah', email: 'priya@hrb.test', contactTypes: ['operational'] }

test.group('My Account: changes, approvals and history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an assistant prepares a contact; only a Cat A other than the preparer approves it', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const prepared = await as(client, p.assistant.user).post(
      '/parties/HRBLIGHT/account/contacts',
      contact
    )
    prepared.assertStatus(201)
    assert.equal(prepared.body().data.state, 'PENDING_APPROVAL')
    const id = prepared.body().data.id
    expectStatus(await as(client, p.assistant.user).post(`/change-requests/${id}/approve`), 403)
    expectStatus(await as(client, p.sigF.user).post(`/change-requests/${id}/approve`), 403)
    expectStatus(await as(client, p.catA.user).post(`/change-requests/${id}/approve`), 200)
    expectStatus(await as(client, p.catA.user).post(`/change-requests/${id}/approve`), 409)
    const row = await db.from('customer_contacts').where('email', 'priya@hrb.test').first()
    assert.equal(row.status, 'approved')
  })

  test('bank details: Sig(F) applies directly and every Cat A is told; Sig(B) may not touch them', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    expectStatus(
      await as(client, p.sigB.user).post('/parties/HRBLIGHT/account/bank-accounts', bank),
      403
    )
    const applied = await as(client, p.sigF.user).post(
      '/parties/HRBLIGHT/account/bank-accounts',
      bank
    )
    applied.assertStatus(201)
    assert.equal(applied.body().data.state, 'APPROVED')
    assert.equal(applied.body().data.change.accountNumber, '****4567')
    for (const holder of [p.catA.user, p.catA2.user]) {
      const notice = await db
        .from('core_notifications')
        .where('user_id', holder.id)
        .where('title', 'Bank details changed')
        .first()
      assert.exists(notice, `${holder.email} told`)
    }
    const stored = await db.from('customer_bank_accounts').where('party_id', 'HRBLIGHT').first()
    assert.equal(stored.sort_code, '401276')
    const page = await as(client, p.assistant.user).get('/parties/HRBLIGHT/account')
    assert.equal(page.body().bankAccounts[0].accountNumber, '****4567')
    assert.notInclude(page.text(), '71234567')
  })

  test('an assistant prepares bank details; Cat F approves; a second set replaces the first', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const first = await as(client, p.assistant.user).post(
      '/parties/HRBLIGHT/account/bank-accounts',
      bank
    )
    expectStatus(
      await as(client, p.sigF.user).post(`/change-requests/${first.body().data.id}/approve`),
      200
    )
    const second = await as(client, p.assistant.user).post(
      '/parties/HRBLIGHT/account/bank-accounts',
      { ...bank, accountNumber: '12345678' }
    )
    expectStatus(
      await as(client, p.sigB.user).post(`/change-requests/${second.body().data.id}/approve`),
      403
    )
    expectStatus(
      await as(client, p.catA.user).post(`/change-requests/${second.body().data.id}/reject`, {
        reason: 'Wrong account',
      }),
      200
    )
    const rows = await db.from('customer_bank_accounts').where('party_id', 'HRBLIGHT').orderBy('id')
    assert.deepEqual(
      rows.map((r) => r.status),
      ['approved', 'rejected']
    )
  })

  test('bank details and contacts are validated field by field', async ({ client, assert }) => {
    const p = await cast('HRBLIGHT')
    const bad = await as(client, p.catA.user).post('/parties/HRBLIGHT/account/bank-accounts', {
      ...bank,
      sortCode: '40-12-7',
      accountNumber: '7123456',
      purpose: 'savings',
    })
    bad.assertStatus(422)
    const fields = bad
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, ['accountNumber', 'purpose', 'sortCode'])
    const badContact = await as(client, p.catA.user).post('/parties/HRBLIGHT/account/contacts', {
      ...contact,
      contactTypes: [],
      email: 'x',
    })
    badContact.assertStatus(422)
  })

  test('company details: a Cat A applies, an assistant prepares; end-dating a contact is Cat A only', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const change = {
      name: 'Harbourlight Power Ltd',
      vatNumber: 'GB123456782',
      registeredAddress: { line1: '2 Quay', town: 'Bristol', postcode: 'BS1 4DJ' },
    }
    const prepared = await as(client, p.assistant.user).put(
      '/parties/HRBLIGHT/account/company',
      change
    )
    assert.equal(prepared.body().data.state, 'PENDING_APPROVAL')
    assert.equal(
      await Party.findByOrFail('party_id', 'HRBLIGHT').then((value) => value.name),
      'HRBLIGHT Energy Ltd'
    )
    expectStatus(
      await as(client, p.catA2.user).post(`/change-requests/${prepared.body().data.id}/approve`),
      200
    )
    assert.equal(
      await Party.findByOrFail('party_id', 'HRBLIGHT').then((value) => value.name),
      'Harbourlight Power Ltd'
    )

    const added = await as(client, p.catA.user).post('/parties/HRBLIGHT/account/contacts', contact)
    const contactId = added.body().data.subjectId
    expectStatus(
      await as(client, p.assistant.user).post(`/contacts/${contactId}/end-date`, {
        effectiveTo: '2030-01-01',
      }),
      403
    )
    expectStatus(
      await as(client, p.catA.user).post(`/contacts/${contactId}/end-date`, {
        effectiveTo: '2030-01-01',
      }),
      201
    )
    const history = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/account')).history
    assert.deepEqual(
      history.map((h: any) => h.subjectType),
      ['contact_end', 'contact', 'company']
    )
    assert.equal(history[2].before.name, 'HRBLIGHT Energy Ltd')
  })
})
