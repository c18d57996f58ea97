/**
 * The dataset registry: every definition, layout, fuel type and run type,
 * read from the YAML beside this file once and validated all together, so a
 * bad configuration stops the app at boot with the file and place named.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DefinitionError, type DatasetDefinition } from './definition.js'
import { parseDefinition } from './definition_parser.js'
import { parseLayout, type Layout } from './layout.js'

export interface FuelType {
  code: string
  name: string
  outturn: boolean
  interconnector: boolean
  /** Chart colour (#rrggbb) on the website. */
  color: string
}

export interface Registry {
  datasets: Map<string, DatasetDefinition>
  layouts: Layout[]
  fuelTypes: Map<string, FuelType>
  /** Run types in supersession order; rank = index + 1 (imports rank 0). */
  runTypes: string[]
}

const ROOT = new URL('./', import.meta.url)

function readYaml(url: URL, label: string): unknown {
  try {
    return parse(readFileSync(url, 'utf8'))
  } catch (error) {
    throw new DefinitionError(label, '(file)', (error as Error).message)
  }
}

function yamlFiles(folder: string): string[] {
  return readdirSync(new URL(folder, ROOT))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
}

function loadFuelTypes(): Map<string, FuelType> {
  const raw = readYaml(new URL('fuel_types.yaml', ROOT), 'fuel_types.yaml') as any
  if (!Array.isArray(raw?.fuelTypes)) {
    throw new DefinitionError('fuel_types.yaml', 'fuelTypes', 'is required (a list)')
  }
  const map = new Map<string, FuelType>()
  raw.fuelTypes.forEach((entry: any, index: number) => {
    if (typeof entry?.code !== 'string' || !/^[A-Z][A-Z0-9]*$/.test(entry.code)) {
      throw new DefinitionError(
        'fuel_types.yaml',
        `fuelTypes[${index}].code`,
        'must be an upper-case code'
      )
    }
    if (map.has(entry.code)) {
      throw new DefinitionError(
        'fuel_types.yaml',
        `fuelTypes[${index}]`,
        `${entry.code} appears twice`
      )
    }
    if (typeof entry.color !== 'string' || !/^#[0-9a-f]{6}$/i.test(entry.color)) {
      throw new DefinitionError(
        'fuel_types.yaml',
        `fuelTypes[${index}].color`,
        'must be a #rrggbb colour'
      )
    }
    map.set(entry.code, {
      code: entry.code,
      name: String(entry.name ?? entry.code),
      outturn: entry.outturn === true,
      interconnector: entry.interconnector === true,
      color: entry.color.toLowerCase(),
    })
  })
  return map
}

function loadRunTypes(): string[] {
  const raw = readYaml(new URL('run_types.yaml', ROOT), 'run_types.yaml') as any
  const list = raw?.runTypes
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((t: unknown) => typeof t !== 'string')
  ) {
    throw new DefinitionError(
      'run_types.yaml',
      'runTypes',
      'is required (a list of run type codes)'
    )
  }
  return list
}

/** Builds a registry from the YAML files (exported for tests that load it fresh). */
export function loadRegistry(): Registry {
  const datasets = new Map<string, DatasetDefinition>()
  for (const file of yamlFiles('definitions/')) {
    const definition = parseDefinition(readYaml(new URL(`definitions/${file}`, ROOT), file), file)
    if (datasets.has(definition.code)) {
      throw new DefinitionError(
        file,
        'code',
        `${definition.code} is already defined by ${datasets.get(definition.code)!.file}`
      )
    }
    datasets.set(definition.code, definition)
  }
  const layouts = yamlFiles('layouts/').map((file) =>
    parseLayout(readYaml(new URL(`layouts/${file}`, ROOT), file), file, datasets)
  )
  return { datasets, layouts, fuelTypes: loadFuelTypes(), runTypes: loadRunTypes() }
}

let current: Registry | undefined

export function registry(): Registry {
  current ??= loadRegistry()
  return current
}

/** The definition of a dataset code, or undefined (callers answer 400 / reject the import). */
export function findDataset(code: string): DatasetDefinition | undefined {
  return registry().datasets.get(code.toUpperCase())
}

export function runRank(runType: string): number {
  const index = registry().runTypes.indexOf(runType)
  return index < 0 ? -1 : index + 1
}
