import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { writeStdout } from './stdout.js'

export default class RulesListCommand extends BaseCommand {
  static commandName = 'rules:list'
  static description =
    'List the installed Modification plugins with mode, version and the date they are enabled from'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({
    description: 'Print [{ id, version, title, overrides, adds, mode, enabledFrom }] as JSON',
  })
  declare json?: boolean

  async run() {
    const { rulesCatalogue } = await import('#settlement/enablement/rules_catalogue')
    const { enablementRecords } = await import('#settlement/enablement/enablement_records')
    const { lastTestRuns } = await import('#settlement/enablement/plugin_tests')
    const { summarisePlugin } = await import('#settlement/enablement/rules_presenter')
    const { defaultRuntime } = await import('#settlement/runs/runtime')
    const runtime = defaultRuntime()
    const [catalogue, records, tests] = await Promise.all([
      rulesCatalogue(runtime),
      enablementRecords(),
      lastTestRuns(),
    ])
    const plugins = catalogue.plugins.map((plugin) =>
      summarisePlugin(plugin, records, tests.get(plugin.id), runtime.registry)
    )
    if (this.json) {
      const rows = plugins.map(({ id, version, title, overrides, adds, mode, enabledFrom }) => ({
        id,
        version,
        title,
        overrides,
        adds,
        mode,
        enabledFrom,
      }))
      await writeStdout(`${JSON.stringify(rows)}\n`)
      return
    }
    const table = this.ui.table()
    table.head(['Modification', 'Version', 'Mode', 'Enabled from', 'Tests', 'Status'])
    for (const plugin of plugins) {
      table.row([
        plugin.id,
        String(plugin.version ?? '—'),
        plugin.mode ?? '—',
        plugin.enabledFrom ?? '—',
        plugin.test.state,
        plugin.problems.length ? this.colors.red('rejected') : this.colors.green('valid'),
      ])
    }
    table.render()
    this.logger.info(`baseline version ${catalogue.baseline?.version ?? '(cannot be loaded)'}`)
  }
}
