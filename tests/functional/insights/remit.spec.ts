import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#core/auth/user'
import { replicateBmUnit } from '#insights/actions/replicate_bm_unit'
import { createUser } from '#tests/helpers/users'
import { contractErrors } from './helpers/contract.js'
import { registeredUnit } from './helpers/fixtures.js'

const portal = '/api/v1/insights/remit'
const api = '/bmrs/api/v1'

const message = (overrides: Record<string, unknown> = {}) => ({
  messageType: 'UnavailabilitiesOfElectricityFacilities',
  messageHeading: 'Planned Unavailability of Generation Unit',
  eventType: 'Production unavailability',
  unavailabilityType: 'Planned',
  assetId: 'T_ALPHA-1',
  fuelType: 'Fossil Gas',
  normalCapacity: 780,
  unavailableCapacity: 361,
  eventStartTime: '2023-04-13T06:59:00Z',
  eventEndTime: '2023-04-15T05:20:30+01:00',
  cause: 'Boiler inspection',
  outageProfile: [
    { startTime: '2023-04-13T06:59:00Z', endTime: '2023-04-14T00:00:00Z', capacity: 419 },
    { startTime: '2023-04-14T00:00:00Z', endTime: '2023-04-15T04:20:30Z', capacity: 500 },
  ],
  ...overrides,
})

async function setup() {
  await replicateBmUnit(registeredUnit('T_ALPHA-1', 'ALPHA'))
  await replicateBmUnit(registeredUnit('T_BRAVO-1', 'BRAVO'))
  const alpha = await createUser({ role: 'signatory', partyId: 'ALPHA' })
  const bravo = await createUser({ role: 'assistant', partyId: 'BRAVO' })
  return { alpha: alpha.user, bravo: bravo.user }
}

