import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { importDataset } from '#settlement/actions/import_dataset'
import { ImportRejected } from '#settlement/ingestion/validate_records'
import { FileFormatError } from '#settlement/ingestion/parse_file'
import {
  countRows,
  importFixture,
  importReferenceData,
  importSmallDay,
  SMALL_DATE,
} from './support/fixtures.js'

const count = (table: string) => countRows(table)

/** Rows of every table a malformed file could have touched. */
async function counts() {
  const tables = [
    'settlement_bods',
    'settlement_metered_volumes',
    'settlement_lolp',
    'settlement_fpns',
    'settlement_ecvns',
    'settlement_market_index',
    'settlement_import_batches',
  ]
  const result: number[] = []
  for (const table of tables) result.push(await count(table))
  return result
}

async function rejects(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ImportRejected || error instanceof FileFormatError) return error.message
    throw error
  }
  throw new Error('the import was accepted')
}

test.group('settlement:import', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('imports every dataset of the small market, one batch per dataset and date', async ({
    assert,
  }) => {
    await importSmallDay()
    const expected: Record<string, number> = {
      settlement_parties: 5,
      settlement_accounts: 10,
      settlement_tlfs: 4,
      settlement_bm_units: 4,
      settlement_metered_volumes: 8,
      settlement_fpns: 4,
      settlement_bods: 4,
      settlement_acceptances: 4,
      settlement_absvd: 2,
      settlement_disbsad: 2,
      settlement_netbsad: 2,
      settlement_market_index: 4,
      settlement_lolp: 2,
      settlement_ecvns: 5,
      settlement_mvrns: 2,
    }
    for (const [table, rows] of Object.entries(expected))
      assert.equal(await count(table), rows, table)
    const batches = await db.from('settlement_import_batches').orderBy('id')
    assert.lengthOf(batches, 15)
    assert.deepEqual(
      batches.filter((b) => b.settlement_date).map((b) => b.settlement_date),
      new Array(11).fill(SMALL_DATE)
    )
    const bod = await db
      .from('settlement_bods')
      .where('pair_id', -1)
      .where('bm_unit_id', 'T_NWND-1')
      .firstOrFail()
    assert.include(bod, {
      time_from: '2026-01-15T00:00:00Z',
      level_from: -296,
      offer: 0,
      bid: -65.4,
    })
    const acceptance = await db
      .from('settlement_acceptances')
      .where('acceptance_number', 20017)
      .firstOrFail()
    assert.isTrue(Boolean(acceptance.so_flag))
    const party = await db.from('settlement_parties').where('party_id', 'KESTREL').firstOrFail()
    assert.equal(party.name, 'Kestrel Energy Trading, Ltd')
    assert.deepEqual(JSON.parse(party.roles), ['NPT'])
  })

  test('a new file replaces the dataset for the dates it covers, other dates stay', async ({
    assert,
  }) => {
    await importReferenceData()
    const file = (date: string, volume: number) =>
      `bmUnit,settlementDate,settlementPeriod,volume\nT_BRKN-1,${date},1,${volume}\nT_NWND-1,${date},1,${volume}\n`
    await importDataset(
      'metered-volumes',
      'a.csv',
      file('2026-01-15', 10) + 'T_BRKN-1,2026-01-16,1,5\n',
      't'
    )
    const result = await importDataset('metered-volumes', 'b.csv', file('2026-01-15', 20), 't')
    assert.deepEqual(result.dates, ['2026-01-15'])
    const rows = await db
      .from('settlement_metered_volumes')
      .orderBy('settlement_date')
      .select('settlement_date', 'volume')
    assert.deepEqual(
      rows.map((r) => [r.settlement_date, r.volume]),
      [
        ['2026-01-15', 20],
        ['2026-01-15', 20],
        ['2026-01-16', 5],
      ]
    )
  })

  test('reference files update existing rows by key', async ({ assert }) => {
    await importReferenceData()
    await importDataset(
      'parties',
      'p.csv',
      'partyId,partyName\nKESTREL,Kestrel Energy plc\nNEWCO,New Co\n',
      't'
    )
    const kestrel = await db.from('settlement_parties').where('party_id', 'KESTREL').firstOrFail()
    assert.equal(kestrel.name, 'Kestrel Energy plc')
    assert.equal(await count('settlement_parties'), 6)
  })

  test('malformed files name file, line and field, and write nothing', async ({ assert }) => {
    await importSmallDay()
    const before = await counts()
    const cases: [Parameters<typeof importFixture>[0], string, string][] = [
      [
        'bod',
        'malformed/bod-bad-offer.csv',
        'bod-bad-offer.csv line 3, field "offer": must be a number',
      ],
      [
        'metered-volumes',
        'malformed/metered-volumes-unknown-unit.csv',
        'line 3, field "bmUnit": unknown BM Unit "T_NOSUCH-1"',
      ],
      [
        'lolp',
        'malformed/lolp-period-49.csv',
        'line 3, field "settlementPeriod": must be between 1 and 48 on 2026-01-15',
      ],
      [
        'pn',
        'malformed/pn-outside-period.json',
        'pn-outside-period.json line 11, field "timeFrom": must lie within settlement period 4',
      ],
      ['ecvn', 'malformed/ecvn-unclosed-quote.csv', 'ecvn-unclosed-quote.csv line 3'],
      [
        'mid',
        'malformed/mid-bad-date.json',
        'mid-bad-date.json line 3, field "settlementDate": must be a date in the form yyyy-MM-dd',
      ],
    ]
    for (const [dataset, file, message] of cases)
      assert.include(await rejects(importFixture(dataset, file)), message)
    const after = await counts()
    assert.deepEqual(after, before)
  })

  test('one bad row rejects a file covering several dates: no date is replaced', async ({
    assert,
  }) => {
    await importSmallDay()
    const file = [
      'settlementDate,settlementPeriod,lossOfLoadProbability',
      '2026-01-15,1,0.5',
      '2026-01-16,1,0.5',
      '2026-01-16,2,1.5',
    ].join('\n')
    assert.include(
      await rejects(importDataset('lolp', 'lolp.csv', file, 't')),
      'lolp.csv line 4, field "lossOfLoadProbability": must be at most 1'
    )
    const lolp = await db
      .from('settlement_lolp')
      .orderBy('settlement_period')
      .select('settlement_date', 'lolp')
    assert.deepEqual(
      lolp.map((row) => row.lolp),
      [0.0000012, 0.0000009]
    )
  })

  test('rows are checked against each other: duplicates, band signs, references', async ({
    assert,
  }) => {
    await importReferenceData()
    const header =
      'bmUnit,settlementDate,settlementPeriod,timeFrom,levelFrom,timeTo,levelTo,pairId,offer,bid'
    const row = (pair: number, level: number) =>
      `T_BRKN-1,2026-01-15,1,2026-01-15T00:00:00Z,${level},2026-01-15T00:30:00Z,${level},${pair},90,80`
    assert.include(
      await rejects(importDataset('bod', 'b.csv', [header, row(1, 5), row(1, 5)].join('\n'), 't')),
      'line 3, field "timeFrom": duplicates the row on line 2'
    )
    assert.include(
      await rejects(importDataset('bod', 'b.csv', [header, row(-1, 5)].join('\n'), 't')),
      'line 2, field "levelFrom": must have the sign of pairId -1'
    )
    assert.include(
      await rejects(
        importDataset(
          'ecvn',
          'e.csv',
          'settlementDate,settlementPeriod,fromAccount,toAccount,volume\n2026-01-15,1,NOPE-P,BRACKEN-C,1',
          't'
        )
      ),
      'e.csv line 2, field "fromAccount": unknown energy account "NOPE-P"'
    )
    assert.include(
      await rejects(
        importDataset('accounts', 'a.csv', 'accountId,partyId,accountType\nX-P,NOBODY,P', 't')
      ),
      'field "partyId": unknown BSC Party "NOBODY"'
    )
    assert.include(
      await rejects(
        importDataset(
          'metered-volumes',
          'm.csv',
          'bmUnit,settlementDate,settlementPeriod,volume\nE_VOLTB-1,2031-01-15,1,3',
          't'
        )
      ),
      'BM Unit "E_VOLTB-1" is not registered on 2031-01-15'
    )
    assert.include(
      await rejects(importDataset('mid', 'm.json', '{"data": []}', 't')),
      'the file has no records'
    )
  })

  test('clock-change days have 46 and 50 periods', async ({ assert }) => {
    await importReferenceData()
    const file = (date: string, period: number) =>
      `bmUnit,settlementDate,settlementPeriod,volume\nT_BRKN-1,${date},${period},1\n`
    assert.include(
      await rejects(importDataset('metered-volumes', 'm.csv', file('2026-03-29', 47), 't')),
      'must be between 1 and 46 on 2026-03-29'
    )
    await importDataset('metered-volumes', 'm.csv', file('2026-10-25', 50), 't')
    const pn = [
      'bmUnit,settlementDate,settlementPeriod,timeFrom,levelFrom,timeTo,levelTo',
      // The long day starts at 23:00Z (local midnight in BST), so period 5 starts at 01:00Z.
      'T_BRKN-1,2026-10-25,5,2026-10-25T01:00:00Z,1,2026-10-25T01:30:00Z,1',
    ].join('\n')
    await importDataset('pn', 'pn.csv', pn, 't')
    assert.equal(await count('settlement_fpns'), 1)
  })
})
