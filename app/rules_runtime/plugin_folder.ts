import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ManifestError, parseManifest, type PluginManifest } from './manifest.js'
import { loadParameterCatalogue, ParameterError, type ParameterDefinition } from './parameters.js'

/**
 * One Modification plugin folder as the main thread sees it: its manifest,
 * README, new parameter files and fixtures, read as data (never imported).
 *
 *   <id>/manifest.yaml  README.md  index.ts (exports `stages`)  stages/
 *   parameters/*.yaml (new parameters, baseline format)  tests/*.spec.ts
 *   fixtures/input.json, expected_baseline.json, expected_modified.json
 */
export interface InstalledPlugin {
  /** the folder name */
  id: string
  dir: string
  /** null when the manifest itself is invalid */
  manifest: PluginManifest | null
  readme: string
  newParameters: ParameterDefinition[]
  /** everything wrong with the folder; a plugin with problems is never used */
  problems: string[]
}

export const FIXTURE_FILES = ['input.json', 'expected_baseline.json', 'expected_modified.json']

export function readPluginFolder(dir: string, id: string): InstalledPlugin {
  const plugin: InstalledPlugin = {
    id,
    dir,
    manifest: null,
    readme: '',
    newParameters: [],
    problems: [],
  }
  const file = (name: string) => join(dir, name)
  if (!existsSync(file('manifest.yaml'))) {
    plugin.problems.push('the folder has no manifest.yaml')
  } else {
    try {
      plugin.manifest = parseManifest(readFileSync(file('manifest.yaml'), 'utf8'), id)
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error
      plugin.problems.push(...error.problems)
    }
  }
  if (existsSync(file('README.md'))) plugin.readme = readFileSync(file('README.md'), 'utf8')
  if (!plugin.readme.trim())
    plugin.problems.push('README.md (the legal text references) is missing or empty')
  if (!existsSync(file('index.ts')) && !existsSync(file('index.js')))
    plugin.problems.push('index.ts (exporting stages) is missing')
  if (isFolder(file('parameters'))) {
    try {
      plugin.newParameters = Object.values(loadParameterCatalogue(file('parameters')).parameters)
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error
      plugin.problems.push(`parameters/${error.message}`)
    }
  }
  if (isFolder(file('fixtures'))) plugin.problems.push(...fixtureProblems(file('fixtures')))
  return plugin
}

function fixtureProblems(dir: string): string[] {
  return FIXTURE_FILES.flatMap((name) => {
    const path = join(dir, name)
    if (!existsSync(path)) return [`fixtures/${name} is missing`]
    try {
      JSON.parse(readFileSync(path, 'utf8'))
      return []
    } catch (error) {
      return [`fixtures/${name} is not valid JSON: ${(error as Error).message}`]
    }
  })
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}
