import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class RulesCheckCommand extends BaseCommand {
  static commandName = 'rules:check'
  static description =
    'Validate the baseline and every Modification plugin (or one), as the loader does: exit 1 on any rejection'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Plugin id (default: every installed plugin)', required: false })
  declare id?: string

  async run() {
    const { rulesCatalogue } = await import('#settlement/enablement/rules_catalogue')
    const { defaultRuntime } = await import('#settlement/runs/runtime')
    const catalogue = await rulesCatalogue(defaultRuntime())
    for (const problem of catalogue.problems) this.logger.error(`baseline: ${problem}`)
    const plugins = catalogue.plugins.filter((plugin) => !this.id || plugin.id === this.id)
    if (this.id && !plugins.length) {
      this.logger.error(`No Modification "${this.id}" is installed`)
      this.exitCode = 1
      return
    }
    for (const plugin of plugins) {
      const label = `${plugin.id}${plugin.manifest ? `@${plugin.manifest.version}` : ''}`
      if (!plugin.problems.length) {
        this.logger.success(`${label}: valid (${plugin.stages.length} stage(s))`)
        continue
      }
      this.logger.error(`${label} rejected:`)
      for (const problem of plugin.problems) this.logger.log(`  - ${problem}`)
    }
    if (catalogue.problems.length || plugins.some((plugin) => plugin.problems.length))
      this.exitCode = 1
  }
}
