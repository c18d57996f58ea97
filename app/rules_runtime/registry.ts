import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { PLUGIN_ID } from './manifest.js'
import { loadParameterCatalogue, type ParameterCatalogue } from './parameters.js'
import { readPluginFolder, type InstalledPlugin } from './plugin_folder.js'
import { canonicalOrder, parameterDeltas, setProblems, type ValidPlugin } from './plugin_set.js'
import {
  formatRuleSetKey,
  parseRuleSetKey,
  RuleSetError,
  type PluginSpec,
  type RuleSetSpec,
} from './rule_set.js'

/**
 * Main-thread side of rule sets: turns a key into a `RuleSetSpec` by reading
 * folders and manifests only — never importing rule code (ARCHITECTURE.md §1).
 *
 * Layout: `<root>/baseline/index.ts` (+ `parameters/*.yaml`) and one folder
 * per Modification under `<root>/modifications/<id>/` (plugin_folder.ts).
 * RULES_MODIFICATIONS_DIR points the application at another folder of
 * plugins; tests point a registry at their own fixture folders.
 */
export interface RegistryOptions {
  /** folder holding `baseline/` (default: the app's rules/) */
  rulesRoot?: string
  /** folders holding one sub-folder per Modification (default: `<rulesRoot>/modifications`) */
  modificationDirs?: string[]
  /** a folder standing in for plugin `id` (an upload being validated before it is installed) */
  staged?: { id: string; dir: string }
}

const DEFAULT_ROOT = fileURLToPath(new URL('../../rules/', import.meta.url))

function defaultModificationDirs(rulesRoot: string): string[] {
  const configured = process.env.RULES_MODIFICATIONS_DIR
  return [configured ? resolve(configured) : join(rulesRoot, 'modifications')]
}

/** Folders and files whose name starts with a dot (upload staging, editor files) are not rules. */
const isHidden = (path: string) => path.split(sep).some((part) => part.startsWith('.'))
/** Plugin folders; `_name` folders hold code shared by plugins (test harnesses), not a plugin. */
const isPluginFolder = (name: string) => !name.startsWith('.') && !name.startsWith('_')

export class RuleRegistry {
  readonly rulesRoot: string
  readonly modificationDirs: string[]
  readonly staged: RegistryOptions['staged']

  constructor(options: RegistryOptions = {}) {
    this.rulesRoot = options.rulesRoot ?? DEFAULT_ROOT
    this.modificationDirs = options.modificationDirs ?? defaultModificationDirs(this.rulesRoot)
    this.staged = options.staged
  }

  /** URL of the baseline module, for workers to import. */
  get baselineModule(): string {
    return pathToFileURL(join(this.rulesRoot, 'baseline', 'index.js')).href
  }

  get baselineParametersDir(): string {
    return join(this.rulesRoot, 'baseline', 'parameters')
  }

  /** Folders whose changes mean new rule code (the hot-reload watcher watches them). */
  get watchedDirs(): string[] {
    return [join(this.rulesRoot, 'baseline'), ...this.modificationDirs]
  }

  baselineParameters(): ParameterCatalogue {
    return loadParameterCatalogue(this.baselineParametersDir)
  }

  /** Every installed plugin folder, by id; for an id in several folders the first folder wins. */
  plugins(): InstalledPlugin[] {
    const found = new Map<string, InstalledPlugin>()
    if (this.staged) found.set(this.staged.id, readPluginFolder(this.staged.dir, this.staged.id))
    for (const dir of this.modificationDirs.filter((d) => existsSync(d))) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || !isPluginFolder(entry.name) || found.has(entry.name)) continue
        found.set(entry.name, readPluginFolder(join(dir, entry.name), entry.name))
      }
    }
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  }

  plugin(id: string): InstalledPlugin | undefined {
    if (!PLUGIN_ID.test(id) || !isPluginFolder(id)) return undefined
    if (this.staged?.id === id) return readPluginFolder(this.staged.dir, id)
    const dir = this.modificationDirs.map((d) => join(d, id)).find((d) => existsSync(d))
    return dir ? readPluginFolder(dir, id) : undefined
  }

  /** The key naming the baseline with these plugins: canonical order, installed versions. */
  keyFor(baselineVersion: number, pluginIds: string[]): string {
    const plugins = pluginIds.map((id) => {
      const plugin = this.plugin(id)
      if (!plugin?.manifest) {
        throw new RuleSetError(`baseline@${baselineVersion}`, [
          `no valid Modification "${id}" is installed`,
        ])
      }
      return plugin as ValidPlugin
    })
    return keyOf(baselineVersion, plugins)
  }

  /**
   * The spec a key names, after every manifest-level check (versions,
   * requires, conflicts, parameters, canonical order; with `production`, no
   * sandbox-only plugin). Stage-level checks happen where stage metadata is.
   */
  spec(key: string, options: { production?: boolean } = {}): RuleSetSpec {
    const [baseline, ...parts] = parseRuleSetKey(key)
    const problems: string[] = []
    const plugins: InstalledPlugin[] = []
    for (const { id, version } of parts) {
      const plugin = this.plugin(id)
      if (!plugin) problems.push(`no Modification "${id}" is installed`)
      else if (plugin.manifest && plugin.manifest.version !== version)
        problems.push(`${id} is installed at version ${plugin.manifest.version}, not ${version}`)
      else plugins.push(plugin)
    }
    if (!problems.length) {
      problems.push(
        ...setProblems(plugins, this.baselineParameters(), { production: !!options.production })
      )
    }
    const valid = plugins as ValidPlugin[]
    if (!problems.length) {
      const canonical = keyOf(baseline.version, valid)
      if (canonical !== key)
        problems.push(`plugins apply in one order: write the key as ${canonical}`)
    }
    if (problems.length) throw new RuleSetError(key, problems)
    return {
      key,
      baseline: {
        version: baseline.version,
        module: this.baselineModule,
        parametersDir: this.baselineParametersDir,
      },
      plugins: valid.map((plugin) => pluginSpec(plugin)),
    }
  }

  /** A hash of one folder's files (path and content): which version of a plugin a test result is for. */
  folderHash(dir: string): string {
    const hash = createHash('sha256')
    for (const file of listFiles(dir).filter((path) => !isHidden(relative(dir, path)))) {
      hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0')
    }
    return hash.digest('hex')
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
      for (const file of listFiles(root).filter((path) => !isHidden(relative(root, path)))) {
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

/** The key of the baseline with these plugins, in their canonical order. */
export function keyOf(baselineVersion: number, plugins: ValidPlugin[]): string {
  return formatRuleSetKey(
    baselineVersion,
    canonicalOrder(plugins).map(({ manifest }) => manifest)
  )
}

export function pluginSpec(plugin: ValidPlugin): PluginSpec {
  const { manifest } = plugin
  return {
    id: manifest.id,
    version: manifest.version,
    module: pathToFileURL(join(plugin.dir, 'index.js')).href,
    overrides: manifest.overrides,
    adds: manifest.adds.map(({ stage, before, after }) => ({ stageId: stage, before, after })),
    parameterDeltas: parameterDeltas(plugin),
    precedence: manifest.precedence,
  }
}
