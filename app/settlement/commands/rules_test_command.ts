import { userInfo } from 'node:os'
import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class RulesTestCommand extends BaseCommand {
  static commandName = 'rules:test'
  static description =
    "Run a Modification plugin's tests and fixtures in a child process; the result shows on /admin/rules"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Plugin id' })
  declare id: string

  async run() {
    const { runPluginTests } = await import('#settlement/enablement/plugin_tests')
    const { defaultRuntime } = await import('#settlement/runs/runtime')
    const { registry } = defaultRuntime()
    if (!registry.plugin(this.id)?.manifest) {
      this.logger.error(`No Modification "${this.id}" with a valid manifest is installed`)
      this.exitCode = 1
      return
    }
    const result = await runPluginTests(registry, this.id, `cli:${userInfo().username}`)
    process.stderr.write(result.output)
    const summary = `${this.id}: ${result.passed} passed, ${result.failed} failed`
    if (result.status === 'passed') this.logger.success(summary)
    else {
      this.logger.error(summary)
      this.exitCode = 1
    }
  }
}
