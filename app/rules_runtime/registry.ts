import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse as parseYaml } from 'yaml'
import type { ParameterDelta } from './parameters.js'
import {
  parseRuleSetKey,
  RuleSetError,
  type PluginSpec,
  type RuleSetSpec,
  type StageAddition,
} from './rule_set.js'

/**
 * Main-thread side of rule sets: turns a key into a `RuleSetSpec` by reading
 * folders and manifests only — never importing rule code (ARCHITECTURE.md §1).
 *
 * Layout: `<root>/baseline/index.ts` (+ `parameters/*.yaml`) and one folder
 * per Modification under `<root>/modifications/<id>/` with a `manifest.yaml`
 * (id, version, overrides, adds, parameters) and an `index.ts` exporting
 * `stages`. Tests point a registry at their own fixture folders.
 */
export interface RegistryOptions {
  /** folder holding `baseline/` (default: the app's rules/) */
  rulesRoot?: string
  /** folders holding one sub-folder per Modification (default: `<rulesRoot>/modifications`) */
  modificationDirs?: string[]
}

interface PluginManifest {
  id: string
  version: number
  overrides?: string[]
  adds?: { stage: string; before?: string; after?: string }[]
  /** dated parameter changes in the shape of parameters.ts' ParameterDelta */
  parameters?: ParameterDelta[]
}

const DEFAULT_ROOT = fileURLToPath(new URL('../../rules/', import.meta.url))

export class RuleRegistry {
  readonly rulesRoot: string
  readonly modificationDirs: string[]

  constructor(options: RegistryOptions = {}) {
    this.rulesRoot = options.rulesRoot ?? DEFAULT_ROOT
    this.modificationDirs = options.modificationDirs ?? [join(this.rulesRoot, 'modifications')]
  }

  /** URL of the baseline module, for workers to import. */
  get baselineModule(): string {
    return pathToFileURL(join(this.rulesRoot, 'baseline', 'index.js')).href
  }

  get baselineParametersDir(): string {
    return join(this.rulesRoot, 'baseline', 'parameters')
  }

  spec(key: string): RuleSetSpec {
    const [baseline, ...plugins] = parseRuleSetKey(key)
    return {
      key,
      baseline: {
        version: baseline.version,
        module: this.baselineModule,
        parametersDir: this.baselineParametersDir,
      },
      plugins: plugins.map(({ id, version }) => this.plugin(key, id, version)),
    }
  }

  #pluginDir(id: string): string | undefined {
    return this.modificationDirs
      .map((dir) => join(dir, id))
      .find((dir) => existsSync(join(dir, 'manifest.yaml')))
  }

  plugin(key: string, id: string, version: number): PluginSpec {
    const dir = this.#pluginDir(id)
    if (!dir) throw new RuleSetError(key, [`no Modification "${id}" is installed`])
    const manifest = parseYaml(readFileSync(join(dir, 'manifest.yaml'), 'utf8')) as PluginManifest
    if (manifest?.id !== id)
      throw new RuleSetError(key, [`${dir}/manifest.yaml must declare id: ${id}`])
    if (manifest.version !== version) {
      throw new RuleSetError(key, [
        `${id} is installed at version ${manifest.version}, not ${version}`,
      ])
    }
    const adds: StageAddition[] = (manifest.adds ?? []).map(({ stage, before, after }) => ({
      stageId: stage,
      before,
      after,
    }))
    const parameterDeltas: ParameterDelta[] = (manifest.parameters ?? []).map((delta) => ({
      ...delta,
      source: delta.source ?? `${id}/manifest.yaml`,
    }))
    return {
      id,
      version,
      module: pathToFileURL(join(dir, 'index.js')).href,
      overrides: manifest.overrides ?? [],
      adds,
      parameterDeltas,
    }
  }

  /**
   * A hash of every file under the rules folders (path and content), so a run
   * records exactly which rule code made it without relying on git.
   */
  rulesHash(): string {
    const hash = createHash('sha256')
    const roots = [join(this.rulesRoot, 'baseline'), ...this.modificationDirs].filter((dir) =>
      existsSync(dir)
    )
    for (const root of roots) {
      for (const file of listFiles(root)) {
        hash
          .update(relative(this.rulesRoot, file))
          .update('\0')
          .update(readFileSync(file))
          .update('\0')
      }
    }
    return hash.digest('hex')
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}
