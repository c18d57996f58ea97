import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#core/auth/user'
import Party from '#customer/models/party'
import ExitCase from '#customer/models/exit_case'
import BmUnit from '#customer/models/bm_unit'
import CreditDefault from '#customer/models/credit_default'
import lapseWithdrawalNotice from '#customer/actions/exit/lapse_withdrawal_notice'
import { bscCharges } from '#customer/support/bsc_charges'
import { dayBefore } from '#customer/support/exit_checks'
import { cast, operator, registerRole, todayIso } from '#tests/fixtures/customer/world'
import { API, as, bodyOf, expectStatus } from '#tests/fixtures/customer/api'
import { fakeSettlement } from '#tests/fixtures/customer/settlement_fakes'

const inDays = (n: number) => DateTime.fromISO(todayIso()).plus({ days: n }).toISODate()!

async function setNoticePeriod(client: any, op: User, days = 28, effectiveFrom = '2020-01-01') {
  expectStatus(
    await as(client, op).post('/operator/parameters', {
      kind: 'withdrawal_notice',
      value: days,
      unit: 'days',
      effectiveFrom,
      reference: 'BSC Section A 5.1 (set by Elexon)',
    }),
    201
  )
}

/** Pays exactly the BSC charges accrued up to the day before `withdrawalDate`. */
async function payBscCharges(client: any, op: User, partyId: string, withdrawalDate: string) {
  const party = await Party.findByOrFail('party_id', partyId)
  const owed = await bscCharges(undefined, party, dayBefore(withdrawalDate))
  expectStatus(
    await as(client, op).post(`/parties/${partyId}/bsc-charges/payments`, {
      amount: owed.outstandingPence / 100,
      paidOn: todayIso(),
      reference: 'INV-BSC-1',
    }),
    201
  )
}

const byCode = (checklist: any[]): Record<string, any> =>
  Object.fromEntries(checklist.map((b) => [b.code, b]))

