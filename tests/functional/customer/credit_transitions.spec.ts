import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import CreditCoverMovement from '#customer/models/credit_cover_movement'
import CreditDefault from '#customer/models/credit_default'
import RoleCase from '#customer/models/role_case'
import QualificationCase from '#customer/models/qualification_case'
import evaluateCreditDefault from '#customer/actions/credit/evaluate_credit_default'
import { cast, operator, registerRole, signatory, todayIso } from '#tests/fixtures/customer/world'
import { as, bodyOf, expectStatus } from '#tests/fixtures/customer/api'
import { fakeSettlement } from '#tests/fixtures/customer/settlement_fakes'

const lodgement = (amount: number) => ({
  amount,
  effectiveOn: todayIso(),
  instrument: 'letter_of_credit',
  reference: 'LC-0001',
})
const contacts = [
  { fullName: 'Tom Okafor', email: 'tom@hrb.test', phone: '+44 7700 900123' },
  { fullName: 'Priya Shah', email: 'priya@hrb.test', phone: '+44 7700 900456' },
]

async function trader() {
  const p = await cast('HRBLIGHT')
  await registerRole('HRBLIGHT', 'SUPPLIER')
  const sigC = await signatory('HRBLIGHT', ['C'])
  const { user: op } = await operator()
  return { ...p, sigC, op }
}

