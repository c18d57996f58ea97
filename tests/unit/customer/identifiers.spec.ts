import { test } from '@japa/runner'
import {
  baseSupplierBmUnitIds,
  bmUnitIdProblem,
  isValidGbVat,
  isValidMsid,
  msidCheckDigit,
  UK_POSTCODE,
  COMPANY_NUMBER_GB,
} from '#customer/reference/identifiers'

test.group('Customer identifiers (customer.md §4, §7.2, §8.1)', () => {
  test('MSID check digits: the worked examples pass, a changed last digit fails', ({ assert }) => {
    for (const msid of ['1900012345670', '1900012345680', '1200098765433'])
      assert.isTrue(isValidMsid(msid), msid)
    assert.isFalse(isValidMsid('1900012345671'))
    assert.equal(msidCheckDigit('1900012345671'), 0)
    assert.isNull(msidCheckDigit('19000123456'))
    assert.isFalse(isValidMsid('19000123456AB'))
  })

  test('GB VAT numbers: mod-97 and the post-2010 mod-97-55 scheme; 12-digit branch form', ({
    assert,
  }) => {
    assert.isTrue(isValidGbVat('GB123456782'))
    assert.isTrue(isValidGbVat('GB123456782001'))
    assert.isFalse(isValidGbVat('GB123456789'))
    assert.isFalse(isValidGbVat('123456782'))
    assert.isFalse(isValidGbVat('GB12345678'))
    /* 1234567 weighted = 112; 112 + 27 + 55 = 194 = 2 × 97 */
    assert.isTrue(isValidGbVat('GB123456727'))
  })

  test('Companies House numbers and UK postcodes', ({ assert }) => {
    for (const ok of ['15234567', 'SC123456', 'NI000123']) assert.match(ok, COMPANY_NUMBER_GB)
    for (const bad of ['1523456', 'S1234567', '152345678']) assert.notMatch(bad, COMPANY_NUMBER_GB)
    for (const ok of ['SW1A 1AA', 'BS1 4DJ', 'M1 1AE', 'EC1A 1BB', 'W1A 0AX', 'GIR 0AA', 'BS14DJ'])
      assert.match(ok, UK_POSTCODE, ok)
    for (const bad of ['XX1 ZZZ9', 'BS1 4CJ', '12345', 'QS1 4DJ'])
      assert.notMatch(bad, UK_POSTCODE, bad)
  })

  test('BM Unit ids fit their type, GSP letter and owner code', ({ assert }) => {
    assert.isNull(bmUnitIdProblem('T_DRAXX-1', 'T', null, null))
    assert.isNull(bmUnitIdProblem('E_ABRBO-1', 'E', '_N', null))
    assert.isNull(bmUnitIdProblem('I_IFD-FRAN1', 'I', null, null))
    assert.isNull(bmUnitIdProblem('2__NNATP001', 'S', '_N', 'NATP'))
    assert.isNull(bmUnitIdProblem('C__PSMAR001', 'S', '_P', 'SMAR'))
    assert.isNull(bmUnitIdProblem('V__JFNMF001', 'V', '_J', 'FNMF'))
    assert.match(bmUnitIdProblem('V__IFNMF001', 'V', '_J', 'FNMF')!, /Not a valid V/)
    assert.match(bmUnitIdProblem('V__OFNMF001', 'V', null, 'FNMF')!, /Not a valid V/)
    assert.match(bmUnitIdProblem('V__CFNMF001', 'V', '_J', 'FNMF')!, /must match/)
    assert.match(bmUnitIdProblem('V__JOTHR001', 'V', '_J', 'FNMF')!, /your own/)
    assert.match(bmUnitIdProblem('T_DRAXX-1', 'E', null, null)!, /Not a valid E/)
    assert.match(bmUnitIdProblem('T_ABCDEFGH-12', 'T', null, null)!, /at most 11/)
    assert.match(bmUnitIdProblem('M_OLD-1', 'T', null, null)!, /Not a valid T/)
  })

  test('a Supplier gets one Base BM Unit per GSP Group, 14 in all, never I or O', ({ assert }) => {
    const ids = baseSupplierBmUnitIds('HRBL')
    assert.lengthOf(ids, 14)
    assert.equal(ids[0], '2__AHRBL000')
    assert.equal(ids[13], '2__PHRBL000')
    assert.isFalse(ids.some((id) => id[3] === 'I' || id[3] === 'O'))
  })
})
