import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CUSTOMER_ROUTES } from '#customer/route_table'
import { cast, operator, PDF_BYTES, todayIso } from '#tests/fixtures/customer/world'
import { API, as, bodyOf, expectStatus, portalAs } from '#tests/fixtures/customer/api'

test.group('OpenAPI document, portal pages, uploads and the work queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the OpenAPI document describes every API route with its request schema and field help', async ({
    client,
    assert,
  }) => {
    const response = await client.get(`${API}/openapi.json`)
    response.assertStatus(200)
    const doc = response.body()
    assert.equal(doc.openapi, '3.0.3')
    for (const route of CUSTOMER_ROUTES) {
      const path = `${API}${route.path === '/' ? '' : route.path}`.replace(/:(\w+)/g, '{$1}')
      assert.property(doc.paths[path] ?? {}, route.method, `${route.method} ${path}`)
    }
    const bmUnit =
      doc.paths[`${API}/parties/{partyId}/bm-units`].post.requestBody.content['application/json']
        .schema
    assert.include(bmUnit.required, 'bmUnitId')
    assert.match(bmUnit.properties.gspGroupId.description, /14 GSP Groups/)
    assert.property(doc.paths[`${API}/parties/{partyId}/bm-units`].post.responses, '422')
    const upload = doc.paths[`${API}/parties/{partyId}/msid-pairs/upload`].post.requestBody.content
    assert.property(upload, 'multipart/form-data')
    const contacts =
      doc.paths[`${API}/parties/{partyId}/credit/contacts`].post.requestBody.content[
        'application/json'
      ].schema
    assert.equal(contacts.properties.contacts.minItems, 2)
    assert.match(doc.info.description, /credit_default \(LEVEL_1 → LEVEL_2 → CLEARED\)/)
  })

  test('every party page renders as server-side HTML and as Inertia props', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const { user: op } = await operator()
    for (const path of [
      '',
      '/accession',
      '/signatories',
      '/account',
      '/roles',
      '/assets',
      '/credit',
      '/exit',
    ]) {
      for (const viewer of [p.catA.user, op]) {
        const html = await client.get(`/customer/parties/HRBLIGHT${path}`).loginAs(viewer)
        html.assertStatus(200)
        assert.include(html.text(), 'HRBLIGHT Energy Ltd', `SSR ${path} for ${viewer.role}`)
        assert.include(html.text(), 'data-page', `hydration payload ${path}`)
      }
    }
    for (const path of ['/operator/queue', '/operator/parameters']) {
      expectStatus(await client.get(`/customer${path}`).loginAs(op), 200)
      expectStatus(await client.get(`/customer${path}`).loginAs(p.catA.user), 404)
    }
    const join = await client.get('/customer/join')
    assert.include(join.text(), 'Expression of Interest')
    const inertia = await client
      .get('/customer/parties/HRBLIGHT/assets')
      .withInertia()
      .loginAs(p.sigB.user)
    inertia.assertInertiaComponent('customer/assets')
    assert.deepEqual(inertia.body().props.viewer.categories, ['B'])
  })

  test('portal forms: validation errors come back under the fields; success flashes', async ({
    client,
    assert,
  }) => {
    const p = await cast('HRBLIGHT')
    const portal = await portalAs(client, p.catA.user)
    const bad = await portal.post('/parties/HRBLIGHT/account/bank-accounts', {
      purpose: 'trading',
      accountName: 'H',
      sortCode: 'abc',
      accountNumber: '1',
      bankName: 'HSBC',
    })
    bad.assertStatus(302)
    const errors = bad.flashMessages().inputErrorsBag
    assert.properties(errors, ['sortCode', 'accountNumber', 'accountName'])
    const good = await portal.post('/parties/HRBLIGHT/account/contacts', {
      fullName: 'Lee Chan',
      email: 'lee@hrb.test',
      contactTypes: ['invoice'],
    })
    good.assertStatus(302)
    assert.equal(good.flashMessages().success, 'Change applied')
  })

  test('uploads are checked by size and content', async ({ client, assert }) => {
    const p = await cast('EOI-0000DD01', { status: 'prospect', entryState: 'ACCESSION_DRAFT' })
    const upload = (bytes: Buffer, filename: string) =>
      as(client, p.assistant.user)
        .multipart('/parties/EOI-0000DD01/accession/agreement')
        .file('agreement', bytes, { filename })
    const exe = await upload(Buffer.from('MZ\x90\x00 this is not a PDF'), 'agreement.pdf')
    exe.assertStatus(422)
    assert.match(exe.body().errors[0].message, /PDF/)
    const png = await upload(
      Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
        'hex'
      ),
      'agreement.pdf'
    )
    png.assertStatus(422)
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 + 1, 32)])
    const tooBig = await upload(big, 'agreement.pdf')
    tooBig.assertStatus(422)
    assert.match(tooBig.body().errors[0].message, /10/)
    const ok = await upload(PDF_BYTES, 'agreement.pdf')
    ok.assertStatus(201)
    assert.equal(ok.body().data.sha256.length, 64)
    const audit = await db
      .from('core_audit_log')
      .where('action', 'customer.entry.upload_accession_agreement')
      .first()
    assert.include(audit.after, ok.body().data.sha256)
    const download = await client
      .get(`/customer/documents/${ok.body().data.id}`)
      .loginAs(p.assistant.user)
    download.assertStatus(200)
    assert.include(download.header('content-type'), 'application/pdf')
    assert.include(download.header('content-disposition'), 'agreement.pdf')
  })

  test('the work queue filters by type, state, party and overdue', async ({ client, assert }) => {
    const { user: op } = await operator()
    for (const name of ['Alpha', 'Beta']) {
      await client.post(`${API}/join`).json({
        companyName: `${name} Ltd`,
        country: 'GB',
        contactName: 'Xavier',
        email: `x@${name.toLowerCase()}.test`,
        intendedRoles: ['NPT'],
      })
    }
    await db
      .from('customer_tasks')
      .where('title', 'like', '%Beta%')
      .update({ due_on: '2020-01-01' })
    const all = bodyOf(await as(client, op).get('/operator/queue')).tasks
    assert.lengthOf(all, 2)
    assert.equal(all[0].caseState, 'EOI_SUBMITTED')
    const overdue = bodyOf(await as(client, op).get('/operator/queue?overdue=1')).tasks
    assert.deepEqual(
      overdue.map((t: any) => t.partyName),
      ['Beta Ltd']
    )
    assert.lengthOf(bodyOf(await as(client, op).get('/operator/queue?type=exit')).tasks, 0)
    assert.lengthOf(bodyOf(await as(client, op).get('/operator/queue?state=ACTIVE')).tasks, 0)
    assert.lengthOf(
      bodyOf(await as(client, op).get(`/operator/queue?party=${all[1].partyId}`)).tasks,
      1
    )
    assert.exists(todayIso())
  })

  test('the dashboard shows the party what is left and who acts', async ({ client, assert }) => {
    const p = await cast('EOI-0000EE01', { status: 'prospect', entryState: 'ACCESSION_DRAFT' })
    await db.table('customer_tasks').insert({
      party_id: 'EOI-0000EE01',
      case_type: 'entry',
      case_id: 'EOI-0000EE01',
      kind: 'prepare_accession',
      title: 'Prepare the accession',
      reason: 'Company details…',
      assignee: 'party',
      status: 'open',
      created_at: new Date().toISOString(),
    })
    const dashboard = await client.get('/dashboard').withInertia().loginAs(p.assistant.user)
    const widget = dashboard.body().props.widgets.find((w: any) => w.id === 'customer.journey')
    assert.equal(widget.stats[0].value, 'accession draft')
    assert.match(widget.text, /Next: Prepare the accession \(you\)/)
  })
})
