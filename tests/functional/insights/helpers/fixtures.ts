import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { importDatasetFile } from '#insights/actions/import_dataset_file'

export function fixture(name: string): string {
  return readFileSync(app.makePath('tests/fixtures/insights', name), 'utf8')
}

/** Imports a fixture file into a dataset, as `node ace insights:import` would. */
export function importFixture(dataset: string, name: string) {
  return importDatasetFile(dataset, fixture(name), name)
}

/** A registered transmission-connected CCGT, as the customer register announces it (REMIT assets). */
export function registeredUnit(elexonBmUnit: string, leadPartyId: string) {
  return {
    elexonBmUnit,
    nationalGridBmUnit: elexonBmUnit.replace(/^T_/, ''),
    bmUnitName: `${elexonBmUnit} unit`,
    leadPartyId,
    leadPartyName: `${leadPartyId} Ltd`,
    bmUnitType: 'T',
    gspGroupId: null,
    fuelType: 'CCGT',
    generationCapacity: 780,
    demandCapacity: 0,
    productionOrConsumptionFlag: 'P' as const,
    fpnFlag: true,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    tradingUnitId: null,
  }
}
