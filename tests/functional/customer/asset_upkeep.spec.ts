import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import BmUnit from '#customer/models/bm_unit'
import {
  cast,
  meteringSystems,
  operator,
  PDF_BYTES,
  registeredVlpUnits,
  registerRole,
  workingDaysAhead,
} from '#tests/fixtures/customer/world'
import { as, bodyOf, expectStatus } from '#tests/fixtures/customer/api'

async function fenmoorWithUnits() {
  const p = await cast('FENMOOR', { participantCode: 'FNMF' })
  await registerRole('FENMOOR', 'VLP')
  await registeredVlpUnits('FENMOOR', [
    ['V__JFNMF001', '_J'],
    ['V__CFNMF001', '_C'],
  ])
  await meteringSystems('FENMOOR', [
    ['1900012345670', '_J'],
    ['1900012345680', '_J'],
    ['1200098765433', '_C'],
  ])
  return p
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'))
const HEADER = 'bmUnitId,importMsid,exportMsid,effectiveFrom,effectiveTo'

test.group('Assets: MSID Pairs as a CSV file, the NETSO step of Primary BM Units', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a CSV file: every row accepted or rejected with its reason, malformed rows included', async ({
    client,
    assert,
  }) => {
    const p = await fenmoorWithUnits()
    const from = workingDaysAhead(8)
    const file = csv([
      HEADER,
      `V__JFNMF001,1900012345670,1900012345680,${workingDaysAhead(3)},`,
      `V__JFNMF001,1900012345670,1900012345680,${from},`,
      `"V__CFNMF001",1200098765433,,${from},`,
      `V__CFNMF001,1900012345671,,${from},`,
      `V__CFNMF001,12,,not-a-date,`,
      `V__CFNMF001,1200098765433,,${from},`,
    ])
    for (const refused of [p.assistant.user, p.sigF.user])
      expectStatus(
        await as(client, refused)
          .multipart('/parties/FENMOOR/msid-pairs/upload')
          .file('file', file, { filename: 'pairs.csv' }),
        403
      )
    const response = await as(client, p.sigB.user)
      .multipart('/parties/FENMOOR/msid-pairs/upload')
      .file('file', file, { filename: 'pairs.csv' })
    response.assertStatus(201)
    assert.equal(response.body().message, '2 of 6 MSID Pair row(s) accepted, 4 rejected')
    const results = response.body().data.results
    assert.deepEqual(
      results.map((r: any) => [r.row, r.status]),
      [
        [1, 'rejected'],
        [2, 'accepted'],
        [3, 'accepted'],
        [4, 'rejected'],
        [5, 'rejected'],
        [6, 'rejected'],
      ]
    )
    assert.match(results[0].reason, /inside the lead time/)
    assert.match(results[3].reason, /check digit wrong \(expected/)
    assert.match(results[4].reason, /^Malformed row: importMsid: .*; effectiveFrom: /)
    assert.match(results[5].reason, /already allocated to V__CFNMF001/)
    const pairs = await db.from('customer_msid_pairs').where('party_id', 'FENMOOR')
    assert.lengthOf(pairs, 5, 'the malformed row writes nothing')
    assert.isTrue(pairs.every((pair) => pair.upload_id === response.body().data.id))
    const audit = await db
      .from('core_audit_log')
      .where('action', 'customer.msid_pair.upload')
      .first()
    assert.include(audit.after, response.body().data.sha256)
    const page = bodyOf(await as(client, p.catA.user).get('/parties/FENMOOR/assets'))
    assert.equal(page.msidPairUploads[0].accepted, 2)
    assert.deepEqual(page.msidPairColumns, HEADER.split(','))
  })

  test('a file that is not such a CSV is refused whole with the reason under the file', async ({
    client,
    assert,
  }) => {
    const p = await fenmoorWithUnits()
    const send = (content: Buffer, filename = 'pairs.csv') =>
      as(client, p.catA.user)
        .multipart('/parties/FENMOOR/msid-pairs/upload')
        .file('file', content, { filename })
    const cases: [Buffer, string, RegExp][] = [
      [csv([HEADER, 'V__JFNMF001,1900012345670,,2030-01-01,']), 'pairs.pdf', /CSV file/],
      [PDF_BYTES, 'pairs.csv', /not UTF-8 text|not a text file|header row/],
      [Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'pairs.csv', /not UTF-8 text/],
      [
        csv(['bmUnit,import', 'V__JFNMF001,1900012345670']),
        'pairs.csv',
        /header row must be.*missing bmUnitId, importMsid/,
      ],
      [csv([HEADER]), 'pairs.csv', /no rows/],
      [
        csv([HEADER, 'V__JFNMF001,1900012345670,,2030-01-01']),
        'pairs.csv',
        /line 2: expected 5 fields, found 4/,
      ],
      [
        csv([HEADER, '"V__JFNMF001,1900012345670,,2030-01-01,']),
        'pairs.csv',
        /unterminated quoted field/,
      ],
      [
        csv([
          HEADER,
          ...Array.from({ length: 501 }, () => 'V__JFNMF001,1900012345670,,2030-01-01,'),
        ]),
        'pairs.csv',
        /At most 500 rows/,
      ],
      [Buffer.alloc(1024 * 1024 + 10, 'a'), 'pairs.csv', /larger than|size/i],
    ]
    for (const [content, filename, message] of cases) {
      const response = await send(content, filename)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'file', String(message))
      assert.match(response.body().errors[0].message, message)
    }
    assert.lengthOf(await db.from('customer_msid_pair_uploads'), 0)
    const fourColumns = await send(
      csv([
        'bmUnitId,importMsid,exportMsid,effectiveFrom',
        `V__JFNMF001,1900012345670,,${workingDaysAhead(8)}`,
      ])
    )
    fourColumns.assertStatus(201)
    assert.equal(fourColumns.body().data.accepted, 1, 'effectiveTo may be left out of the header')
  })

  test('a Primary unit with FPN Y waits for the NETSO agreement; the operator records it, document optional', async ({
    client,
    assert,
    cleanup,
  }) => {
    const events = emitter.fake(['customer:bm_unit_registered', 'customer:bm_unit_changed'])
    cleanup(() => emitter.restore())
    const p = await cast('HRBLIGHT', { participantCode: 'HRBL' })
    await registerRole('HRBLIGHT', 'GENERATOR')
    await registerRole('HRBLIGHT', 'VLP')
    const { user: op } = await operator()
    const unit = (id: string, overrides: Record<string, unknown> = {}) => ({
      bmUnitId: id,
      bmUnitType: 'T',
      bmUnitName: id,
      nationalGridBmUnit: id.slice(2),
      generationCapacity: 100,
      demandCapacity: 0,
      fpnFlag: true,
      netsoAgreed: true,
      fuelType: 'OCGT',
      effectiveFrom: workingDaysAhead(31),
      ...overrides,
    })
    const submitted = await as(client, p.catA.user).post(
      '/parties/HRBLIGHT/bm-units',
      unit('T_HRBL-1')
    )
    const id = submitted.body().data.id
    const direct = await as(client, op).post(`/bm-units/${id}/approve`)
    direct.assertStatus(409)
    assert.match(direct.body().errors[0].message, /needs the NETSO agreement/)
    expectStatus(await as(client, p.catA.user).post(`/bm-units/${id}/refer-to-netso`), 404)
    expectStatus(await as(client, op).post(`/bm-units/${id}/refer-to-netso`), 200)
    assert.equal(await BmUnit.findOrFail(id).then((value) => value.status), 'awaiting_netso')
    expectStatus(await as(client, op).post(`/bm-units/${id}/approve`), 409)
    const page = bodyOf(await as(client, p.catA.user).get('/parties/HRBLIGHT/assets'))
    assert.equal(page.bmUnits[0].state, 'AWAITING_NETSO')

    const byParty = await as(client, p.catA.user)
      .multipart(`/bm-units/${id}/netso-agreement`)
      .field('agreedOn', '2025-05-01')
      .field('netsoReference', 'NESO-BMU-0042')
    byParty.assertStatus(404)
    const noReference = await as(client, op)
      .multipart(`/bm-units/${id}/netso-agreement`)
      .field('agreedOn', '2025-05-01')
    assert.equal(noReference.body().errors[0].field, 'netsoReference')
    const recorded = await as(client, op)
      .multipart(`/bm-units/${id}/netso-agreement`)
      .field('agreedOn', '2025-05-01')
      .field('netsoReference', 'NESO-BMU-0042')
      .file('document', PDF_BYTES, { filename: 'neso.pdf' })
    recorded.assertStatus(200)
    const registered = await BmUnit.findOrFail(id)
    assert.deepEqual(
      [registered.status, registered.netsoAgreedOn, registered.netsoReference],
      ['registered', '2025-05-01', 'NESO-BMU-0042']
    )
    const document = await db
      .from('customer_documents')
      .where('id', registered.netsoDocumentId!)
      .first()
    assert.equal(document.kind, 'netso_agreement')
    events.assertEmitted(
      'customer:bm_unit_registered',
      ({ data }) => data.elexonBmUnit === 'T_HRBL-1'
    )

    /* A later version of the same unit carries the agreement over and is approved directly. */
    const { bmUnitId, ...version } = unit('T_HRBL-1', {
      generationCapacity: 120,
      effectiveFrom: workingDaysAhead(45),
    })
    assert.equal(bmUnitId, 'T_HRBL-1')
    const changed = await as(client, p.catA.user).put(`/bm-units/${id}`, version)
    expectStatus(await as(client, op).post(`/bm-units/${changed.body().data.id}/approve`), 200)
    assert.equal(
      await BmUnit.findOrFail(changed.body().data.id).then((value) => value.netsoReference),
      'NESO-BMU-0042'
    )

    /* Without a document, and a rejection from AWAITING_NETSO. */
    const second = await as(client, p.catA.user).post(
      '/parties/HRBLIGHT/bm-units',
      unit('T_HRBL-2')
    )
    await as(client, op).post(`/bm-units/${second.body().data.id}/refer-to-netso`)
    expectStatus(
      await as(client, op).post(`/bm-units/${second.body().data.id}/reject`, {
        reason: 'NETSO declined',
      }),
      200
    )
    const third = await as(client, p.catA.user).post('/parties/HRBLIGHT/bm-units', unit('T_HRBL-3'))
    await as(client, op).post(`/bm-units/${third.body().data.id}/refer-to-netso`)
    expectStatus(
      await as(client, op)
        .multipart(`/bm-units/${third.body().data.id}/netso-agreement`)
        .field('agreedOn', '2025-05-02')
        .field('netsoReference', 'NESO-BMU-0043'),
      200
    )
    /* Secondary units and Primary units without FPN never wait for the NETSO. */
    const secondary = await as(client, p.catA.user).post('/parties/HRBLIGHT/bm-units', {
      ...unit('V__JHRBL001', { bmUnitType: 'V', gspGroupId: '_J', fuelType: undefined }),
      nationalGridBmUnit: 'HRBL-V1',
      effectiveFrom: workingDaysAhead(5),
    })
    secondary.assertStatus(201)
    const refused = await as(client, op).post(
      `/bm-units/${secondary.body().data.id}/refer-to-netso`
    )
    refused.assertStatus(409)
    expectStatus(await as(client, op).post(`/bm-units/${secondary.body().data.id}/approve`), 200)
    const audit = await db
      .from('core_audit_log')
      .whereIn('action', [
        'customer.bm_unit.refer_to_netso',
        'customer.bm_unit.record_netso_agreement',
      ])
    assert.lengthOf(audit, 5)
  })
})
