import { mkdirSync, readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import {
  AUTUMN,
  SPRING,
  seedAll,
  seedDemand,
  seedGeneration,
} from '../../functional/insights/website/seed.js'

/** Resolves once Vue has hydrated the server-rendered page. */
async function hydrated(page: Page) {
  await page.waitForFunction(
    "[...document.querySelectorAll('body *')].some((element) => '__vue_app__' in element)"
  )
}

/** Hydration mismatches and page errors (Vite's HMR socket is off in tests: that one is expected). */
function watchConsole(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (/hydration/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => {
    if (!/^WebSocket closed without opened/.test(error.message)) problems.push(error.message)
  })
  return problems
}

async function screenshot(page: Page, name: string) {
  mkdirSync(app.makePath('tmp/screenshots'), { recursive: true })
  await page.screenshot({
    path: app.makePath(`tmp/screenshots/insights_${name}.png`),
    fullPage: true,
  })
}

/** The drawn chart of a chart panel (ECharts' SVG output). */
function chartSvg(page: Page, chart: string) {
  return page.locator(`[data-chart="${chart}"] [data-testid="chart-area"] svg`).first()
}

test.group('Insights website in Chromium', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.timeout(60_000)

  test('generation mix: the chart draws after hydration, the date changes, the CSV downloads', async ({
    visit,
    assert,
  }) => {
    await seedGeneration()
    const page = await visit(`/insights/generation?date=${AUTUMN}`)
    const problems = watchConsole(page)
    await hydrated(page)
    await chartSvg(page, 'generation-day').waitFor()
    assert.include(
      await page.locator('[data-chart="generation-day"] figcaption').innerText(),
      '50 settlement periods'
    )
    // The table is the text alternative: folded after hydration, one click away.
    const toggle = page
      .locator('[data-chart="generation-day"]')
      .getByRole('button', { name: 'Show data table' })
    await toggle.click()
    assert.equal(await page.locator('[data-chart="generation-day"] tbody tr').count(), 50)
    await screenshot(page, 'generation')

    await page.getByLabel('Settlement date').fill(SPRING)
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await page.waitForURL(`**/insights/generation?date=${SPRING}**`)
    await page.getByRole('heading', { name: `Generation by fuel type on ${SPRING}` }).waitFor()
    await chartSvg(page, 'generation-day').waitFor()

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-chart="generation-day"]').getByTestId('download-csv').click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n')
    assert.lengthOf(csv, 1 + 46)
    assert.match(csv[0], /^settlementPeriod,localTime,startTime,/)
    assert.deepEqual(problems, [])
  })

  test('system prices: price line and NIV bars, run type in the URL, stack of a period', async ({
    visit,
    assert,
  }) => {
    await seedAll()
    const page = await visit(`/insights/system-prices?date=${AUTUMN}`)
    const problems = watchConsole(page)
    await hydrated(page)
    await chartSvg(page, 'system-prices').waitFor()
    assert.include(await page.getByText('Showing the R1 run').innerText(), 'R1')
    await screenshot(page, 'system_prices')

    await page.getByLabel('Run type').selectOption('SF')
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await page.waitForURL(`**/insights/system-prices?date=${AUTUMN}&runType=SF`)
    await page.getByText('Showing the SF run').waitFor()

    await page.getByRole('link', { name: '1', exact: true }).click()
    await page.waitForURL(`**/insights/stack?date=${AUTUMN}&period=1&runType=SF`)
    await page.getByTestId('offer-stack').waitFor()
    await chartSvg(page, 'price-stack').waitFor()
    assert.equal(await page.getByTestId('final-ssp').innerText(), '41 £/MWh')
    await screenshot(page, 'stack')
    assert.deepEqual(problems, [])
  })

  test('analysis: a three-series chart, and its share link reproduces it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    await seedAll()
    const page = await visit('/insights/analysis')
    const problems = watchConsole(page)
    await hydrated(page)
    await page.getByLabel('Series 1').selectOption('sbp')
    await page.getByLabel('Series 2 (optional)').selectOption('gen:NUCLEAR')
    await page.getByLabel('Series 3 (optional)').selectOption('niv')
    await page.getByLabel('From', { exact: true }).fill(SPRING)
    await page.getByLabel('To', { exact: true }).fill(SPRING)
    await page.getByLabel('Aggregate by').selectOption('period')
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await page.waitForURL('**/insights/analysis?series=sbp%2Cgen%3ANUCLEAR%2Cniv**')
    await chartSvg(page, 'analysis').waitFor()
    const legend = await page
      .locator('[data-chart="analysis"] [data-testid="chart-area"]')
      .innerText()
    for (const name of ['System buy price', 'Nuclear generation', 'Net imbalance volume'])
      assert.include(legend, name)
    const title = await page.locator('[data-chart="analysis"] h2').innerText()
    await screenshot(page, 'analysis')

    const link = await page.getByTestId('share-link').inputValue()
    assert.include(link, 'agg=period')
    const shared = await browserContext.newPage()
    await shared.goto(link)
    await hydrated(shared)
    await chartSvg(shared, 'analysis').waitFor()
    assert.equal(await shared.locator('[data-chart="analysis"] h2').innerText(), title)
    assert.equal(await shared.getByLabel('Series 3 (optional)').inputValue(), 'niv')
    assert.deepEqual(problems, [])
  })

  test('a page refreshes itself when new data for it lands', async ({ visit, assert }) => {
    const page = await visit(`/insights/demand?date=${SPRING}`)
    await hydrated(page)
    await page.getByTestId('chart-empty').waitFor()
    await page.getByText('Live: refreshes when new INDO data lands').waitFor()
    await seedDemand()
    await chartSvg(page, 'demand').waitFor({ timeout: 15_000 })
    assert.equal(await page.getByTestId('chart-empty').count(), 0)
  })

  test('data requests: errors under the fields, then a streamed file', async ({
    visit,
    assert,
  }) => {
    await seedGeneration([SPRING])
    const page = await visit('/insights/requests')
    await hydrated(page)
    await page.getByLabel('Dataset', { exact: true }).selectOption('FUELHH')
    await page.getByLabel('From (settlement date)').fill('2018-04-01')
    await page.getByLabel('To (settlement date)').fill(SPRING)
    await page.getByRole('button', { name: 'Download' }).click()
    await page.locator('#rq-to-error').waitFor()
    assert.include(await page.locator('#rq-to-error').innerText(), 'must not be before')
    await screenshot(page, 'requests')

    await page.getByLabel('From (settlement date)').fill(SPRING)
    await page.getByLabel('Wind', { exact: true }).check()
    await page.getByLabel('JSON', { exact: true }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ])
    assert.equal(download.suggestedFilename(), `FUELHH_${SPRING}_${SPRING}.json`)
    const rows = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    assert.lengthOf(rows, 46)
    assert.isTrue(rows.every((row: any) => row.fuelType === 'WIND'))
  })

  test('the BM Unit page draws its series; the overview lists the data held', async ({ visit }) => {
    await seedAll()
    const units = await visit('/insights/bmunits/T_DRAXX-1?date=' + AUTUMN)
    await hydrated(units)
    await chartSvg(units, 'bm-unit').waitFor()
    await screenshot(units, 'bm_unit')
    const overview = await visit('/insights')
    await hydrated(overview)
    await screenshot(overview, 'overview')
  })
})
