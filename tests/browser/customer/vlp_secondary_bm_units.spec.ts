import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { createUser } from '#tests/helpers/users'
import { grant, makeParty, registerRole, workingDaysAhead } from '#tests/fixtures/customer/world'
import { act, actorPage, open, shot, signIn, success } from '#tests/fixtures/customer/browser'
import type { Page } from 'playwright'

async function registerUnit(page: Page, id: string, name: string, gsp: string, ngc: string) {
  await page.locator('#gspGroupId').selectOption(gsp)
  await page.locator('#bmUnitId').fill(id)
  await page.locator('#bmUnitName').fill(name)
  await page.locator('#nationalGridBmUnit').fill(ngc)
  await page.locator('#generationCapacity').fill('20')
  await page.locator('#demandCapacity').fill('-20')
  await page.locator('#effectiveFrom').fill(workingDaysAhead(2))
  await page.getByRole('button', { name: 'Submit registration' }).click()
  await success(page, `BM Unit ${id} submitted for validation`)
}

async function addMeteringSystem(page: Page, msid: string, gsp: string) {
  await page.locator('#ms-msid').fill(msid)
  await page.locator('#ms-gsp').selectOption(gsp)
  await page.getByRole('button', { name: 'Add metering system' }).click()
  await success(page, `Metering system ${msid} added`)
}

test.group('Browser: a Virtual Lead Party registers Secondary BM Units', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('V__ units with on-screen checks, operator registration, MSID Pairs with per-row results', async ({
    browser,
    assert,
  }) => {
    await makeParty('FENMOOR', { name: 'Fenmoor Flex Ltd', participantCode: 'FNMF' })
    await registerRole('FENMOOR', 'VLP')
    const catA = await grant(
      await createUser({ role: 'signatory', partyId: 'FENMOOR', fullName: 'Fern Moor' }),
      'FENMOOR',
      ['A', 'B']
    )
    const vlp = await actorPage(browser)
    await signIn(vlp.page, catA)
    await open(vlp.page, '/customer/parties/FENMOOR/assets')

    /* The form explains a wrong id before it is sent: the GSP letter must be the unit's group. */
    await vlp.page.locator('#gspGroupId').selectOption('_J')
    await vlp.page.locator('#bmUnitId').fill('V__CFNMF001')
    await vlp.page.locator('#bmUnitId-error', { hasText: 'The GSP letter must be J' }).waitFor()
    await vlp.page.locator('#bmUnitId').fill('V__JFNMF00')
    await vlp.page.locator('#bmUnitId-error', { hasText: 'Expected V__' }).waitFor()
    await shot(vlp.page, 'customer_vlp_01_on_screen_check')

    /* The server refuses what the screen cannot know: a code that is not the party's. */
    await vlp.page.locator('#bmUnitName').fill('Fenmoor Kent Batteries')
    await vlp.page.locator('#nationalGridBmUnit').fill('FNMF-J1')
    await vlp.page.locator('#effectiveFrom').fill(workingDaysAhead(2))
    await vlp.page.locator('#bmUnitId').fill('V__JABCD001')
    await vlp.page.getByRole('button', { name: 'Submit registration' }).click()
    await vlp.page.locator('#bmUnitId-error', { hasText: 'must be your own (FNMF)' }).waitFor()

    await open(vlp.page, '/customer/parties/FENMOOR/assets')
    await registerUnit(vlp.page, 'V__JFNMF001', 'Fenmoor Kent Batteries', '_J', 'FNMF-J1')
    await open(vlp.page, '/customer/parties/FENMOOR/assets')
    await registerUnit(vlp.page, 'V__CFNMF001', 'Fenmoor London Heat Pumps', '_C', 'FNMF-C1')
    await addMeteringSystem(vlp.page, '1900012345670', '_J')
    await addMeteringSystem(vlp.page, '1900012345680', '_J')
    await addMeteringSystem(vlp.page, '1200098765433', '_C')
    await shot(vlp.page, 'customer_vlp_02_units_submitted')

    /* Elexon registers both units. */
    const op = await actorPage(browser)
    await signIn(op.page, await createUser({ role: 'operator' }))
    for (const id of ['V__JFNMF001', 'V__CFNMF001']) {
      await open(op.page, '/customer/parties/FENMOOR/assets')
      await act(op.page, `approve-unit-${id}`, 'BM Unit registered')
    }

    /* MSID Pairs: each row accepted or rejected with its reason. */
    const from = workingDaysAhead(8)
    await open(vlp.page, '/customer/parties/FENMOOR/assets')
    assert.equal(await vlp.page.getByTestId('unit-state-V__JFNMF001').innerText(), 'REGISTERED')
    /* The pairs come as a CSV file; rows without an end date leave the column out. */
    await vlp.page.locator('#msid-file').setInputFiles({
      name: 'fenmoor_pairs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'bmUnitId,importMsid,exportMsid,effectiveFrom',
          `V__JFNMF001,1900012345670,1900012345680,${from}`,
          `V__CFNMF001,1900012345670,,${from}`,
          `V__CFNMF001,1200098765434,,${from}`,
          `V__CFNMF001,1200098765433,,${workingDaysAhead(3)}`,
          `V__CFNMF001,12,,${from}`,
        ].join('\n')
      ),
    })
    await vlp.page.getByRole('button', { name: 'Upload the allocations' }).click()
    await success(vlp.page, '1 of 5 MSID Pair row(s) accepted, 4 rejected')
    const results = await vlp.page
      .locator('[data-testid^="msid-upload-"]')
      .first()
      .locator('tbody tr')
      .allInnerTexts()
    assert.lengthOf(results, 5)
    assert.isTrue(results.some((row) => /accepted/.test(row) && row.includes('1900012345670')))
    assert.isTrue(results.some((row) => /already allocated to V__JFNMF001/.test(row)))
    assert.isTrue(results.some((row) => /check digit wrong \(expected 3\)/.test(row)))
    assert.isTrue(results.some((row) => /inside the lead time/.test(row)))
    assert.isTrue(results.some((row) => /Malformed row: importMsid/.test(row)))
    await shot(vlp.page, 'customer_vlp_03_msid_pairs')
    assert.deepEqual([...vlp.problems, ...op.problems], [])
  }).timeout(180000)
})