test.group('REMIT: party submissions, revisions and public disclosure', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a party publishes a message and a revision; both stay, the revision supersedes', async ({
    client,
    assert,
  }) => {
    const { alpha } = await setup()
    const created = await client.post(portal).json(message()).loginAs(alpha)
    created.assertStatus(201)
    const first = created.body().data
    assert.match(first.mrid, /^ALPHA-KNT-RMT-\d{8}$/)
    assert.deepInclude(first, {
      revisionNumber: 1,
      participantId: 'ALPHA',
      availableCapacity: 419,
      eventEndTime: '2023-04-15T04:20:30Z',
      assetType: 'Production',
      eventStatus: 'Active',
      biddingZone: '10YGB----------A',
    })

    const revised = await client
      .post(`${portal}/${first.mrid}/revisions`)
      .json(
        message({ unavailableCapacity: 780, eventStatus: 'Active', relatedInformation: 'Extended' })
      )
      .loginAs(alpha)
    revised.assertStatus(201)
    const second = revised.body().data
    assert.deepInclude(second, {
      mrid: first.mrid,
      revisionNumber: 2,
      unavailableCapacity: 780,
      availableCapacity: 0,
    })

    const old = await client.get(`${api}/remit/${first.id}`)
    old.assertStatus(200)
    assert.deepEqual(contractErrors('/remit/{messageId}', old.body()), [])
    assert.deepInclude(old.body().data[0], {
      revisionNumber: 1,
      unavailableCapacity: 361,
      id: first.id,
    })

    const revisions = await client.get(`${api}/remit/revisions`).qs({ messageId: second.id })
    assert.deepEqual(contractErrors('/remit/revisions', revisions.body()), [])
    assert.deepEqual(
      revisions.body().data.map((r: any) => r.revisionNumber),
      [1, 2]
    )
    assert.match(revisions.body().data[0].url, new RegExp(`/bmrs/api/v1/remit/${first.id}$`))

    const latest = await client
      .get(`${api}/remit/list/by-event`)
      .qs({ from: '2023-04-14T00:00Z', to: '2023-04-14T12:00Z' })
    assert.deepEqual(contractErrors('/remit/list/by-event', latest.body()), [])
    assert.deepEqual(
      latest.body().data.map((r: any) => r.revisionNumber),
      [2]
    )
    const publishWindow = {
      from: new Date(Date.now() - 3600_000).toISOString(),
      to: new Date(Date.now() + 3600_000).toISOString(),
    }
    const all = await client
      .get(`${api}/remit/list/by-publish/stream`)
      .qs({ ...publishWindow, latestRevisionOnly: false, assetId: 'T_ALPHA-1' })
    assert.deepEqual(contractErrors('/remit/list/by-publish/stream', all.body()), [])
    assert.lengthOf(all.body(), 2)
    const none = await client
      .get(`${api}/remit/list/by-publish`)
      .qs({ ...publishWindow, fuelType: ['Nuclear'] })
    assert.deepEqual(none.body(), { data: [], metadata: { datasets: ['REMIT'] } })

    const search = await client.get(`${api}/remit/search`).qs({ mrid: first.mrid })
    assert.deepEqual(contractErrors('/remit/search', search.body()), [])
    assert.equal(search.body().data[0].revisionNumber, 2)
    const bulk = await client
      .get(`${api}/remit`)
      .qs({ messageId: [first.id, second.id], format: 'xml' })
    assert.equal((bulk.text().match(/<mrid>/g) ?? []).length, 2)
    const dataset = await client
      .get(`${api}/datasets/REMIT`)
      .qs({ publishDateTimeFrom: publishWindow.from, publishDateTimeTo: publishWindow.to })
    assert.deepEqual(contractErrors('/datasets/REMIT', dataset.body()), [])
    assert.lengthOf(dataset.body().data[0].outageProfile, 2)
    const stream = await client
      .get(`${api}/datasets/REMIT/stream`)
      .qs({ publishDateTimeFrom: publishWindow.from, publishDateTimeTo: publishWindow.to })
    assert.deepEqual(contractErrors('/datasets/REMIT/stream', stream.body()), [])

    const pushed = await db
      .from('insights_push_events')
      .where('dataset', 'REMIT')
      .orderBy('seq')
      .select('seq', 'kind')
    assert.deepEqual(
      pushed.map((e) => [Number(e.seq), e.kind]),
      [
        [1, 'message'],
        [2, 'message'],
      ]
    )
  })

  test('submissions are validated: times, capacities, profile, asset ownership, vocabulary', async ({
    client,
    assert,
  }) => {
    const { alpha } = await setup()
    const cases: [Record<string, unknown>, string][] = [
      [{ eventEndTime: '2023-04-13T06:00:00Z', outageProfile: undefined }, 'eventEndTime'],
      [{ unavailableCapacity: 800 }, 'unavailableCapacity'],
      [{ availableCapacity: 100 }, 'availableCapacity'],
      [{ assetId: 'T_BRAVO-1' }, 'assetId'],
      [{ assetId: 'T_NOPE-1' }, 'assetId'],
      [{ messageType: 'Gossip' }, 'messageType'],
      [{ eventStartTime: '13/04/2023 07:00' }, 'eventStartTime'],
      [
        {
          outageProfile: [
            { startTime: '2023-04-10T00:00:00Z', endTime: '2023-04-11T00:00:00Z', capacity: 1 },
          ],
        },
        'outageProfile.0.startTime',
      ],
      [{ normalCapacity: -5 }, 'normalCapacity'],
    ]
    for (const [overrides, field] of cases) {
      const response = await client
        .post(portal)
        .json(message(overrides))
        .accept('json')
        .loginAs(alpha)
      response.assertStatus(422)
      assert.include(
        response.body().errors.map((e: any) => e.field),
        field,
        JSON.stringify(overrides)
      )
    }
    const [stored] = await db.from('insights_remit_messages').count('* as n')
    assert.equal(Number(stored.n), 0)
  })

  test("another party cannot see or revise a party's message (404); staff cannot submit", async ({
    client,
    assert,
  }) => {
    const { alpha, bravo } = await setup()
    const created = await client.post(portal).json(message()).loginAs(alpha)
    const mrid = created.body().data.mrid
    const revise = await client
      .post(`${portal}/${mrid}/revisions`)
      .json(message({ assetId: 'T_BRAVO-1' }))
      .loginAs(bravo)
    revise.assertStatus(404)
    const show = await client.get(`${portal}/${mrid}`).loginAs(bravo)
    show.assertStatus(404)
    const list = await client.get(portal).loginAs(bravo)
    assert.deepEqual(list.body().data, [])
    const own = await client.get(`${portal}/${mrid}`).loginAs(alpha)
    assert.lengthOf(own.body().revisions, 1)
    const options = await client.get(`${portal}/options`).loginAs(bravo)
    assert.deepEqual(
      options.body().assets.map((a: any) => a.assetId),
      ['T_BRAVO-1']
    )

    const operator = await createUser({ role: 'operator' })
    const staff = await client.post(portal).json(message()).loginAs(operator.user)
    staff.assertStatus(403)
    const anonymous = await client.post(portal).json(message()).header('accept', 'application/json')
    anonymous.assertStatus(401)
  })

  test('the same API with a personal access token', async ({ client, assert }) => {
    const { alpha } = await setup()
    const token = await User.accessTokens.create(alpha)
    const response = await client
      .post(portal)
      .json(message())
      .header('authorization', `Bearer ${token.value!.release()}`)
    response.assertStatus(201)
    assert.equal(response.body().data.revisionNumber, 1)
  })
})
