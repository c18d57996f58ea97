import { parse } from 'yaml'
import {
  idList,
  isRecord,
  isText,
  parallelRun,
  parameterChanges,
  positions,
  show,
  STAGE_ID,
  textList,
} from './manifest_fields.js'
import type { ParameterValue } from './stage.js'

/**
 * The `manifest.yaml` of a Modification plugin (`rules/modifications/<id>/`),
 * checked field by field. Every problem is collected, so one rejection names
 * them all; nothing about a plugin is used unless its manifest is valid.
 *
 *   id: p999_example            # = folder name
 *   version: 2                  # positive integer
 *   title: …
 *   bscReferences: [BSC Section T 4.4]
 *   mode: production            # or sandbox: never in a production rule set
 *   overrides: [imbalance_price]
 *   adds: [{ stage: vtp_volumes, after: credited_energy }]
 *   parameters: [{ name: par_volume, values: { '2030-04-01': 5 } }]
 *   requires: [p376]  conflicts: [p462]  precedence: 10
 *   parallelRun: { tolerances: { default: 0.005, system_prices.systemSellPrice: 0.00001 },
 *                  ignore: [{ output: stack.finalPrice, reason: … }] }   # or a whole frame
 */
export type PluginMode = 'production' | 'sandbox'

export interface StagePosition {
  stage: string
  before?: string
  after?: string
}

export interface ParameterChange {
  name: string
  values: Record<string, ParameterValue>
}

export interface ParallelRunPolicy {
  /** absolute tolerances: `default` and per `<frame>.<column>` */
  tolerances: Record<string, number>
  ignore: { output: string; reason: string }[]
}

export interface PluginManifest {
  id: string
  version: number
  title: string
  bscReferences: string[]
  mode: PluginMode
  overrides: string[]
  adds: StagePosition[]
  parameters: ParameterChange[]
  requires: string[]
  conflicts: string[]
  precedence: number | null
  parallelRun: ParallelRunPolicy
}

export class ManifestError extends Error {
  readonly pluginId: string
  readonly problems: string[]

  constructor(pluginId: string, problems: string[]) {
    super(`Modification "${pluginId}" rejected: ${problems.join('; ')}`)
    this.name = 'ManifestError'
    this.pluginId = pluginId
    this.problems = problems
  }
}

export const PLUGIN_ID = /^[a-z0-9_]+$/
const FIELDS = new Set([
  'id',
  'version',
  'title',
  'bscReferences',
  'mode',
  'overrides',
  'adds',
  'parameters',
  'requires',
  'conflicts',
  'precedence',
  'parallelRun',
])

/** Parses and checks a manifest; `folder` is the plugin folder's name, which the id must equal. */
export function parseManifest(text: string, folder: string): PluginManifest {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    throw new ManifestError(folder, [
      `manifest.yaml is not valid YAML: ${(error as Error).message}`,
    ])
  }
  if (!isRecord(doc)) throw new ManifestError(folder, ['manifest.yaml must be a mapping'])
  const problems: string[] = []
  for (const key of Object.keys(doc))
    if (!FIELDS.has(key)) problems.push(`unknown field "${key}" in manifest.yaml`)

  if (doc.id !== folder)
    problems.push(`id must be "${folder}" (the folder name), got ${show(doc.id)}`)
  if (!PLUGIN_ID.test(folder) || folder === 'baseline')
    problems.push(`the folder name "${folder}" is not a plugin id ([a-z0-9_]+, not "baseline")`)
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1)
    problems.push(`version must be a positive integer, got ${show(doc.version)}`)
  if (!isText(doc.title)) problems.push('title must be a non-empty string')
  const bscReferences = textList(doc.bscReferences, 'bscReferences', problems)
  if (
    doc.bscReferences === undefined ||
    (Array.isArray(doc.bscReferences) && !bscReferences.length)
  )
    problems.push('bscReferences must name at least one BSC document')
  if (doc.mode !== 'production' && doc.mode !== 'sandbox')
    problems.push(`mode must be production or sandbox, got ${show(doc.mode)}`)
  const overrides = idList(doc.overrides, 'overrides', STAGE_ID, problems)
  const requires = idList(doc.requires, 'requires', PLUGIN_ID, problems)
  const conflicts = idList(doc.conflicts, 'conflicts', PLUGIN_ID, problems)
  for (const id of [...requires, ...conflicts])
    if (id === folder) problems.push(`requires/conflicts name the plugin itself`)
  for (const id of requires)
    if (conflicts.includes(id)) problems.push(`"${id}" is both required and in conflict`)
  if (doc.precedence !== undefined && doc.precedence !== null && !Number.isInteger(doc.precedence))
    problems.push(`precedence must be an integer, got ${show(doc.precedence)}`)

  const manifest: PluginManifest = {
    id: folder,
    version: doc.version as number,
    title: String(doc.title ?? '').trim(),
    bscReferences,
    mode: doc.mode as PluginMode,
    overrides,
    adds: positions(doc.adds, problems),
    parameters: parameterChanges(doc.parameters, problems),
    requires,
    conflicts,
    precedence: Number.isInteger(doc.precedence) ? (doc.precedence as number) : null,
    parallelRun: parallelRun(doc.parallelRun, problems),
  }
  if (problems.length) throw new ManifestError(folder, problems)
  return manifest
}
