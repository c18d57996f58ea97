import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import RoleCase from '#customer/models/role_case'
import QualificationCase from '#customer/models/qualification_case'
import { approvedContact, cast, operator, workingDaysAhead } from '#tests/fixtures/customer/world'
import { as, expectStatus } from '#tests/fixtures/customer/api'

async function readyCase(partyId: string, roleCode: string) {
  const people = await cast(partyId, {
    entryState: 'ROLES_IN_PROGRESS',
    status: 'acceded',
    participantCode: partyId.slice(0, 4),
  })
  const roleCase = await RoleCase.create({
    partyId,
    roleCode,
    state: 'READY_TO_REGISTER',
    targetEffectiveFrom: workingDaysAhead(10),
    openedBy: people.catA.user.id,
  })
  return { people, roleCase }
}

test.group('Role registration and qualification transitions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('open: assistants prepare, Sig(F) may not; lead time, participant code and duplicates are checked', async ({
    client,
    assert,
  }) => {
    const p = await cast('FENMOOR', { entryState: 'ACCEDED', status: 'acceded' })
    expectStatus(
      await as(client, p.sigF.user).post('/parties/FENMOOR/roles', {
        roleCode: 'VLP',
        targetEffectiveFrom: workingDaysAhead(10),
      }),
      403
    )
    const early = await as(client, p.assistant.user).post('/parties/FENMOOR/roles', {
      roleCode: 'VLP',
      targetEffectiveFrom: workingDaysAhead(2),
      participantCode: 'FNMF',
    })
    early.assertStatus(422)
    assert.equal(early.body().errors[0].field, 'targetEffectiveFrom')
    assert.include(early.body().errors[0].message, workingDaysAhead(3))
    const noCode = await as(client, p.assistant.user).post('/parties/FENMOOR/roles', {
      roleCode: 'VLP',
      targetEffectiveFrom: workingDaysAhead(10),
    })
    assert.equal(noCode.body().errors[0].field, 'participantCode')
    expectStatus(
      await as(client, p.assistant.user).post('/parties/FENMOOR/roles', {
        roleCode: 'VLP',
        targetEffectiveFrom: workingDaysAhead(10),
        participantCode: 'FNMF',
      }),
      201
    )
    expectStatus(
      await as(client, p.assistant.user).post('/parties/FENMOOR/roles', {
        roleCode: 'VLP',
        targetEffectiveFrom: workingDaysAhead(10),
      }),
      422
    )
    const party = await db.from('customer_parties').where('party_id', 'FENMOOR').first()
    assert.equal(party.entry_state, 'ROLES_IN_PROGRESS')
    assert.equal(party.participant_code, 'FNMF')
  })

  test('open is refused before accession', async ({ client }) => {
    const p = await cast('EOI-0000CC01', { entryState: 'ACCESSION_DRAFT', status: 'prospect' })
    expectStatus(
      await as(client, p.catA.user).post('/parties/EOI-0000CC01/roles', {
        roleCode: 'NPT',
        targetEffectiveFrom: workingDaysAhead(10),
      }),
      409
    )
  })

  test('submit needs Cat A or Sig(B) and an approved contact; the operator opens the route’s qualifications', async ({
    client,
    assert,
  }) => {
    const p = await cast('FENMOOR', {
      entryState: 'ROLES_IN_PROGRESS',
      status: 'acceded',
      participantCode: 'FNMF',
    })
    const roleCase = await RoleCase.create({
      partyId: 'FENMOOR',
      roleCode: 'VLP',
      state: 'DRAFT',
      targetEffectiveFrom: workingDaysAhead(10),
      openedBy: p.assistant.user.id,
    })
    expectStatus(await as(client, p.assistant.user).post(`/role-cases/${roleCase.id}/submit`), 403)
    const noContact = await as(client, p.sigB.user).post(`/role-cases/${roleCase.id}/submit`)
    noContact.assertStatus(409)
    assert.match(noContact.body().errors[0].message, /contact/)
    await approvedContact('FENMOOR')
    expectStatus(await as(client, p.sigB.user).post(`/role-cases/${roleCase.id}/submit`), 200)
    expectStatus(
      await as(client, p.catA.user).post(`/role-cases/${roleCase.id}/start-qualification`),
      404
    )
    const { user: op } = await operator()
    expectStatus(await as(client, op).post(`/role-cases/${roleCase.id}/start-qualification`), 200)
    const subs = await QualificationCase.query().where('role_case_id', roleCase.id).orderBy('kind')
    assert.deepEqual(
      subs.map((s) => [s.kind, s.state]),
      [
        ['CVA', 'BOOKED'],
        ['SVA', 'PLANNING_MEETING'],
      ]
    )
    assert.equal(subs[0].firstTestOn, workingDaysAhead(10))
    expectStatus(await as(client, op).post(`/role-cases/${roleCase.id}/start-qualification`), 409)
  })

  test('qualification steps: the party submits its SAD, Elexon records the rest, in order', async ({
    client,
    assert,
  }) => {
    const p = await cast('FENMOOR', { entryState: 'ROLES_IN_PROGRESS', status: 'acceded' })
    const { user: op } = await operator()
    const roleCase = await RoleCase.create({
      partyId: 'FENMOOR',
      roleCode: 'VTP',
      state: 'QUALIFYING',
      targetEffectiveFrom: workingDaysAhead(10),
      openedBy: p.catA.user.id,
    })
    const sva = await QualificationCase.create({
      roleCaseId: roleCase.id,
      partyId: 'FENMOOR',
      kind: 'SVA',
      state: 'PLANNING_MEETING',
    })
    expectStatus(
      await as(client, p.catA.user).post(`/qualifications/${sva.id}/advance`, {
        state: 'SAD_IN_PROGRESS',
      }),
      403
    )
    const skip = await as(client, op).post(`/qualifications/${sva.id}/advance`, {
      state: 'QUALIFIED',
    })
    skip.assertStatus(422)
    assert.match(skip.body().errors[0].message, /next step is SAD_IN_PROGRESS/)
    expectStatus(
      await as(client, op).post(`/qualifications/${sva.id}/advance`, { state: 'SAD_IN_PROGRESS' }),
      200
    )
    expectStatus(
      await as(client, op).post(`/qualifications/${sva.id}/advance`, { state: 'SAD_SUBMITTED' }),
      403
    )
    expectStatus(
      await as(client, p.assistant.user).post(`/qualifications/${sva.id}/advance`, {
        state: 'SAD_SUBMITTED',
      }),
      403
    )
    expectStatus(
      await as(client, p.sigB.user).post(`/qualifications/${sva.id}/advance`, {
        state: 'SAD_SUBMITTED',
      }),
      200
    )
    for (const state of [
      'EVIDENCE_REVIEW',
      'WITNESS_TESTING',
      'QSP_REPORTED',
      'PAB_DECISION',
      'QUALIFIED',
    ]) {
      expectStatus(await as(client, op).post(`/qualifications/${sva.id}/advance`, { state }), 200)
    }
    assert.equal(
      await RoleCase.findOrFail(roleCase.id).then((value) => value.state),
      'READY_TO_REGISTER'
    )
  })

  test('return needs a reason and closes the qualification attempt', async ({ client, assert }) => {
    const p = await cast('FENMOOR', { entryState: 'ROLES_IN_PROGRESS', status: 'acceded' })
    const { user: op } = await operator()
    const roleCase = await RoleCase.create({
      partyId: 'FENMOOR',
      roleCode: 'NPT',
      state: 'QUALIFYING',
      targetEffectiveFrom: workingDaysAhead(10),
      openedBy: p.catA.user.id,
    })
    await QualificationCase.create({
      roleCaseId: roleCase.id,
      partyId: 'FENMOOR',
      kind: 'CVA',
      state: 'FAILED',
    })
    expectStatus(await as(client, op).post(`/role-cases/${roleCase.id}/return`, {}), 422)
    expectStatus(
      await as(client, op).post(`/role-cases/${roleCase.id}/return`, {
        reason: 'CVA tests failed twice',
      }),
      200
    )
    assert.equal(await RoleCase.findOrFail(roleCase.id).then((value) => value.state), 'DRAFT')
    assert.lengthOf(await QualificationCase.query().where('role_case_id', roleCase.id), 0)
  })

  test('register: a VLP-only party gets one VBA; a later trading role replaces it by Energy Accounts', async ({
    client,
    assert,
  }) => {
    const { roleCase } = await readyCase('FENMOOR', 'VLP')
    const { user: op } = await operator()
    expectStatus(await as(client, op).post(`/role-cases/${roleCase.id}/register`), 200)
    const accounts = async () =>
      db
        .from('customer_energy_accounts')
        .where('party_id', 'FENMOOR')
        .orderBy('account_id')
        .then((rows) => rows.map((a) => a.account_id))
    assert.deepEqual(await accounts(), ['FENMOOR-VBA'])
    const trading = await RoleCase.create({
      partyId: 'FENMOOR',
      roleCode: 'NPT',
      state: 'READY_TO_REGISTER',
      targetEffectiveFrom: workingDaysAhead(10),
      openedBy: op.id,
    })
    expectStatus(await as(client, op).post(`/role-cases/${trading.id}/register`), 200)
    assert.deepEqual(await accounts(), ['FENMOOR-C', 'FENMOOR-P'])
    const task = await db.from('customer_tasks').where('kind', 'go_live').first()
    assert.equal(task.assignee, 'operator')
  })

  test('register is refused inside the 3 working day lead time; deregister only without assets', async ({
    client,
    assert,
  }) => {
    const { roleCase } = await readyCase('FENMOOR', 'VLP')
    const { user: op } = await operator()
    await RoleCase.query()
      .where('id', roleCase.id)
      .update({ target_effective_from: workingDaysAhead(1) })
    const late = await as(client, op).post(`/role-cases/${roleCase.id}/register`)
    late.assertStatus(422)
    assert.equal(late.body().errors[0].field, 'targetEffectiveFrom')
    await RoleCase.query()
      .where('id', roleCase.id)
      .update({ target_effective_from: workingDaysAhead(5) })
    expectStatus(await as(client, op).post(`/role-cases/${roleCase.id}/register`), 200)
    await db.table('customer_bm_units').insert({
      bm_unit_id: 'V__JFENM001',
      party_id: 'FENMOOR',
      bm_unit_type: 'V',
      gsp_group_id: '_J',
      generation_capacity: 1,
      demand_capacity: 0,
      fpn_flag: true,
      effective_from: workingDaysAhead(6),
      status: 'registered',
      created_at: new Date().toISOString(),
    })
    expectStatus(await as(client, op).post(`/role-cases/${roleCase.id}/deregister`), 409)
  })
})
