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
