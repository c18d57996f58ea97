/**
 * A small market for the website's tests, loaded through the Insights import
 * actions: the real 2018 files for two clock-change days (FUELHH, B1770
 * prices + B1780 NIV), small fixtures (INDO, FUELINST), a BM Unit, and
 * settlement runs (SF, R1) with stacks for 2018-10-28 through a stand-in for
 * the settlement context.
 */
import { importDatasetFile } from '#insights/index'
import { ingestSettlementRun } from '#insights/actions/ingest_settlement_run'
import { importFixture } from '../helpers/fixtures.js'
import { realDays } from '../helpers/real_data.js'
import { settlementDouble, type FakeRun } from '../helpers/settlement_double.js'

export const SPRING = '2018-03-25'
export const AUTUMN = '2018-10-28'

export async function seedGeneration(days = [SPRING, AUTUMN]) {
  await importDatasetFile('FUELHH', realDays('FUELHH_2018.csv', days), 'FUELHH_2018.csv')
}

/** Published prices and NIV of the spring day (imported, no run). */
export async function seedImportedPrices(days = [SPRING]) {
  await importDatasetFile('DISEBSP', realDays('B1770_2018.csv', days), 'B1770_2018.csv')
  await importDatasetFile('DISEBSP', realDays('B1780_2018.csv', days), 'B1780_2018.csv')
}

export const RUNS: FakeRun[] = [
  { runId: 801, settlementDate: AUTUMN, runType: 'SF', sandboxId: null, price: (p) => 40 + p },
  {
    runId: 802,
    settlementDate: AUTUMN,
    runType: 'R1',
    sandboxId: null,
    price: (p) => (p === 2 ? -12.5 : 45 + p),
  },
]

export async function seedRuns(runs = RUNS) {
  const source = settlementDouble(runs)
  for (const run of runs) await ingestSettlementRun(run, source)
}

export async function seedDemand() {
  await importFixture('INDO', 'indo_2018-03-25.csv')
}

export async function seedBmUnits() {
  const units = [
    {
      elexonBmUnit: 'T_DRAXX-1',
      nationalGridBmUnit: 'DRAXX-1',
      bmUnitName: 'Drax unit 1',
      leadPartyName: 'Drax Power Ltd',
      leadPartyId: 'DRAXPOWE',
      bmUnitType: 'T',
      fuelType: 'BIOMASS',
      generationCapacity: '645',
    },
    {
      elexonBmUnit: 'T_WBURB-3',
      nationalGridBmUnit: 'WBURB-3',
      bmUnitName: 'West Burton B 3',
      leadPartyName: 'EDF Energy',
      leadPartyId: 'EDFENERG',
      bmUnitType: 'T',
      fuelType: 'CCGT',
      generationCapacity: '440',
    },
  ]
  await importDatasetFile('BMUNITS', JSON.stringify(units), 'bmunits.json')
}

export async function seedAll() {
  await seedGeneration()
  await seedImportedPrices()
  await seedRuns()
  await seedDemand()
  await seedBmUnits()
}
