import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { contractDocument, contractErrors, componentSchema } from './helpers/contract.js'

async function openApi(client: ApiClient) {
  const response = await client.get('/bmrs/api/v1/openapi.json')
  return response.body()
}

/** The parts of a parameter that make it the same parameter. */
function signature(parameter: any) {
  const schema = parameter.schema ?? {}
  return {
    in: parameter.in,
    required: parameter.required === true,
    type: schema.type,
    format: schema.format,
    items: schema.items ? { type: schema.items.type, format: schema.items.format } : undefined,
    enum: schema.enum,
  }
}

function resolve(document: any, schema: any): any {
  return schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()] : schema
}

test.group('Our OpenAPI document and the contract', () => {
  test('every contract path we serve has exactly the contract parameters (plus marked extensions)', async ({
    client,
    assert,
  }) => {
    const ours = await openApi(client)
    const contract = contractDocument()
    const shared = Object.keys(ours.paths).filter((path) => contract.paths[path])
    assert.isAtLeast(shared.length, 35)
    for (const path of shared) {
      const theirs = new Map<string, any>(
        contract.paths[path].get.parameters?.map((p: any) => [p.name, signature(p)]) ?? []
      )
      const mine = ours.paths[path].get.parameters as any[]
      for (const [name, expected] of theirs) {
        const found = mine.find((p) => p.name === name)
        assert.isDefined(found, `${path} lacks ${name}`)
        assert.deepEqual(signature(found), expected, `${path} ${name}`)
      }
      const extra = mine.filter((p) => !theirs.has(p.name)).map((p) => p.name)
      assert.includeMembers(['runType', 'cursor', 'limit'], extra, `${path} adds ${extra}`)
    }
    assert.isTrue(
      Object.keys(ours.paths)
        .filter((path) => !contract.paths[path])
        .every((path) => path.startsWith('/ext/'))
    )
  })

  test('the row schemas we publish are the contract components, field for field', async ({
    client,
    assert,
  }) => {
    const ours = await openApi(client)
    const contract = contractDocument()
    const names = Object.keys(ours.components.schemas).filter(
      (name) => contract.components.schemas[name]
    )
    assert.isAtLeast(names.length, 20)
    for (const name of names) {
      const mine = ours.components.schemas[name]
      const theirs = componentSchema(name)
      assert.deepEqual(
        Object.keys(mine.properties ?? {}),
        Object.keys(theirs.properties ?? {}),
        name
      )
      for (const [field, schema] of Object.entries<any>(theirs.properties ?? {})) {
        const own = mine.properties[field]
        const a = resolve(contract, schema)
        const b = resolve(ours, own)
        assert.equal(b.type, a.type, `${name}.${field} type`)
        assert.equal(own.nullable === true, schema.nullable === true, `${name}.${field} nullable`)
        if (a.format) assert.equal(b.format, a.format, `${name}.${field} format`)
        if (schema.$ref) assert.equal(own.$ref, schema.$ref, `${name}.${field} $ref`)
      }
    }
  })

  test('the contract validator rejects what the contract forbids', async ({ assert }) => {
    const row = {
      dataset: 'FUELHH',
      startTime: '2018-03-25T00:00:00Z',
      settlementPeriod: 1,
      fuelType: 'CCGT',
      generation: 1,
    }
    assert.deepEqual(contractErrors('/datasets/FUELHH', { data: [row] }), [])
    assert.isNotEmpty(
      contractErrors('/datasets/FUELHH', { data: [{ ...row, endTime: '2018-03-25T00:30:00Z' }] })
    )
    assert.isNotEmpty(contractErrors('/datasets/FUELHH', { data: [{ ...row, generation: 1.5 }] }))
    assert.isNotEmpty(
      contractErrors('/datasets/FUELHH', { data: [{ ...row, startTime: '2018-03-25 00:00' }] })
    )
    assert.isNotEmpty(contractErrors('/datasets/FUELHH', [row]))
    assert.isNotEmpty(
      contractErrors('/balancing/settlement/system-prices/{settlementDate}', {
        data: [{ systemSellPrice: null }],
      })
    )
  })

  test('the interactive docs page is served self-contained', async ({ client, assert }) => {
    const page = await client.get('/bmrs/api/docs')
    page.assertStatus(200)
    assert.match(page.header('content-type') ?? '', /^text\/html/)
    assert.include(page.text(), '/bmrs/api/v1/openapi.json')
    assert.notMatch(page.text(), /<script[^>]+src=|<link[^>]+href="http/)
  })

  test('the public API is open to any origin (CORS)', async ({ client, assert }) => {
    const response = await client
      .get('/bmrs/api/v1/reference/fueltypes/all')
      .header('origin', 'https://example.org')
    assert.equal(response.header('access-control-allow-origin'), 'https://example.org')
  })
})