test.group(
  'Market exit: notice, blocking conditions, final check, P414, end of access',
  (group) => {
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
      for (const refusedActor of [p.assistant, p.sigB])
        expectStatus(
          await as(client, refusedActor.user).post('/parties/LEAVER/exit', {
            withdrawalDate: inDays(60),
          }),
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

    test('every blocking condition is computed; settlement answers it cannot give block with the reason', async ({
      client,
      assert,
      cleanup,
    }) => {
      const p = await cast('LEAVER', {
        participantCode: 'LEAV',
        licenceStatus: 'held',
        licenceNumber: 'L-1',
      })
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
      await CreditDefault.create({
        partyId: 'LEAVER',
        state: 'LEVEL_1',
        startedOn: '2025-03-01',
        highestLevel: 1,
      })
      const { user: op } = await operator()
      await setNoticePeriod(client, op)
      cleanup(fakeSettlement({ owed: null, final: null }))
      await as(client, op).post('/parties/LEAVER/credit/lodgements', {
        amount: 5000,
        effectiveOn: todayIso(),
        instrument: 'cash',
        reference: 'CASH-1',
      })
      let checklist = byCode(
        bodyOf(await as(client, p.catA.user).get('/parties/LEAVER/exit')).checklist
      )
      assert.sameMembers(Object.keys(checklist), [
        'REGISTRATIONS_REMAIN',
        'UNPAID_SUMS',
        'BSCCO_CHARGES_OPEN',
        'FINAL_RECON_PENDING',
        'UNREMEDIED_DEFAULT',
        'LICENCE_REQUIRES',
        'CREDIT_COVER_LODGED',
      ])
      for (const blocker of Object.values(checklist)) assert.isFalse(blocker.clear, blocker.code)
      assert.match(checklist.REGISTRATIONS_REMAIN.detail, /1 BM Unit/)
      assert.deepEqual(
        [checklist.UNPAID_SUMS.known, checklist.FINAL_RECON_PENDING.known],
        [false, false]
      )
      assert.match(checklist.UNPAID_SUMS.detail, /does not say/)
      assert.match(checklist.BSCCO_CHARGES_OPEN.detail, /£\d[\d,]*\.\d\d outstanding/)
      assert.match(checklist.UNREMEDIED_DEFAULT.detail, /LEVEL 1 Credit Default since 2025-03-01/)
      assert.match(checklist.LICENCE_REQUIRES.detail, /held.*L-1/)
      assert.match(checklist.CREDIT_COVER_LODGED.detail, /£5,000.00/)

      fakeSettlement({ owed: 1250.5, final: 'none' })
      checklist = byCode(
        bodyOf(await as(client, p.catA.user).get('/parties/LEAVER/exit')).checklist
      )
      assert.match(checklist.UNPAID_SUMS.detail, /£1250.50 of Trading Charges/)
      assert.match(
        checklist.FINAL_RECON_PENDING.detail,
        /Settlement Day\(s\) between 2025-02-01 and .* await their Final Reconciliation/
      )

      fakeSettlement({ owed: 0, final: 'all' })
      await BmUnit.query().where('party_id', 'LEAVER').update({ effective_to: '2025-06-30' })
      await CreditDefault.query().where('party_id', 'LEAVER').update({ state: 'CLEARED' })
      expectStatus(
        await as(client, p.catA.user).post('/parties/LEAVER/licence', {
          licenceStatus: 'revoked',
          endedOn: dayBefore(todayIso()),
          reference: 'Ofgem notice 1',
        }),
        404
      )
      expectStatus(
        await as(client, op).post('/parties/LEAVER/licence', {
          licenceStatus: 'revoked',
          endedOn: dayBefore(todayIso()),
          reference: 'Ofgem notice 1',
        }),
        200
      )
      const withdrawal = await as(client, p.catA.user).post('/parties/LEAVER/credit/withdrawals', {
        amount: 5000,
        effectiveOn: todayIso(),
      })
      expectStatus(
        await as(client, op).post(`/credit-movements/${withdrawal.body().data.id}/record`),
        200
      )
      await payBscCharges(client, op, 'LEAVER', inDays(28))
      const page = bodyOf(await as(client, p.catA.user).get('/parties/LEAVER/exit'))
      assert.equal(page.checkedFor, inDays(28))
      for (const blocker of page.checklist)
        assert.isTrue(blocker.clear, `${blocker.code}: ${blocker.detail}`)
    })

    test('the final check decides: confirmation before it is refused; a blocker then makes the notice of no effect', async ({
      client,
      assert,
      cleanup,
    }) => {
      const p = await cast('LEAVER')
      await registerRole('LEAVER', 'NPT')
      const { user: op } = await operator()
      await setNoticePeriod(client, op)
      cleanup(fakeSettlement({ owed: 0, final: 'all' }))
      const far = await as(client, p.catA.user).post('/parties/LEAVER/exit', {
        withdrawalDate: inDays(40),
      })
      const early = await as(client, op).post(`/exits/${far.body().data.id}/confirm`)
      early.assertStatus(409)
      assert.match(early.body().errors[0].message, /The final check is at .* 17:00 UK time/)
      assert.isFalse(await lapseWithdrawalNotice(far.body().data.id), 'not before the final check')
      expectStatus(await as(client, p.catA.user).post(`/exits/${far.body().data.id}/revoke`), 200)

      await setNoticePeriod(client, op, 0, '2021-01-01')
      const near = await as(client, p.catA.user).post('/parties/LEAVER/exit', {
        withdrawalDate: inDays(1),
      })
      near.assertStatus(201)
      const blocked = await as(client, op).post(`/exits/${near.body().data.id}/confirm`)
      blocked.assertStatus(409)
      assert.match(blocked.body().errors[0].message, /BSCCO_CHARGES_OPEN/)
      assert.isTrue(await lapseWithdrawalNotice(near.body().data.id))
      const lapsed = await ExitCase.findOrFail(near.body().data.id)
      assert.equal(lapsed.state, 'REJECTED')
      assert.match(
        lapsed.stateReason!,
        /^Notice of No Effect: at the final check BSCCO_CHARGES_OPEN/
      )
      const audit = await db.from('core_audit_log').where('action', 'customer.exit.lapse_notice')
      assert.lengthOf(audit, 1)
      assert.equal(
        await Party.findByOrFail('party_id', 'LEAVER').then((value) => value.status),
        'active'
      )
    })

    test('confirmed on the withdrawal date: roles and signatories end the day before, tokens and sessions end, operators still read', async ({
      client,
      assert,
      cleanup,
    }) => {
      const events = emitter.fake(['customer:party_withdrawn'])
      cleanup(() => emitter.restore())
      const p = await cast('LEAVER')
      await registerRole('LEAVER', 'NPT')
      const { user: op } = await operator()
      await setNoticePeriod(client, op, 0)
      cleanup(fakeSettlement({ owed: 0, final: 'all' }))
      const withdrawalDate = todayIso()
      await payBscCharges(client, op, 'LEAVER', withdrawalDate)
      const served = await as(client, p.catA.user).post('/parties/LEAVER/exit', { withdrawalDate })
      served.assertStatus(201)
      const token = await User.accessTokens.create(p.sigB.user)
      const id = served.body().data.id
      expectStatus(await as(client, p.catA.user).post(`/exits/${id}/confirm`), 404)
      expectStatus(await as(client, op).post(`/exits/${id}/confirm`), 200)

      const party = await Party.findByOrFail('party_id', 'LEAVER')
      assert.deepEqual([party.status, party.entryState], ['withdrawn', 'WITHDRAWN'])
      assert.isNotNull(party.accessEndedAt)
      const role = await db.from('customer_party_roles').where('party_id', 'LEAVER').first()
      assert.deepEqual(
        [role.status, role.effective_to],
        ['deregistered', dayBefore(withdrawalDate)]
      )
      const open = await db
        .from('customer_signatory_authorisations')
        .where('party_id', 'LEAVER')
        .where((q) => q.whereNull('end_date').orWhere('end_date', '>=', withdrawalDate))
      assert.lengthOf(open, 0)
      assert.lengthOf(await db.from('core_access_tokens').where('tokenable_id', p.sigB.user.id), 0)
      events.assertEmitted(
        'customer:party_withdrawn',
        ({ data }) => data.partyId === 'LEAVER' && data.route === 'standard'
      )

      const withToken = await client
        .get(`${API}/parties/LEAVER`)
        .bearerToken(token.value!.release())
      withToken.assertStatus(401)
      const session = await client
        .get('/customer/parties/LEAVER/exit')
        .header('accept', 'application/json')
        .loginAs(await User.findOrFail(p.catA.user.id))
      session.assertStatus(401)
      const fresh = await as(client, await User.findOrFail(p.catA.user.id)).get('/parties/LEAVER')
      fresh.assertStatus(403)
      assert.match(fresh.body().errors[0].message, /portal access has ended/)
      const seen = bodyOf(await as(client, op).get('/parties/LEAVER/signatories'))
      assert.isAbove(seen.authorisations.length, 0)
    })

    test('confirmed before the withdrawal date, access ends with customer:daily on that date', async ({
      client,
      assert,
      cleanup,
    }) => {
      const { default: ace } = await import('@adonisjs/core/services/ace')
      const p = await cast('LEAVER')
      const { user: op } = await operator()
      await setNoticePeriod(client, op, 1)
      cleanup(fakeSettlement({ owed: 0, final: 'all' }))
      const withdrawalDate = inDays(1)
      await payBscCharges(client, op, 'LEAVER', withdrawalDate)
      const served = await as(client, p.catA.user).post('/parties/LEAVER/exit', { withdrawalDate })
      expectStatus(await as(client, op).post(`/exits/${served.body().data.id}/confirm`), 200)
      await User.accessTokens.create(p.assistant.user)
      assert.isNull(
        await Party.findByOrFail('party_id', 'LEAVER').then((value) => value.accessEndedAt)
      )
      expectStatus(await as(client, p.assistant.user).get('/parties/LEAVER'), 200)
      const today = await ace.exec('customer:daily', ['--on', todayIso()])
      assert.equal(today.exitCode, 0)
      assert.isNull(
        await Party.findByOrFail('party_id', 'LEAVER').then((value) => value.accessEndedAt)
      )
      const onTheDay = await ace.exec('customer:daily', ['--on', withdrawalDate])
      assert.equal(onTheDay.exitCode, 0)
      assert.isNotNull(
        await Party.findByOrFail('party_id', 'LEAVER').then((value) => value.accessEndedAt)
      )
      assert.lengthOf(
        await db.from('core_access_tokens').where('tokenable_id', p.assistant.user.id),
        0
      )
    })

    test('P414: a receiving party in the same roles takes the liabilities; a licensed party names the revocation date', async ({
      client,
      assert,
      cleanup,
    }) => {
      const events = emitter.fake(['customer:party_withdrawn'])
      cleanup(() => emitter.restore())
      cleanup(fakeSettlement({ owed: null, final: null }))
      const p = await cast('LEAVER', { licenceStatus: 'held', licenceNumber: 'L-9' })
      await registerRole('LEAVER', 'NPT')
      await cast('TAKER')
      const { user: op } = await operator()
      const notice = (overrides: Record<string, unknown>) =>
        as(client, p.catA.user).post('/parties/LEAVER/exit', {
          route: 'p414',
          withdrawalDate: inDays(1),
          receivingPartyId: 'TAKER',
          licenceRevocationDate: todayIso(),
          ...overrides,
        })
      const missing = await notice({ receivingPartyId: undefined })
      assert.equal(missing.body().errors[0].field, 'receivingPartyId')
      const nobody = await notice({ receivingPartyId: 'NOBODY' })
      assert.match(nobody.body().errors[0].message, /Name another BSC Party/)
      const itself = await notice({ receivingPartyId: 'LEAVER' })
      itself.assertStatus(422)
      const roleless = await notice({})
      roleless.assertStatus(422)
      assert.match(
        roleless.body().errors[0].message,
        /TAKER is not registered as Non-Physical Trader/
      )
      await registerRole('TAKER', 'NPT')
      const late = await notice({ licenceRevocationDate: inDays(1) })
      assert.equal(late.body().errors[0].field, 'licenceRevocationDate')
      const served = await notice({})
      served.assertStatus(201)
      const page = byCode(
        bodyOf(await as(client, p.catA.user).get('/parties/LEAVER/exit')).checklist
      )
      for (const code of [
        'P414_RECEIVING_PARTY',
        'UNPAID_SUMS',
        'BSCCO_CHARGES_OPEN',
        'FINAL_RECON_PENDING',
      ])
        assert.isTrue(page[code].clear, code)
      assert.match(page.UNPAID_SUMS.detail, /Transferred to TAKER under P414/)
      assert.isFalse(page.LICENCE_REQUIRES.clear)
      await as(client, op).post('/parties/LEAVER/licence', {
        licenceStatus: 'revoked',
        endedOn: todayIso(),
        reference: 'Ofgem revocation',
      })
      const id = served.body().data.id
      const noReference = await as(client, op).post(`/exits/${id}/confirm`)
      assert.equal(noReference.body().errors[0].field, 'transferReference')
      expectStatus(
        await as(client, op).post(`/exits/${id}/confirm`, { transferReference: 'P414-NOV-7' }),
        200
      )
      const exit = await ExitCase.findOrFail(id)
      assert.deepEqual([exit.state, exit.transferReference], ['WITHDRAWN', 'P414-NOV-7'])
      events.assertEmitted(
        'customer:party_withdrawn',
        ({ data }) => data.route === 'p414' && data.receivingPartyId === 'TAKER'
      )
    })

    test('BSC charges: Accession Fee, then the Base Monthly Charge plus VAT for every month or part, at the dated rates', async ({
      client,
      assert,
    }) => {
      await cast('LEAVER', { accessionDate: '2025-01-20' })
      const { user: op } = await operator()
      const party = await Party.findByOrFail('party_id', 'LEAVER')
      const march = await bscCharges(undefined, party, '2025-03-01')
      assert.equal(march.accruedPence, 50000 + 3 * 30000)
      expectStatus(
        await as(client, op).post('/operator/parameters', {
          kind: 'vat_rate',
          value: 15,
          unit: 'percent',
          effectiveFrom: '2025-03-01',
          reference: 'A VAT change (test)',
        }),
        201
      )
      const changed = await bscCharges(undefined, party, '2025-04-30')
      assert.deepEqual(
        changed.lines.map((l) => [l.label, l.months, l.pence]),
        [
          ['Accession Fee (2025-01-20)', 0, 50000],
          ['Base Monthly Charge £250.00 + VAT 20 %', 2, 60000],
          ['Base Monthly Charge £250.00 + VAT 15 %', 2, 57500],
        ]
      )
      expectStatus(
        await as(client, op).post('/parties/LEAVER/bsc-charges/payments', {
          amount: 1000,
          paidOn: '2099-01-01',
          reference: 'INV-1',
        }),
        422
      )
      const payment = { amount: 1000, paidOn: '2025-05-01', reference: 'INV-1' }
      const other = await cast('OTHER')
      expectStatus(
        await as(client, other.catA.user).post('/parties/LEAVER/bsc-charges/payments', payment),
        404
      )
      expectStatus(await as(client, op).post('/parties/LEAVER/bsc-charges/payments', payment), 201)
      const paid = await bscCharges(undefined, party, '2025-04-30')
      assert.equal(paid.outstandingPence, 167500 - 100000)
      assert.deepEqual(
        await bscCharges(undefined, party, '2024-12-31').then((value) => value.lines),
        []
      )
    })
  }
)