test.group('Credit cover: lodgements, withdrawals, contacts, defaults', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the operator records lodgements; party users cannot; amounts and dates are checked', async ({
    client,
    assert,
  }) => {
    const p = await trader()
    expectStatus(
      await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/lodgements', lodgement(1000)),
      404
    )
    const bad = await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', {
      amount: -5.123,
      effectiveOn: '2026-02-30',
      instrument: 'gold',
      reference: '',
    })
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((e: any) => e.field),
      ['amount', 'effectiveOn', 'instrument', 'reference']
    )
    const future = await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', {
      ...lodgement(1000),
      effectiveOn: '2099-01-01',
    })
    future.assertStatus(422)
    expectStatus(
      await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', lodgement(250000)),
      201
    )
    const page = bodyOf(await as(client, p.assistant.user).get('/parties/HRBLIGHT/credit'))
    assert.equal(page.position.coverPence, 25_000_000)
    assert.equal(page.movements[0].state, 'LODGED')
    assert.isTrue(page.tradingParty)
    const audit = await db
      .from('core_audit_log')
      .where('action', 'customer.credit.record_lodgement')
    assert.lengthOf(audit, 1)
  })

  test('a withdrawal needs a Cat A or C request; Elexon records it only when the rest still covers what is owed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const p = await trader()
    await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', lodgement(100000))
    const ask = { amount: 40000, effectiveOn: todayIso() }
    for (const refused of [p.assistant, p.sigB, p.sigF])
      expectStatus(
        await as(client, refused.user).post('/parties/HRBLIGHT/credit/withdrawals', ask),
        403
      )
    const tooMuch = await as(client, p.sigC.user).post('/parties/HRBLIGHT/credit/withdrawals', {
      ...ask,
      amount: 100000.01,
    })
    tooMuch.assertStatus(422)
    assert.match(tooMuch.body().errors[0].message, /At most £100,000.00/)
    const requested = await as(client, p.sigC.user).post(
      '/parties/HRBLIGHT/credit/withdrawals',
      ask
    )
    requested.assertStatus(201)
    const id = requested.body().data.id
    const second = await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/withdrawals', {
      ...ask,
      amount: 60000.01,
    })
    assert.match(second.body().errors[0].message, /At most £60,000.00/)

    expectStatus(await as(client, p.catA.user).post(`/credit-movements/${id}/record`), 404)
    cleanup(fakeSettlement({ owed: null }))
    const unknown = await as(client, p.op).post(`/credit-movements/${id}/record`)
    unknown.assertStatus(409)
    assert.match(unknown.body().errors[0].message, /cannot be checked: settlement does not say/)
    fakeSettlement({ owed: 50000 })
    const unsafe = await as(client, p.op).post(`/credit-movements/${id}/record`)
    unsafe.assertStatus(409)
    assert.match(unsafe.body().errors[0].message, /would not cover £50,000.00 owed within the 80 %/)
    fakeSettlement({ owed: 40000 })
    expectStatus(await as(client, p.op).post(`/credit-movements/${id}/record`), 200)
    expectStatus(await as(client, p.op).post(`/credit-movements/${id}/record`), 409)
    const page = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/credit'))
    assert.equal(page.position.coverPence, 6_000_000)
    assert.equal(page.position.ccpPercent, 66.67)
    assert.equal(page.position.level, 0)
  })

  test('the operator refuses a withdrawal with a reason; the cover stays', async ({
    client,
    assert,
  }) => {
    const p = await trader()
    await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', lodgement(1000))
    const requested = await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/withdrawals', {
      amount: 1000,
      effectiveOn: todayIso(),
    })
    const id = requested.body().data.id
    expectStatus(
      await as(client, p.catA.user).post(`/credit-movements/${id}/refuse`, { reason: 'No' }),
      404
    )
    expectStatus(await as(client, p.op).post(`/credit-movements/${id}/refuse`, {}), 422)
    expectStatus(
      await as(client, p.op).post(`/credit-movements/${id}/refuse`, {
        reason: 'Indebtedness rising',
      }),
      200
    )
    const movement = await CreditCoverMovement.findOrFail(id)
    assert.equal(movement.state, 'REFUSED')
    assert.equal(movement.stateReason, 'Indebtedness rising')
    const page = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/credit'))
    assert.equal(page.position.coverPence, 100_000)
  })

  test('the 24-hour credit contacts form: Cat A or C only, two to four people, replacing the previous set', async ({
    client,
    assert,
  }) => {
    const p = await trader()
    for (const refused of [p.assistant, p.sigB, p.sigF])
      expectStatus(
        await as(client, refused.user).post('/parties/HRBLIGHT/credit/contacts', { contacts }),
        403
      )
    const one = await as(client, p.sigC.user).post('/parties/HRBLIGHT/credit/contacts', {
      contacts: contacts.slice(0, 1),
    })
    one.assertStatus(422)
    assert.match(one.body().errors[0].message, /at least 2/)
    const twice = await as(client, p.sigC.user).post('/parties/HRBLIGHT/credit/contacts', {
      contacts: [contacts[0], { ...contacts[1], email: contacts[0].email }],
    })
    twice.assertStatus(422)
    const noPhone = await as(client, p.sigC.user).post('/parties/HRBLIGHT/credit/contacts', {
      contacts: [contacts[0], { ...contacts[1], phone: '' }],
    })
    assert.equal(noPhone.body().errors[0].field, 'contacts.1.phone')
    expectStatus(
      await as(client, p.sigC.user).post('/parties/HRBLIGHT/credit/contacts', { contacts }),
      201
    )
    const lee = { fullName: 'Lee Chan', email: 'lee@hrb.test', phone: '+44 7700 900789' }
    expectStatus(
      await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/contacts', {
        contacts: [contacts[0], lee],
      }),
      201
    )
    const page = bodyOf(await as(client, p.assistant.user).get('/parties/HRBLIGHT/credit'))
    assert.sameMembers(
      page.creditContacts.map((c: any) => c.fullName),
      ['Tom Okafor', 'Lee Chan']
    )
    const priya = await db.from('customer_contacts').where('email', 'priya@hrb.test').first()
    assert.equal(priya.status, 'end_dated')
    const history = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/account')).history
    assert.equal(history[0].subjectType, 'credit_contacts')
    assert.deepEqual(
      history[0].before.contacts.map((c: any) => c.fullName),
      ['Tom Okafor', 'Priya Shah']
    )
    /* A Trading Party keeps two: ending one through My Account needs a replacement first. */
    const tom = await db.from('customer_contacts').where('email', 'tom@hrb.test').first()
    const ended = await as(client, p.catA.user).post(`/contacts/${tom.id}/end-date`, {
      effectiveTo: todayIso(),
    })
    ended.assertStatus(409)
    assert.match(ended.body().errors[0].message, /keeps two 24-hour credit contacts/)
  })

  test('a trading role waits in QUALIFYING for Credit Cover and two credit contacts; a VLP does not', async ({
    client,
    assert,
  }) => {
    const p = await trader()
    const qualified = async (roleCode: string) => {
      const roleCase = await RoleCase.create({
        partyId: 'HRBLIGHT',
        roleCode,
        state: 'QUALIFYING',
        targetEffectiveFrom: '2030-01-01',
        openedBy: p.catA.user.id,
      })
      const sub = await QualificationCase.create({
        roleCaseId: roleCase.id,
        partyId: 'HRBLIGHT',
        kind: 'CVA',
        state: 'TESTING',
      })
      expectStatus(
        await as(client, p.op).post(`/qualifications/${sub.id}/advance`, { state: 'PASSED' }),
        200
      )
      return roleCase
    }
    const vlp = await qualified('VLP')
    assert.equal(
      await RoleCase.findOrFail(vlp.id).then((value) => value.state),
      'READY_TO_REGISTER'
    )
    const generator = await qualified('GENERATOR')
    assert.equal(await RoleCase.findOrFail(generator.id).then((value) => value.state), 'QUALIFYING')
    const tasks = await db
      .from('customer_tasks')
      .where({ case_type: 'role_case', case_id: String(generator.id), status: 'open' })
      .select('kind', 'assignee')
    assert.sameDeepMembers(tasks, [
      { kind: 'lodge_credit_cover', assignee: 'party' },
      { kind: 'credit_contacts', assignee: 'party' },
    ])
    await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', lodgement(50000))
    assert.equal(await RoleCase.findOrFail(generator.id).then((value) => value.state), 'QUALIFYING')
    await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/contacts', { contacts })
    assert.equal(
      await RoleCase.findOrFail(generator.id).then((value) => value.state),
      'READY_TO_REGISTER'
    )
    const open = await db
      .from('customer_tasks')
      .where({ case_type: 'role_case', case_id: String(generator.id), status: 'open' })
      .select('kind')
    assert.deepEqual(open, [{ kind: 'register_role' }])
  })

  test('credit default levels: Level 1 above 80 %, Level 2 above 90 %, cleared below; unknown changes nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    const events = emitter.fake(['customer:credit_default_changed'])
    cleanup(() => emitter.restore())
    const p = await trader()
    await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', lodgement(100000))
    await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/contacts', { contacts })

    cleanup(fakeSettlement({ owed: null }))
    const unknown = await evaluateCreditDefault('HRBLIGHT')
    assert.isNull(unknown.position.level)
    assert.isFalse(unknown.changed)

    fakeSettlement({ owed: 80000 })
    assert.isFalse(
      await evaluateCreditDefault('HRBLIGHT').then((value) => value.changed),
      'exactly 80 % is not above it'
    )
    fakeSettlement({ owed: 85000 })
    expectStatus(await as(client, p.catA.user).post('/parties/HRBLIGHT/credit/evaluate'), 404)
    const level1 = await as(client, p.op).post('/parties/HRBLIGHT/credit/evaluate')
    level1.assertStatus(200)
    assert.equal(level1.body().message, 'Credit default level now 1')
    const episode = await CreditDefault.findByOrFail('party_id', 'HRBLIGHT')
    assert.equal(episode.state, 'LEVEL_1')
    assert.equal(episode.ccpPercent, 85)
    const task = await db
      .from('customer_tasks')
      .where({ case_type: 'credit_default', case_id: String(episode.id), status: 'open' })
      .first()
    assert.equal(task.assignee, 'operator')
    assert.isNotNull(task.due_on)
    for (const holder of [p.catA.user, p.catA2.user, p.sigC.user]) {
      const notice = await db
        .from('core_notifications')
        .where('user_id', holder.id)
        .where('title', 'like', 'Level 1 Credit Default%')
        .first()
      assert.exists(notice, holder.email)
    }
    assert.isNull(
      await db
        .from('core_notifications')
        .where('user_id', p.sigB.user.id)
        .where('title', 'like', 'Level 1%')
        .first()
    )
    const mails = await db
      .from('core_mail_outbox')
      .whereIn('to_address', ['tom@hrb.test', 'priya@hrb.test'])
    assert.lengthOf(mails, 2)

    fakeSettlement({ owed: 95000 })
    await evaluateCreditDefault('HRBLIGHT')
    await episode.refresh()
    assert.deepEqual([episode.state, episode.highestLevel], ['LEVEL_2', 2])
    fakeSettlement({ owed: 50000 })
    await evaluateCreditDefault('HRBLIGHT')
    await episode.refresh()
    assert.equal(episode.state, 'CLEARED')
    assert.equal(episode.clearedOn, todayIso())
    events.assertEmittedCount('customer:credit_default_changed', 3)
    const audit = await db
      .from('core_audit_log')
      .where('subject_type', 'credit_default')
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'customer.credit.enter_default_level_1',
        'customer.credit.enter_default_level_2',
        'customer.credit.clear_default',
      ]
    )
  })

  test('no cover against a debt is Level 2; a later dated threshold replaces the earlier one', async ({
    client,
    assert,
    cleanup,
  }) => {
    const p = await trader()
    cleanup(fakeSettlement({ owed: 10 }))
    const uncovered = await evaluateCreditDefault('HRBLIGHT')
    assert.equal(uncovered.position.level, 2)
    assert.match(uncovered.position.summary, /No Credit Cover lodged against £10.00 owed/)
    await as(client, p.op).post('/parties/HRBLIGHT/credit/lodgements', lodgement(1000))
    fakeSettlement({ owed: 850 })
    assert.equal(await evaluateCreditDefault('HRBLIGHT').then((value) => value.position.level), 1)
    expectStatus(
      await as(client, p.op).post('/operator/parameters', {
        kind: 'credit_default_level_1',
        value: 90,
        unit: 'percent',
        effectiveFrom: '2020-01-01',
        reference: 'A Modification raising Level 1 (test)',
      }),
      201
    )
    const eased = await evaluateCreditDefault('HRBLIGHT')
    assert.equal(eased.position.level, 0)
    assert.equal(eased.episode?.state, 'CLEARED')
    const wrongUnit = await as(client, p.op).post('/operator/parameters', {
      kind: 'credit_default_level_1',
      value: 90,
      unit: 'days',
      effectiveFrom: '2021-01-01',
      reference: 'wrong unit',
    })
    wrongUnit.assertStatus(422)
    assert.equal(wrongUnit.body().errors[0].field, 'unit')
  })
})
