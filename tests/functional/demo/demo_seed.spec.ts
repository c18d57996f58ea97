import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/auth/user'
import DemoSeedCommand from '#database/demo/demo_seed_command'
import DemoLoginsCommand from '#database/demo/demo_logins_command'
import { DEFAULT_DATES } from '#database/demo/demo_market'
import { seedDemo, tableCounts } from '#database/demo/demo_seed'

const options = { seed: 1, dates: DEFAULT_DATES, bmUnits: 150 }
/** One small day, where the market's size does not matter. */
const small = { seed: 1, dates: ['2026-01-15'], bmUnits: 60 }

/** Content of a table without surrogate keys, batch ids and timestamps, which differ between seedings. */
async function contentHash(table: string, orderBy: string[]) {
  const rows = await db.from(table).select('*').orderBy(orderBy)
  const hash = createHash('sha256')
  const varying = new Set(['id', 'batch_id', 'created_at', 'updated_at'])
  for (const row of rows) {
    hash.update(JSON.stringify(Object.entries(row).filter(([column]) => !varying.has(column))))
  }
  return hash.digest('hex')
}
const acceptancesHash = () =>
  contentHash('settlement_acceptances', ['bm_unit_id', 'acceptance_number', 'time_from'])
const unitsHash = () => contentHash('customer_bm_units', ['bm_unit_id'])

