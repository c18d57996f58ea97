import { BALANCING_DATASETS } from './balancing_datasets.js'
import { DATASET_NAMES, type DatasetName, type DatasetSpec } from './dataset_spec.js'
import { REFERENCE_DATASETS } from './reference_datasets.js'
import { VOLUME_DATASETS } from './volume_datasets.js'

/** Every dataset `settlement:import` accepts, by name (FORMATS.md describes them). */
export const DATASETS = Object.fromEntries(
  [...REFERENCE_DATASETS, ...BALANCING_DATASETS, ...VOLUME_DATASETS].map((spec) => [
    spec.name,
    spec,
  ])
) as Record<DatasetName, DatasetSpec>

export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value)
}

export { DATASET_NAMES, type DatasetName, type DatasetSpec } from './dataset_spec.js'
