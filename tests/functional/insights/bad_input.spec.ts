import { test } from '@japa/runner'

const api = '/bmrs/api/v1'

/** [path, query, the parameter the 400 must name, a fragment of its message] */
const CASES: [string, Record<string, unknown>, string, RegExp][] = [
  ['/datasets/FUELHH', { settlementDateFrom: '2018-02-30' }, 'settlementDateFrom', /yyyy-MM-dd/],
  ['/datasets/FUELHH', { settlementDateFrom: '25/03/2018' }, 'settlementDateFrom', /yyyy-MM-dd/],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-03-25', settlementDateTo: '2018-03-24' },
    'settlementDateTo',
    /must not be before/,
  ],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-01-01', settlementDateTo: '2018-12-31' },
    'settlementDateTo',
    /at most 31/,
  ],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-03-25', settlementPeriod: [47] },
    'settlementPeriod',
    /2018-03-25, which has 46/,
  ],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-10-28', settlementPeriod: [51] },
    'settlementPeriod',
    /from 1 to 50/,
  ],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-10-28', settlementPeriod: [0] },
    'settlementPeriod',
    /from 1 to 50/,
  ],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-10-28', fuelType: ['SOLAR'] },
    'fuelType',
    /Unknown fuel type "SOLAR"/,
  ],
  [
    '/datasets/FUELHH',
    { settlementDateFrom: '2018-10-28', publishDateTimeFrom: '2018-10-28T00:00Z' },
    'settlementDateFrom',
    /cannot be set when a Publish Date/,
  ],
  [
    '/datasets/FUELINST',
    { publishDateTimeFrom: 'yesterday', publishDateTimeTo: '2018-10-28T00:00Z' },
    'publishDateTimeFrom',
    /date-time/,
  ],
  [
    '/datasets/FUELINST',
    { settlementDateFrom: '2018-10-28', format: 'yaml' },
    'format',
    /json, xml, csv/,
  ],
  [
    '/datasets/FUELINST',
    { settlementDateFrom: '2018-10-28', limit: 5, cursor: 'bm90LWEtY3Vyc29y' },
    'cursor',
    /cursor/,
  ],
  ['/datasets/MID', {}, 'dataset', /Unknown dataset "MID"/],
  ['/datasets/BOALF', {}, 'from', /required/],
  [
    '/datasets/BOALF',
    { from: '2018-03-26T00:00Z', to: '2018-03-25T00:00Z' },
    'to',
    /must not be before/,
  ],
  [
    '/datasets/BOALF',
    { from: '2018-03-01T00:00Z', to: '2018-03-25T00:00Z' },
    'to',
    /longer than 1 days/,
  ],
  [
    '/datasets/BOD',
    { from: '2018-03-25', to: '2018-03-25', settlementPeriodFrom: 47 },
    'settlementPeriodFrom',
    /which has 46/,
  ],
  [
    '/datasets/DISBSAD',
    { from: 'nope', to: '2018-03-25', settlementPeriodFrom: 2 },
    'from',
    /must start with a settlement date/,
  ],
  ['/balancing/settlement/system-prices/2018-13-01', {}, 'settlementDate', /yyyy-MM-dd/],
  ['/balancing/settlement/system-prices/2018-03-25/47', {}, 'settlementPeriod', /which has 46/],
  ['/balancing/settlement/system-prices/2018-03-25/x', {}, 'settlementPeriod', /from 1 to 50/],
  ['/balancing/settlement/system-prices/2018-03-25', { runType: 'ZZ' }, 'runType', /II, SF, R1/],
  ['/balancing/settlement/stack/all/both/2018-03-25/1', {}, 'bidOffer', /"bid" or "offer"/],
  [
    '/balancing/settlement/indicative/volumes/all/bid/2018-03-25',
    { format: 'csv' },
    'format',
    /json, xml/,
  ],
  [
    '/balancing/settlement/acceptance/volumes/all/offer/2018-10-28/51',
    {},
    'settlementPeriod',
    /from 1 to 50/,
  ],
  ['/balancing/acceptances/all', { settlementDate: '2018-03-25' }, 'settlementPeriod', /required/],
  [
    '/demand/outturn',
    { settlementDateFrom: '2018-03-25', settlementDateTo: '2019-03-25' },
    'settlementDateTo',
    /at most 31/,
  ],
  [
    '/generation/outturn/summary',
    { startTime: '2018-10-28T00:00Z', endTime: '2018-10-27T00:00Z' },
    'endTime',
    /must not be before/,
  ],
  ['/remit/list/by-publish', { from: '2023-01-01T00:00Z' }, 'to', /required/],
  [
    '/remit/list/by-event',
    { from: '2023-01-01T00:00Z', to: '2023-03-01T00:00Z' },
    'to',
    /longer than 7 days/,
  ],
  ['/remit/abc', {}, 'messageId', /positive integer/],
  ['/remit/revisions', {}, 'mrid', /Give mrid or messageId/],
  ['/datasets/REMIT', { publishDateTimeFrom: '2023/04/13 07:00' }, 'publishDateTimeTo', /required/],
  ['/ext/completeness', { dataset: 'BMUNITS', from: '2018-01-01' }, 'dataset', /time-based/],
  [
    '/ext/completeness',
    { dataset: 'FUELHH', from: '2018-01-01', to: '2020-01-01' },
    'to',
    /at most 366/,
  ],
  ['/ext/runs/diff', { settlementDate: '2018-03-25', from: 'SF', to: 'Q9' }, 'to', /II, SF/],
  ['/ext/push/NOPE', {}, 'dataset', /Unknown dataset/],
  ['/ext/push/FUELHH', { since: '-3' }, 'since', /sequence number/],
]

test.group('Bad input answers 400 in problem-details shape, never 500', () => {
  for (const [path, query, parameter, message] of CASES) {
    test(`GET ${path} ${JSON.stringify(query)} → 400 naming ${parameter}`, async ({
      client,
      assert,
    }) => {
      const response = await client.get(`${api}${path}`).qs(query)
      response.assertStatus(400)
      assert.match(response.header('content-type') ?? '', /^application\/problem\+json/)
      const body = response.body()
      assert.equal(body.status, 400)
      assert.equal(body.title, 'One or more validation errors occurred.')
      assert.property(body.errors, parameter)
      assert.match(body.errors[parameter].join(' '), message)
    })
  }

  test('an unknown path under the API is a 404 problem, not an HTML page', async ({
    client,
    assert,
  }) => {
    const response = await client.get(`${api}/balancing/nothing-here`)
    response.assertStatus(404)
    assert.match(response.header('content-type') ?? '', /^application\/problem\+json/)
    assert.equal(response.body().status, 404)
  })

  test('a missing REMIT message is a 404 problem', async ({ client }) => {
    const response = await client.get(`${api}/remit/999999`)
    response.assertStatus(404)
    response.assertBodyContains({ status: 404, title: 'Not Found' })
  })
})
