import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import type { Page } from 'playwright'
import { createUser } from '#tests/helpers/users'
import { actorPage, hydrated, open, shot, signIn } from '#tests/fixtures/customer/browser'
import { seedDemo } from '#database/demo/demo_seed'
import { createRun } from '#settlement/actions/create_run'
import { executeRun } from '#settlement/actions/execute_run'
import { importSmallDay, SMALL_DATE } from '../../functional/settlement/support/fixtures.js'
import { runFinished } from '../../functional/settlement/support/live.js'

/** Every stage's status as the page shows it. */
function stageStatuses(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-stage]', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-stage')!,
        row.querySelector('[data-testid=stage-status]')!.textContent!.trim(),
      ])
    )
  )
}

/** What the window shows now (a full-page shot of the run page is too tall to read). */
async function viewShot(page: Page, name: string) {
  await page.screenshot({ path: app.makePath(`tmp/screenshots/${name}.png`) })
}

async function settleSmallDay(runType: string) {
  const runId = await createRun({ settlementDate: SMALL_DATE, runType, requestedBy: 'test' })
  const result = await executeRun(runId)
  if (result.status !== 'succeeded') throw new Error(result.error!.message)
  return runId
}

test.group('Browser: the settlement portal', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())
  // Insights republishing is tested on its own; here it would outlive the test's transaction.
  group.each.setup(() => {
    emitter.fake(['settlement:run_completed'])
    return () => emitter.restore()
  })

  test('an operator starts a run, watches its stages complete live, opens a period stack and traces', async ({
    browser,
    assert,
  }) => {
    const date = '2026-01-15'
    await seedDemo({ seed: 1, dates: [date], bmUnits: 2500 })
    // An earlier run of the day: the list has history, and the run page is compiled before the live one opens.
    const earlier = await createRun({ settlementDate: date, runType: 'II', requestedBy: 'test' })
    await executeRun(earlier)
    const operator = await actorPage(browser)
    await signIn(operator.page, await createUser({ role: 'operator', fullName: 'Grace Holt' }))
    const page = operator.page
    await open(page, `/settlement/runs/${earlier}`)
    await open(page, '/settlement/runs')
    await page.locator('#settlementDate').fill(date)
    await page.locator('#runType').selectOption('SF')
    await shot(page, 'settlement_01_runs_start_form')
    await page.getByRole('button', { name: 'Start run' }).click()
    await page.waitForURL(/\/settlement\/runs\/\d+$/)
    await hydrated(page)
    const runId = Number(page.url().split('/').pop())
    assert.notEqual(runId, earlier)

    /* Watch the page, not the database: every stage status it shows as SSE events arrive. */
    await page.evaluate(`(() => {
      window.seenStatuses = new Set()
      const record = () => document
        .querySelectorAll('[data-testid=stage-status]')
        .forEach((badge) => window.seenStatuses.add(badge.textContent.trim()))
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
      record()
    })()`)
    await page.locator('[data-testid=stage-status]', { hasText: 'running' }).first().waitFor()
    await page.getByTestId('live').waitFor()
    await shot(page, 'settlement_02_run_live')
    await page
      .getByTestId('run-status')
      .filter({ hasText: /succeeded|failed/ })
      .waitFor({ timeout: 90_000 })
    assert.equal(await runFinished(runId), 'succeeded')
    const seenStatuses = (await page.evaluate('[...window.seenStatuses]')) as string[]
    assert.includeMembers(seenStatuses, ['running', 'succeeded'])

    /* The finished run reloads with its results. */
    await page.getByTestId('chart').waitFor()
    await page.locator('[data-testid=chart] svg').first().waitFor()
    const finalStatuses = await stageStatuses(page)
    assert.lengthOf(Object.keys(finalStatuses), 16)
    assert.isTrue(Object.values(finalStatuses).every((s) => s === 'succeeded'))
    await shot(page, 'settlement_03_run_done')

    await page.getByRole('button', { name: 'Show the data table' }).first().click()
    await page.getByTestId('open-period-36').click()
    await page.getByTestId('stack-offer').waitFor()
    await page.getByTestId('trace').waitFor()
    assert.include(await page.locator('#trace-title').innerText(), 'System price of period 36')
    assert.include(await page.getByTestId('trace-stage').innerText(), 'imbalance_price')
    assert.match(page.url(), /period=36&trace=system_price/)
    assert.equal(await page.evaluate('document.activeElement?.id'), 'stack-title')
    await viewShot(page, 'settlement_04_period_stack')
    await page.locator('#trace-title').scrollIntoViewIfNeeded()
    await viewShot(page, 'settlement_05_price_trace')

    const firstCharge = page.locator('[data-testid^=trace-][data-testid$=-net]').first()
    const chargeId = (await firstCharge.getAttribute('data-testid'))!
    await firstCharge.click()
    const party = chargeId.slice('trace-'.length, -'-net'.length)
    await page.locator('#trace-title', { hasText: `Net of ${party}` }).waitFor()
    assert.include(await page.getByTestId('trace-stage').innerText(), 'party_totals')
    assert.equal(await page.evaluate('document.activeElement?.id'), 'trace-title')
    await viewShot(page, 'settlement_06_party_charge_trace')
    assert.deepEqual(operator.problems, [])
  }).timeout(240_000)

  test('a party user lands on its statements, opens one and downloads it as CSV', async ({
    browser,
    assert,
  }) => {
    await importSmallDay()
    const runId = await settleSmallDay('SF')
    const bracken = await actorPage(browser)
    await signIn(
      bracken.page,
      await createUser({ role: 'signatory', partyId: 'BRACKEN', fullName: 'Bea Bracken' })
    )
    const page = bracken.page
    await shot(page, 'settlement_07_party_dashboard')
    await open(page, '/settlement')
    await page.waitForURL('**/settlement/statements')
    await page.getByTestId('statements').waitFor()
    await shot(page, 'settlement_08_party_statements')
    await page.getByRole('link', { name: `SF #1 (run ${runId})` }).click()
    await page.waitForURL(`**/settlement/runs/${runId}/statements/BRACKEN`)
    await hydrated(page)
    await page.locator('#entity').selectOption('T_BRKN-1')
    await page.getByRole('button', { name: 'Show lines' }).click()
    await page.waitForURL(/entity=T_BRKN-1/)
    await page.locator('caption', { hasText: 'Lines of T_BRKN-1' }).waitFor({ state: 'attached' })
    await shot(page, 'settlement_09_party_statement')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download').click(),
    ])
    assert.equal(download.suggestedFilename(), `statement-BRACKEN-${SMALL_DATE}-SF1.csv`)
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trim().split('\r\n')
    assert.equal(lines[0], 'recordType,settlementDate,settlementPeriod,id,quantity,value')
    assert.isTrue(lines.some((line) => line.startsWith(`DPC,${SMALL_DATE},,BRACKEN,net,`)))
    assert.isFalse(csv.includes('NORTHWND'))

    await page.goto(`/settlement/runs/${runId}/statements/NORTHWND`)
    assert.include(await page.locator('main').innerText(), 'Page not found')
    assert.deepEqual(bracken.problems, [])
  }).timeout(120_000)

  test('an operator compares two runs and reads the data-quality trends', async ({
    browser,
    assert,
  }) => {
    await importSmallDay()
    const runA = await settleSmallDay('SF')
    await db
      .from('settlement_metered_volumes')
      .where('bm_unit_id', 'T_BRKN-1')
      .update({ volume: 250 })
    const runB = await settleSmallDay('R1')
    const operator = await actorPage(browser)
    await signIn(operator.page, await createUser({ role: 'operator' }))
    const page = operator.page
    await open(page, '/settlement/diff')
    assert.equal(await page.locator('#run-a').inputValue(), String(runA))
    assert.equal(await page.locator('#run-b').inputValue(), String(runB))
    await page.getByRole('button', { name: 'Compare' }).click()
    await page.getByTestId('diff-byBmUnit').waitFor()
    assert.include(await page.getByTestId('diff-byBmUnit').innerText(), 'T_BRKN-1')
    await shot(page, 'settlement_10_diff')
    await open(page, '/settlement/analytics')
    await page.getByTestId('trend-table').waitFor({ state: 'attached' })
    await page.locator('[data-testid=chart] svg').first().waitFor()
    await shot(page, 'settlement_11_analytics')
    assert.deepEqual(operator.problems, [])
  }).timeout(120_000)
})
