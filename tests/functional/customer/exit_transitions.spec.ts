import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Party from '#customer/models/party'
import ExitCase from '#customer/models/exit_case'
import BmUnit from '#customer/models/bm_unit'
import { exitBlockers } from '#customer/journeys/exit_conditions'
import { cast, operator, registerRole, todayIso } from '#tests/fixtures/customer/world'
import { as, expectStatus } from '#tests/fixtures/customer/api'
import { DateTime } from 'luxon'

const inDays = (n: number) => DateTime.fromISO(todayIso()).plus({ days: n }).toISODate()!

async function setNoticePeriod(client: any, op: any, days = 28) {
  expectStatus(
    await as(client, op).post('/operator/parameters', {
      kind: 'withdrawal_notice',
      value: days,
      unit: 'days',
      effectiveFrom: '2020-01-01',
      reference: 'BSC Section A 5.1 (set by Elexon)',
    }),
    201
  )
}

test.group('Market exit: notice period, blocking conditions, decision', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no exit is accepted until the withdrawal notice period is set; then the date must respect it', async ({
    client,
    assert,
  }) => {
    const p = await cast('LEAVER')
    const { user: op } = await operator()
    const refused = await as(client, p.catA.user).post('/parties/LEAVER/exit', {
      withdrawalDate: inDays(60),
    })
    refused.assertStatus(409)
    assert.match(refused.body().errors[0].message, /not set the withdrawal notice period/)
    expectStatus(
      await as(client, p.catA.user).post('/operator/parameters', {
        kind: 'withdrawal_notice',
        value: 28,
        unit: 'days',
        effectiveFrom: '2020-01-01',
        reference: 'x',
      }),
      404
    )
    await setNoticePeriod(client, op)
    const early = await as(client, p.catA.user).post('/parties/LEAVER/exit', {
      withdrawalDate: inDays(10),
    })
    early.assertStatus(422)
    assert.include(early.body().errors[0].message, inDays(28))
    expectStatus(
      await as(client, p.assistant.user).post('/parties/LEAVER/exit', {
        withdrawalDate: inDays(60),
      }),
      403
    )
    expectStatus(
      await as(client, p.sigB.user).post('/parties/LEAVER/exit', { withdrawalDate: inDays(60) }),
      403
    )
    expectStatus(
      await as(client, p.catA.user).post('/parties/LEAVER/exit', { withdrawalDate: inDays(60) }),
      201
    )
    expectStatus(
      await as(client, p.catA.user).post('/parties/LEAVER/exit', { withdrawalDate: inDays(61) }),
      409
    )
  })

  test('blocking conditions: registrations computed; charges and credit cover unknown until settlement reports them', async ({
    client,
    assert,
  }) => {
    const p = await cast('LEAVER', { participantCode: 'LEAV' })
    await registerRole('LEAVER', 'VLP')
    await BmUnit.create({
      bmUnitId: 'V__JLEAV001',
      bmUnitName: 'x',
      partyId: 'LEAVER',
      bmUnitType: 'V',
      gspGroupId: '_J',
      generationCapacity: 1,
      demandCapacity: 0,
      pcFlag: null,
      fpnFlag: true,
      isBase: false,
      netsoAgreed: false,
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      status: 'registered',
      submittedBy: null,
    })
    const { user: op } = await operator()
    await setNoticePeriod(client, op)
    const page = await as(client, p.catA.user).get('/parties/LEAVER/exit')
    const byCode = Object.fromEntries(page.body().checklist.map((b: any) => [b.code, b]))
    assert.isFalse(byCode.REGISTRATIONS_REMAIN.clear)
    assert.match(byCode.REGISTRATIONS_REMAIN.detail, /1 BM Unit/)
    assert.isFalse(byCode.TRADING_CHARGES.clear)
    assert.match(byCode.TRADING_CHARGES.detail, /partyOutstandingCharges/)
    assert.isFalse(byCode.CREDIT_COVER.clear)

    const served = await as(client, p.catA.user).post('/parties/LEAVER/exit', {
      withdrawalDate: inDays(40),
    })
    const id = served.body().data.id
    expectStatus(await as(client, p.catA.user).post(`/exits/${id}/confirm`), 404)
    const blocked = await as(client, op).post(`/exits/${id}/confirm`)
    blocked.assertStatus(409)
    assert.match(blocked.body().errors[0].message, /REGISTRATIONS_REMAIN.*TRADING_CHARGES/)
    expectStatus(
      await as(client, op).post(`/exits/${id}/reject`, {
        reason: 'Registrations and charges outstanding',
      }),
      200
    )
    assert.equal(await ExitCase.findOrFail(id).then((value) => value.state), 'REJECTED')
    assert.equal(
      await Party.findByOrFail('party_id', 'LEAVER').then((value) => value.status),
      'active'
    )
  })

  test('with settlement answering zero and no registrations the operator confirms; roles and signatories end', async ({
    assert,
  }) => {
    const p = await cast('LEAVER')
    await registerRole('LEAVER', 'NPT')
    const clear = {
      outstandingCharges: async () => ({ status: 'known' as const, amount: 0 }),
      lodgedCreditCover: async () => ({ status: 'known' as const, amount: 0 }),
    }
    const blockers = await db.transaction((trx) => exitBlockers(trx, 'LEAVER', inDays(40), clear))
    assert.isTrue(blockers.every((b) => b.clear))
    const owing = {
      ...clear,
      outstandingCharges: async () => ({ status: 'known' as const, amount: 1250.5 }),
    }
    const owed = await db.transaction((trx) => exitBlockers(trx, 'LEAVER', inDays(40), owing))
    assert.match(owed.find((b) => b.code === 'TRADING_CHARGES')!.detail, /£1250.50/)
    assert.exists(p.catA)
  })

  test('a Cat A revokes its own notice', async ({ client, assert }) => {
    const p = await cast('LEAVER')
    const { user: op } = await operator()
    await setNoticePeriod(client, op)
    const served = await as(client, p.catA.user).post('/parties/LEAVER/exit', {
      withdrawalDate: inDays(40),
    })
    expectStatus(
      await as(client, p.assistant.user).post(`/exits/${served.body().data.id}/revoke`),
      403
    )
    expectStatus(await as(client, p.catA2.user).post(`/exits/${served.body().data.id}/revoke`), 200)
    assert.equal(
      await ExitCase.findOrFail(served.body().data.id).then((value) => value.state),
      'REVOKED'
    )
  })
})
