import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { recordAudit, type AuditEntry } from '#core/audit/audit_log'
import { PLUGIN_ID } from '#rules_runtime/manifest'
import { buildCatalogue, ruleSetProblems } from '#rules_runtime/plugin_catalogue'
import { RuleRegistry } from '#rules_runtime/registry'
import { RulePool } from '#workers/pool'
import type { SettlementRuntime } from '#settlement/runs/runtime'
import { changeDates, enabledOn, enablementRecords } from './enablement_records.js'
import { reloadRules, type RulesReload } from './hot_reload.js'
import { readArchive, ArchiveError, type ArchiveEntry } from './plugin_archive.js'
import { describeOn } from './rules_catalogue.js'

/**
 * Installs an uploaded plugin archive (issue 4 §4): unpack into a hidden
 * staging folder beside the plugins (same depth, so the plugin's relative
 * imports resolve as they will once installed), validate it fully there — manifest,
 * module (in a throwaway worker, so no live generation keeps its modules),
 * the rule set it forms, and every enabled rule set if it replaces an
 * installed version — then move it into place with a rename and reload.
 * Any rejection leaves the plugin folder, the pool and the records as they were.
 */
export class PluginRejected extends Error {
  constructor(readonly problems: string[]) {
    super(`The plugin was rejected: ${problems.join('; ')}`)
    this.name = 'PluginRejected'
  }
}

export interface InstalledArchive {
  id: string
  version: number
  previousVersion: number | null
  reload: RulesReload | null
}

export async function installPluginArchive(
  upload: { fileName: string; data: Buffer },
  runtime: SettlementRuntime,
  actor: AuditEntry['actor']
): Promise<InstalledArchive> {
  let entries: ArchiveEntry[]
  try {
    entries = withoutTopFolder(readArchive(upload.data))
  } catch (error) {
    if (error instanceof ArchiveError) throw new PluginRejected([error.message])
    throw error
  }
  const id = pluginIdOf(entries)
  const target = runtime.registry.modificationDirs[0]
  const attempt = randomUUID()
  const staged = join(target, `.${id}.upload-${attempt}`)
  const aside = join(target, `.${id}.replaced-${attempt}`)
  try {
    for (const entry of entries) {
      await mkdir(dirname(join(staged, entry.path)), { recursive: true })
      await writeFile(join(staged, entry.path), entry.data)
    }
    const installed = runtime.registry.plugin(id)?.manifest ?? null
    const version = await validateStaged(runtime, staged, id, installed?.version ?? null)
    await swapIn(staged, join(target, id), aside)
    const reload = await reloadRules(runtime)
    await recordAudit({
      actor,
      action: 'settlement.rules.install',
      subjectType: 'settlement_rule_plugin',
      subjectId: id,
      before: installed ? { version: installed.version } : null,
      after: {
        version,
        fileName: upload.fileName,
        sha256: createHash('sha256').update(upload.data).digest('hex'),
      },
    })
    return { id, version, previousVersion: installed?.version ?? null, reload }
  } finally {
    await rm(staged, { recursive: true, force: true })
    await rm(aside, { recursive: true, force: true })
  }
}

/** An archive of the plugin folder itself (`p999/manifest.yaml`) holds the same as one of its content. */
function withoutTopFolder(entries: ArchiveEntry[]): ArchiveEntry[] {
  const top = entries[0]?.path.split('/')[0]
  const wrapped =
    !entries.some((entry) => entry.path === 'manifest.yaml') &&
    entries.every((entry) => entry.path.startsWith(`${top}/`))
  return wrapped
    ? entries.map((entry) => ({ ...entry, path: entry.path.slice(top!.length + 1) }))
    : entries
}

function pluginIdOf(entries: ArchiveEntry[]): string {
  const manifest = entries.find((entry) => entry.path === 'manifest.yaml')
  if (!manifest)
    throw new PluginRejected(['the archive has no manifest.yaml (at its root or in one folder)'])
  let id: unknown
  try {
    id = parse(manifest.data.toString('utf8'))?.id
  } catch (error) {
    throw new PluginRejected([`manifest.yaml is not valid YAML: ${(error as Error).message}`])
  }
  if (typeof id !== 'string' || !PLUGIN_ID.test(id) || id.startsWith('_') || id === 'baseline')
    throw new PluginRejected([
      `manifest.yaml must give an id of [a-z0-9_]+, got ${JSON.stringify(id)}`,
    ])
  return id
}

async function validateStaged(
  runtime: SettlementRuntime,
  staged: string,
  id: string,
  installedVersion: number | null
): Promise<number> {
  const { rulesRoot, modificationDirs } = runtime.registry
  const registry = new RuleRegistry({ rulesRoot, modificationDirs, staged: { id, dir: staged } })
  const pool = new RulePool({ workers: 1 })
  const lease = pool.lease()
  try {
    const catalogue = await buildCatalogue(registry, describeOn(lease))
    const plugin = catalogue.plugins.find((p) => p.id === id)!
    if (plugin.problems.length) throw new PluginRejected(plugin.problems.map((p) => `${id}: ${p}`))
    const version = plugin.manifest!.version
    if (installedVersion !== null && version <= installedVersion)
      throw new PluginRejected([
        `${id} version ${installedVersion} is installed: upload a higher version to replace it`,
      ])
    const records = await enablementRecords()
    for (const date of changeDates(records)) {
      const enabled = enabledOn(records, date)
      if (!enabled.includes(id)) continue
      const problems = ruleSetProblems(catalogue, enabled, { production: true })
      if (problems.length)
        throw new PluginRejected([
          `the rule set enabled on ${date} would be invalid: ${problems.join('; ')}`,
        ])
    }
    return version
  } finally {
    lease.release()
    await pool.close()
  }
}

/** Moves the staged folder into place; an installed one moves aside first and back on failure. */
async function swapIn(staged: string, destination: string, aside: string) {
  const replacing = existsSync(destination)
  if (replacing) await rename(destination, aside)
  try {
    await rename(staged, destination)
  } catch (error) {
    if (replacing) await rename(aside, destination)
    throw error
  }
}
