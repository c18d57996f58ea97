import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { replicateBmUnit } from '#insights/actions/replicate_bm_unit'
import { csrfForm } from '#tests/helpers/csrf'
import { createUser } from '#tests/helpers/users'
import { registeredUnit } from '../helpers/fixtures.js'

/** What the page's form posts (times entered in UTC and sent with Z). */
const message = (overrides: Record<string, unknown> = {}) => ({
  messageType: 'UnavailabilitiesOfElectricityFacilities',
  messageHeading: 'Planned outage of unit 1',
  eventType: 'Production unavailability',
  unavailabilityType: 'Planned',
  eventStatus: 'Active',
  assetId: 'T_ALPHA-1',
  fuelType: 'Fossil Gas',
  normalCapacity: 780,
  unavailableCapacity: 361,
  eventStartTime: '2030-04-13T06:59Z',
  eventEndTime: '2030-04-15T04:20Z',
  ...overrides,
})

/** The fields an Inertia form post was sent back with errors for (shown under those fields). */
function fieldsInError(response: { flashMessages(): Record<string, any> }): string[] {
  return Object.keys(response.flashMessages().inputErrorsBag ?? {})
}

async function setup() {
  await replicateBmUnit(registeredUnit('T_ALPHA-1', 'ALPHA'))
  await replicateBmUnit(registeredUnit('T_BRAVO-1', 'BRAVO'))
  const alpha = await createUser({ role: 'signatory', partyId: 'ALPHA' })
  const bravo = await createUser({ role: 'assistant', partyId: 'BRAVO' })
  return { alpha: alpha.user, bravo: bravo.user }
}

test.group('Insights website: REMIT list, detail, publish and revise', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a party user publishes from the page, revises it, and the public sees both revisions', async ({
    client,
    assert,
  }) => {
    const { alpha } = await setup()
    const form = await csrfForm(client)
    const page = await client.get('/insights/remit/new').withInertia().loginAs(alpha)
    page.assertInertiaComponent('insights/remit/form')
    assert.deepEqual(
      page.body().props.assets.map((asset: any) => asset.assetId),
      ['T_ALPHA-1']
    )

    const created = await client
      .post('/insights/remit')
      .json(message())
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .withInertia()
      .redirects(0)
      .loginAs(alpha)
    created.assertStatus(302)
    const mrid = created.header('location')!.replace('/insights/remit/', '')
    assert.match(mrid, /^ALPHA-KNT-RMT-\d{8}$/)

    const edit = await client.get(`/insights/remit/${mrid}/revise`).withInertia().loginAs(alpha)
    assert.equal(edit.body().props.current.unavailableCapacity, 361)
    const revised = await client
      .post(`/insights/remit/${mrid}/revisions`)
      .json(message({ unavailableCapacity: 500 }))
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .withInertia()
      .redirects(0)
      .loginAs(alpha)
    revised.assertStatus(302)

    const detail = await client.get(`/insights/remit/${mrid}`).withInertia()
    detail.assertInertiaComponent('insights/remit/show')
    assert.deepEqual(
      detail.body().props.revisions.map((r: any) => [r.revisionNumber, r.unavailableCapacity]),
      [
        [2, 500],
        [1, 361],
      ]
    )
    assert.isFalse(detail.body().props.canRevise)

    const list = await client.get('/insights/remit').withInertia()
    list.assertInertiaComponent('insights/remit/index')
    assert.deepEqual(
      list.body().props.messages.map((m: any) => [m.mrid, m.revisionNumber]),
      [[mrid, 2]]
    )
    const filtered = await client.get('/insights/remit').qs({ assetId: 'T_BRAVO-1' }).withInertia()
    assert.deepEqual(filtered.body().props.messages, [])
  })

  test('the same validation as the REMIT API: errors come back under the fields', async ({
    client,
    assert,
  }) => {
    const { alpha } = await setup()
    const form = await csrfForm(client)
    const post = (body: Record<string, unknown>) =>
      client
        .post('/insights/remit')
        .json(body)
        .withSession(form.session)
        .header('x-csrf-token', form.token)
        .withInertia()
        .redirects(0)
        .loginAs(alpha)

    const bad = await post(message({ messageHeading: 'x', normalCapacity: -5 }))
    bad.assertStatus(302)
    assert.sameMembers(fieldsInError(bad), ['messageHeading', 'normalCapacity'])

    const crossField = await post(
      message({ assetId: 'T_BRAVO-1', eventEndTime: '2030-04-13T06:00Z', unavailableCapacity: 900 })
    )
    assert.sameMembers(fieldsInError(crossField), [
      'assetId',
      'eventEndTime',
      'unavailableCapacity',
    ])
    assert.equal(
      (crossField.flashMessages().inputErrorsBag as Record<string, string[]>).assetId[0],
      'T_BRAVO-1 is not a BM Unit of your party'
    )

    const json = await client
      .post('/insights/remit')
      .json(message({ fuelType: 'Peat' }))
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .accept('json')
      .loginAs(alpha)
    json.assertStatus(422)
    assert.equal(json.body().errors[0].field, 'fuelType')
  })

  test('publishing needs a signed-in user; another party cannot revise; staff see a notice', async ({
    client,
    assert,
  }) => {
    const { alpha, bravo } = await setup()
    const anonymous = await client.get('/insights/remit/new').redirects(0)
    anonymous.assertStatus(302)
    assert.include(anonymous.header('location'), '/login')

    const form = await csrfForm(client)
    const created = await client
      .post('/insights/remit')
      .json(message())
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .withInertia()
      .redirects(0)
      .loginAs(alpha)
    const mrid = created.header('location')!.replace('/insights/remit/', '')
    const other = await client.get(`/insights/remit/${mrid}/revise`).loginAs(bravo)
    other.assertStatus(404)
    const otherPost = await client
      .post(`/insights/remit/${mrid}/revisions`)
      .json(message({ assetId: 'T_BRAVO-1' }))
      .withSession(form.session)
      .header('x-csrf-token', form.token)
      .accept('json')
      .loginAs(bravo)
    otherPost.assertStatus(404)

    const { user: operator } = await createUser({ role: 'operator' })
    const staff = await client.get('/insights/remit/new').withInertia().loginAs(operator)
    assert.isNull(staff.body().props.partyId)
    const unknown = await client.get('/insights/remit/NOPE-1')
    unknown.assertStatus(404)
  })
})
