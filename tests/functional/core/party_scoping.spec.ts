import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/auth/user'
import { createUser } from '#tests/helpers/users'

async function tokenFor(user: User) {
  const token = await User.accessTokens.create(user, ['*'], { name: 'test' })
  return token.value!.release()
}

test.group('Party scoping of users', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('/account/team lists my party only', async ({ client, assert }) => {
    const a1 = await createUser({ role: 'signatory', partyId: 'PARTYA', fullName: 'Ann A' })
    const a2 = await createUser({ role: 'assistant', partyId: 'PARTYA', fullName: 'Bob A' })
    await createUser({ role: 'signatory', partyId: 'PARTYB', fullName: 'Cat B' })
    await createUser({ role: 'operator', fullName: 'Olga Operator' })

    const page = await client.get('/account/team').loginAs(a2.user).withInertia()
    page.assertInertiaComponent('account/team')
    const ids = page.body().props.members.map((member: { id: number }) => member.id)
    assert.sameMembers(ids, [a1.user.id, a2.user.id])

    const staff = await createUser({ role: 'admin', fullName: 'Adam Admin' })
    const staffPage = await client.get('/account/team').loginAs(staff.user).withInertia()
    const staffNames = staffPage.body().props.members.map((m: { fullName: string }) => m.fullName)
    assert.sameMembers(staffNames, ['Olga Operator', 'Adam Admin'])
  })

  test("a party user gets 404 for another party's user, on the page and the API", async ({
    client,
  }) => {
    const a = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    const aColleague = await createUser({ role: 'assistant', partyId: 'PARTYA' })
    const b = await createUser({ role: 'signatory', partyId: 'PARTYB' })
    const staff = await createUser({ role: 'operator' })

    const otherParty = await client.get(`/admin/users/${b.user.id}`).loginAs(a.user).withInertia()
    otherParty.assertStatus(404)
    const staffUser = await client
      .get(`/admin/users/${staff.user.id}`)
      .loginAs(a.user)
      .withInertia()
    staffUser.assertStatus(404)
    const own = await client.get(`/admin/users/${aColleague.user.id}`).loginAs(a.user).withInertia()
    own.assertStatus(200)
    own.assertInertiaPropsContains({ user: { id: aColleague.user.id }, recentActivity: null })

    const token = await tokenFor(a.user)
    const api = await client.get(`/api/v1/users/${b.user.id}`).bearerToken(token)
    api.assertStatus(404)
    api.assertBodyNotContains({ data: { email: b.user.email } })
    const colleague = await client.get(`/api/v1/users/${aColleague.user.id}`).bearerToken(token)
    colleague.assertStatus(200)
    const missing = await client.get('/api/v1/users/999999').bearerToken(token)
    missing.assertStatus(404)
  })

  test('the API user list is scoped; a party filter cannot widen it', async ({
    client,
    assert,
  }) => {
    const a = await createUser({ role: 'assistant', partyId: 'PARTYA' })
    await createUser({ role: 'signatory', partyId: 'PARTYB' })
    const token = await tokenFor(a.user)

    const mine = await client.get('/api/v1/users').bearerToken(token)
    assert.deepEqual(
      mine.body().data.map((user: { partyId: string }) => user.partyId),
      ['PARTYA']
    )
    const widened = await client.get('/api/v1/users').qs({ party: 'PARTYB' }).bearerToken(token)
    assert.lengthOf(widened.body().data, 0)
  })

  test('operators see every party', async ({ client, assert }) => {
    const b = await createUser({ role: 'signatory', partyId: 'PARTYB' })
    const operator = await createUser({ role: 'operator' })

    const page = await client.get(`/admin/users/${b.user.id}`).loginAs(operator.user).withInertia()
    page.assertStatus(200)
    assert.isArray(page.body().props.recentActivity)
    const api = await client
      .get(`/api/v1/users/${b.user.id}`)
      .bearerToken(await tokenFor(operator.user))
    api.assertStatus(200)
    api.assertBodyContains({ data: { id: b.user.id, partyId: 'PARTYB' } })
  })

  test('/admin is for operators and admins, with a party filter', async ({ client, assert }) => {
    const a = await createUser({ role: 'signatory', partyId: 'PARTYA' })
    const b = await createUser({ role: 'assistant', partyId: 'PARTYB' })
    const admin = await createUser({ role: 'admin' })

    const adminPage = await client.get('/admin').loginAs(a.user).withInertia()
    adminPage.assertStatus(404)
    const auditPage = await client.get('/admin/audit').loginAs(a.user).withInertia()
    auditPage.assertStatus(404)

    const all = await client.get('/admin').loginAs(admin.user).withInertia()
    all.assertInertiaComponent('admin/index')
    assert.includeMembers(all.body().props.partyOptions, ['PARTYA', 'PARTYB'])

    const filtered = await client
      .get('/admin')
      .qs({ party: 'PARTYB' })
      .loginAs(admin.user)
      .withInertia()
    assert.deepEqual(
      filtered.body().props.users.map((user: { id: number }) => user.id),
      [b.user.id]
    )
    const staff = await client.get('/admin').qs({ party: 'none' }).loginAs(admin.user).withInertia()
    assert.deepEqual(
      staff.body().props.users.map((user: { id: number }) => user.id),
      [admin.user.id]
    )
  })
})

test.group('Bad record ids', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('ids that are not small positive integers are 404s, never 500s', async ({ client }) => {
    const operator = await createUser({ role: 'operator' })
    const token = await tokenFor(operator.user)
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      const page = await client.get(`/admin/users/${bad}`).loginAs(operator.user).withInertia()
      page.assertStatus(404)
      const api = await client.get(`/api/v1/users/${bad}`).bearerToken(token)
      api.assertStatus(404)
    }
  })

  test('a nonsense page number reads as page 1', async ({ client }) => {
    const operator = await createUser({ role: 'operator' })
    const token = await tokenFor(operator.user)
    for (const page of ['abc', '0', '1e400', '-3', '2.5']) {
      const admin = await client.get('/admin').qs({ page }).loginAs(operator.user).withInertia()
      admin.assertInertiaPropsContains({ meta: { currentPage: 1 } })
      const api = await client.get('/api/v1/users').qs({ page }).bearerToken(token)
      api.assertBodyContains({ meta: { currentPage: 1 } })
    }
  })
})