test.group('demo:seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // Commands log into memory in raw mode; give the console back to the suites that follow.
  group.teardown(() => ace.ui.switchMode('normal'))

  test('seeds a fresh database: parties, units, logins, a calendar and 11 datasets per day', async ({
    assert,
  }) => {
    const summary = await seedDemo(options)
    assert.equal(summary.status, 'seeded')
    assert.deepEqual(summary.days, [
      { date: '2026-01-15', periods: 48 },
      { date: '2026-03-29', periods: 46 },
      { date: '2026-10-25', periods: 50 },
    ])
    const counts = await tableCounts()
    assert.include(counts, {
      customer_parties: 20,
      settlement_parties: 20,
      customer_bm_units: 150,
      settlement_bm_units: 150,
      settlement_run_calendar: 18,
      settlement_import_batches: 33,
      settlement_lolp: 144,
      settlement_netbsad: 144,
      settlement_market_index: 288,
      core_users: 16,
    })
    assert.equal(counts.customer_energy_accounts, counts.settlement_accounts)
    assert.equal(counts.settlement_tlfs, 2 * 5 * 14)
    assert.isAbove(counts.settlement_metered_volumes, 144 * 140)
    assert.isAbove(counts.settlement_acceptances, 1000)
    const batches = await db
      .from('settlement_import_batches')
      .where('settlement_date', '2026-03-29')
      .orderBy('dataset')
    assert.lengthOf(batches, 11)
    const fpn = batches.find((b) => b.dataset === 'pn')
    const rows = await db.from('settlement_fpns').where('batch_id', fpn.id).count('* as n').first()
    assert.equal(Number(rows.n), fpn.row_count)
    // Each day's public data went to Insights, as `insights:import` writes it.
    const published = await db
      .from('insights_rows')
      .where('dataset', 'FUELINST')
      .select('settlement_date')
      .countDistinct('settlement_period as periods')
      .groupBy('settlement_date')
      .orderBy('settlement_date')
    assert.deepEqual(
      published.map((row) => [row.settlement_date, Number(row.periods)]),
      summary.days.map((day) => [day.date, day.periods])
    )
    const listed = await db
      .from('insights_rows')
      .where('dataset', 'BMUNITS')
      .count('* as n')
      .first()
    assert.equal(Number(listed.n), 150)
    // REMIT: outages of demo parties' units, one of them revised.
    const remit = await db.from('insights_remit_messages').orderBy('id')
    assert.isAtLeast(remit.length, 4)
    assert.isTrue(remit.some((message) => message.revision_number === 2))
  })

  test('demo logins work and Category A signatories are authorised', async ({ assert }) => {
    const { logins } = await seedDemo(small)
    assert.deepEqual([...new Set(logins.map((l) => l.role))].sort(), [
      'admin',
      'assistant',
      'operator',
      'signatory',
    ])
    for (const login of logins) {
      const user = await User.verifyCredentials(login.email, login.password)
      assert.equal(user.partyId, login.partyId)
      assert.isNull(user.mfaEnabledAt)
    }
    const categoryA = await db
      .from('customer_signatory_authorisations')
      .where('category', 'A')
      .where('status', 'active')
    assert.lengthOf(categoryA, logins.filter((l) => l.categories.includes('A')).length)
    const registrationsAndFunds = await db
      .from('customer_signatory_authorisations')
      .whereIn('category', ['B', 'F'])
    assert.lengthOf(registrationsAndFunds, 2)
  })

  test('running again without --reset changes nothing', async ({ assert }) => {
    await seedDemo(options)
    const before = [await tableCounts(), await acceptancesHash()]
    const again = await seedDemo({ ...options, seed: 2 })
    assert.equal(again.status, 'already-seeded')
    assert.equal(again.seed, 1)
    assert.deepEqual([await tableCounts(), await acceptancesHash()], before)
  })

  test('--reset replaces the demo with an identical one, and another seed with different data', async ({
    assert,
  }) => {
    await seedDemo(options)
    const first = [await tableCounts(), await acceptancesHash(), await unitsHash()]
    const reseeded = await seedDemo({ ...options, reset: true })
    assert.equal(reseeded.status, 'seeded')
    assert.deepEqual([await tableCounts(), await acceptancesHash(), await unitsHash()], first)
    await seedDemo({ ...small, seed: 2, reset: true })
    assert.notEqual(await acceptancesHash(), first[1])
    const counts = await tableCounts()
    assert.equal(counts.settlement_bm_units, 60)
  })

  test('--reset keeps rows the demo did not write', async ({ assert }) => {
    await db
      .table('settlement_tlfs')
      .insert({ zone: '_A', effective_from: '2025-12-01', effective_to: '2026-02-28', tlf: 0.0042 })
    await seedDemo(small)
    await seedDemo({ ...small, reset: true })
    const kept = await db
      .from('settlement_tlfs')
      .where({ zone: '_A', effective_from: '2025-12-01' })
    assert.lengthOf(kept, 1)
    assert.equal(kept[0].tlf, 0.0042)
  })

  test('the command seeds a clock-change day and prints a JSON summary', async ({ assert }) => {
    ace.ui.switchMode('raw')
    const command = await ace.create(DemoSeedCommand, [
      '--date',
      '2026-10-25',
      '--bm-units',
      '60',
      '--json',
    ])
    await command.exec()
    command.assertSucceeded()
    const output = JSON.parse(
      command.ui.logger
        .getLogs()
        .map((log) => log.message)
        .join('\n')
    )
    assert.deepEqual(output.days, [{ date: '2026-10-25', periods: 50 }])
    assert.equal(output.counts.settlement_bm_units, 60)
    assert.equal(output.counts.settlement_lolp, 50)
  })

  test('demo:logins prints the seeded logins again, and none without a demo', async ({
    assert,
  }) => {
    ace.ui.switchMode('raw')
    const printed = async () => {
      const command = await ace.create(DemoLoginsCommand, ['--json'])
      await command.exec()
      command.assertSucceeded()
      return JSON.parse(command.ui.logger.getLogs().at(-1)!.message)
    }
    assert.deepEqual(await printed(), [])
    const { logins } = await seedDemo(small)
    assert.deepEqual(await printed(), logins)
  })

  test('the command refuses bad flags and writes nothing', async ({ assert }) => {
    ace.ui.switchMode('raw')
    for (const args of [
      ['--date', '2026-02-30'],
      ['--bm-units', '10'],
      ['--days', '0'],
    ]) {
      const command = await ace.create(DemoSeedCommand, args)
      await command.exec()
      command.assertFailed()
    }
    const counts = await tableCounts()
    assert.equal(counts.customer_parties, 0)
  })

  test('a --reset the generator refuses leaves the existing demo in place', async ({ assert }) => {
    await seedDemo(small)
    const before = await tableCounts()
    ace.ui.switchMode('raw')
    // Run dates past 2028 are outside the bank-holiday calendar.
    const command = await ace.create(DemoSeedCommand, ['--reset', '--date', '2030-06-01'])
    await command.exec()
    command.assertFailed()
    assert.deepEqual(await tableCounts(), before)
  })
})
