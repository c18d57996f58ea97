import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { Secret, TOTP } from 'otpauth'
import { createUser } from '#tests/helpers/users'
import { PDF_BYTES, todayIso, workingDaysAhead } from '#tests/fixtures/customer/world'
import {
  act,
  actorPage,
  hydrated,
  invitationPath,
  open,
  shot,
  signIn,
  success,
} from '#tests/fixtures/customer/browser'

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF_BYTES })

test.group('Browser: a new Supplier from expression of interest to go-live', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('EoI → invite → accession → Cat A approval → accession → role → qualification → go-live', async ({
    browser,
    assert,
  }) => {
    /* 1. The prospect's public Expression of Interest. */
    const prospect = await actorPage(browser)
    await open(prospect.page, '/customer/join')
    await prospect.page.locator('#companyName').fill('Harbourlight Energy Ltd')
    await prospect.page.locator('#registeredNumber').fill('15234567')
    await prospect.page.locator('#contactName').fill('Dan Wells')
    await prospect.page.locator('#email').fill('dan@harbourlight.test')
    await prospect.page.getByRole('checkbox', { name: /^Supplier/ }).check()
    await prospect.page.getByRole('button', { name: 'Send expression of interest' }).click()
    await success(prospect.page, /your reference is EOI-/)
    const reference = /EOI-[0-9A-F]{8}/.exec(
      await prospect.page.locator('.flash-success').innerText()
    )![0]
    await shot(prospect.page, 'customer_01_expression_of_interest')

    /* 2. The operator triages it from the work queue and invites the assistant. */
    const operatorUser = await createUser({ role: 'operator', fullName: 'Olga Operator' })
    const op = await actorPage(browser)
    await signIn(op.page, operatorUser)
    await open(op.page, '/customer/operator/queue')
    await op.page
      .getByTestId('work-queue')
      .getByRole('link', { name: 'Harbourlight Energy Ltd' })
      .click()
    await op.page.waitForURL(`**/customer/parties/${reference}`)
    await shot(op.page, 'customer_02_operator_party')
    await act(op.page, 'invite-assistant', 'Invitation sent')

    /* 3. The assistant accepts the invitation and prepares the accession. */
    const dan = await actorPage(browser)
    await open(dan.page, await invitationPath('dan@harbourlight.test'))
    await dan.page.locator('#password').fill('harbour light assistant')
    await dan.page.locator('#passwordConfirmation').fill('harbour light assistant')
    await dan.page.getByRole('button', { name: 'Set password and sign in' }).click()
    await dan.page.waitForURL(`**/customer/parties/${reference}`)
    await open(dan.page, `/customer/parties/${reference}/accession`)
    await dan.page.locator('#vatNumber').fill('GB123456789')
    await dan.page.locator('#proposedPartyId').fill('HRBLIGHT')
    await dan.page.locator('#registeredAddress-line1').fill('1 Quay Street')
    await dan.page.locator('#registeredAddress-town').fill('Bristol')
    await dan.page.locator('#registeredAddress-postcode').fill('BS1 4DJ')
    await dan.page.getByRole('button', { name: 'Save company details' }).click()
    await dan.page.locator('#vatNumber-error', { hasText: 'check-digit' }).waitFor()
    await shot(dan.page, 'customer_03_accession_field_error')
    await dan.page.locator('#vatNumber').fill('GB123456782')
    await dan.page.getByRole('button', { name: 'Save company details' }).click()
    await success(dan.page, 'Accession details saved')
    await dan.page.locator('#agreement').setInputFiles(pdf('accession-agreement.pdf'))
    await dan.page.getByTestId('agreement-upload').getByRole('button', { name: 'Upload' }).click()
    await success(dan.page, 'Agreement uploaded')
    await dan.page.locator('#contact-fullName').fill('Ana Ruiz')
    await dan.page.locator('#contact-email').fill('ana@harbourlight.test')
    await dan.page.getByTestId('contact-form').getByLabel('primary').check()
    await dan.page.getByRole('button', { name: 'Add contact' }).click()
    await success(dan.page, /Change prepared/)
    await dan.page.locator('#bank-accountName').fill('Harbourlight Energy Ltd')
    await dan.page.locator('#bank-sortCode').fill('40-12-76')
    await dan.page.locator('#bank-accountNumber').fill('71234567')
    await dan.page.locator('#bank-bankName').fill('HSBC')
    await dan.page.getByRole('button', { name: 'Save bank details' }).click()
    await success(dan.page, /Change prepared/)
    await dan.page.locator('#sig-fullName').fill('Ana Ruiz')
    await dan.page.locator('#sig-email').fill('ana@harbourlight.test')
    await dan.page.getByTestId('signatory-form').getByRole('checkbox', { name: 'F' }).check()
    await dan.page.locator('#sig-directorsLetter').setInputFiles(pdf('directors-letter.pdf'))
    await dan.page.getByRole('button', { name: 'Nominate' }).click()
    await success(dan.page, 'Nomination sent for approval')
    await act(dan.page, 'submit-accession', 'Accession sent for Category A approval')
    await shot(dan.page, 'customer_04_accession_submitted')

    /* 4. The operator activates the first Category A on the Director's Letter. */
    await open(op.page, `/customer/parties/${reference}/signatories`)
    await op.page.locator('[data-testid^="approve-nomination-"] button').click()
    await success(op.page, 'Signatory approved')

    /* 5. The Cat A accepts, enrols MFA, approves the prepared changes and the accession. */
    const ana = await actorPage(browser)
    await open(ana.page, await invitationPath('ana@harbourlight.test'))
    await ana.page.locator('#password').fill('harbour light signatory')
    await ana.page.locator('#passwordConfirmation').fill('harbour light signatory')
    await ana.page.getByRole('button', { name: 'Set password and sign in' }).click()
    await ana.page.waitForURL('**/account/mfa/setup')
    await hydrated(ana.page)
    const secret = await ana.page.getByTestId('mfa-secret').innerText()
    await ana.page
      .locator('#code')
      .fill(TOTP.generate({ secret: Secret.fromBase32(secret.replace(/\s/g, '')) }))
    await ana.page.getByRole('button', { name: 'Turn on' }).click()
    await ana.page.waitForURL((url) => !url.pathname.endsWith('/account/mfa/setup'))
    await open(ana.page, `/customer/parties/${reference}/account`)
    for (let i = 0; i < 2; i++) {
      await ana.page.locator('[data-testid^="approve-change-"] button').first().click()
      await success(ana.page, 'Change approved')
      await open(ana.page, `/customer/parties/${reference}/account`)
    }
    await open(ana.page, `/customer/parties/${reference}/accession`)
    await act(ana.page, 'approve-accession-draft', 'Accession approved and sent to Elexon')
    await shot(ana.page, 'customer_05_cat_a_approved')

    /* 6. The operator approves the accession: Party ID allocated, agreement dated. */
    await open(op.page, `/customer/parties/${reference}`)
    await act(op.page, 'approve-accession', 'Accession completed: Party ID HRBLIGHT')
    await op.page.waitForURL('**/customer/parties/HRBLIGHT')
    await shot(op.page, 'customer_06_acceded')

    /* 7. The Cat A opens and submits the Supplier role registration. */
    await open(ana.page, '/customer/parties/HRBLIGHT/roles')
    await ana.page.locator('#roleCode').selectOption('SUPPLIER')
    await ana.page.locator('#targetEffectiveFrom').fill(workingDaysAhead(10))
    await ana.page.locator('#participantCode').fill('HRBL')
    await ana.page.getByRole('button', { name: 'Open the registration' }).click()
    await success(ana.page, 'Role registration opened')
    await act(ana.page, 'submit-role', 'Role registration submitted')

    /* 8. Qualification: Elexon records the steps, the party submits its SAD. */
    await open(op.page, '/customer/parties/HRBLIGHT/roles')
    await act(op.page, 'start-qualification', 'Qualification started')
    const step = async (page: typeof op.page, kind: string, state: string) => {
      await open(page, '/customer/parties/HRBLIGHT/roles')
      await act(page, `advance-${kind}-${state}`, 'Qualification updated')
    }
    for (const [kind, state] of [
      ['CVA', 'TESTING'],
      ['CVA', 'PASSED'],
      ['REC', 'SCENARIO_TESTING'],
      ['REC', 'PASSED'],
      ['SVA', 'SAD_IN_PROGRESS'],
    ])
      await step(op.page, kind, state)
    await step(ana.page, 'SVA', 'SAD_SUBMITTED')
    for (const state of ['EVIDENCE_REVIEW', 'QSP_REPORTED', 'PAB_DECISION', 'QUALIFIED'])
      await step(op.page, 'SVA', state)
    /* 9. A Supplier trades: the Cat A names the 24-hour credit contacts, Elexon records the cover. */
    await open(ana.page, '/customer/parties/HRBLIGHT/credit')
    for (const [index, [name, email, phone]] of [
      ['Tom Okafor', 'tom@harbourlight.test', '+44 7700 900123'],
      ['Priya Shah', 'priya@harbourlight.test', '+44 7700 900456'],
    ].entries()) {
      await ana.page.locator(`#cc-${index}-name`).fill(name)
      await ana.page.locator(`#cc-${index}-email`).fill(email)
      await ana.page.locator(`#cc-${index}-phone`).fill(phone)
    }
    await ana.page.getByRole('button', { name: 'Save the credit contacts' }).click()
    await success(ana.page, '24-hour credit contacts saved')
    await open(op.page, '/customer/parties/HRBLIGHT/credit')
    await op.page.locator('#lodge-amount').fill('250000')
    await op.page.locator('#lodge-reference').fill('LC-HRB-0001')
    await op.page.getByRole('button', { name: 'Record the lodgement' }).click()
    await success(op.page, 'Credit Cover lodgement recorded')
    assert.include(await op.page.getByTestId('credit-position').innerText(), '£250,000.00')
    await shot(op.page, 'customer_07_credit_cover')
    await open(op.page, '/customer/parties/HRBLIGHT/roles')
    assert.equal(
      await op.page.getByTestId('role-case-SUPPLIER').getByTestId('role-state').innerText(),
      'READY_TO_REGISTER'
    )
    await act(op.page, 'register-role', 'Role registered')
    await shot(op.page, 'customer_07_role_registered')

    /* 10. Go-live once the role is effective (the date is moved to today to stand for time passing). */
    await db
      .from('customer_party_roles')
      .where('party_id', 'HRBLIGHT')
      .update({ effective_from: todayIso() })
    await open(op.page, '/customer/parties/HRBLIGHT')
    await act(op.page, 'go-live', 'The party is live')
    assert.equal(await op.page.getByTestId('entry-state').innerText(), 'ACTIVE')
    await shot(op.page, 'customer_08_live')
    await open(ana.page, '/customer/parties/HRBLIGHT/assets')
    assert.equal(await ana.page.getByTestId('bm-units').locator('tbody tr').count(), 14)

    assert.deepEqual([...prospect.problems, ...op.problems, ...dan.problems, ...ana.problems], [])
  }).timeout(240000)
})
