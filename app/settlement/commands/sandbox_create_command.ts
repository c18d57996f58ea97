import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { writeStdout } from './stdout.js'

export default class SandboxCreateCommand extends BaseCommand {
  static commandName = 'sandbox:create'
  static description =
    'Create a sandbox trial: a rule set (sandbox-only plugins allowed) and source days copied from production'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Trial name (lower-case letters, digits, - or _)' })
  declare name: string

  @flags.array({
    description: 'Source settlement day (yyyy-MM-dd); repeat or separate with commas',
    required: true,
  })
  declare days: string[]

  @flags.array({
    description: 'Plugin id to apply (repeat or separate with commas); none: the baseline',
  })
  declare plugins?: string[]

  @flags.string({ description: 'What the trial is for' })
  declare description?: string

  @flags.number({ description: "Most of the trial's tasks in the rule pool at once" })
  declare maxParallelTasks?: number

  @flags.string({ description: 'E-mail of the operator or admin who owns it (default: cli:<you>)' })
  declare owner?: string

  @flags.boolean({ description: 'Print the created trial as JSON' })
  declare json?: boolean

  async run() {
    const { createSandbox } = await import('#settlement/sandboxes/create_sandbox')
    const { sandboxDays } = await import('#settlement/sandboxes/sandbox_queries')
    const { cliActor, reportRefusal } = await import('#settlement/sandboxes/cli_support')
    const split = (values: string[] | undefined) =>
      (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim())
    await reportRefusal(this, async () => {
      const sandbox = await createSandbox({
        name: this.name,
        description: this.description,
        pluginIds: split(this.plugins).filter(Boolean),
        days: split(this.days),
        maxParallelTasks: this.maxParallelTasks,
        owner: await cliActor(this.owner),
      })
      const days = await sandboxDays(sandbox.id)
      if (this.json) await writeStdout(`${JSON.stringify({ ...sandbox, days })}\n`)
      else
        this.logger.success(
          `Sandbox ${sandbox.id} "${sandbox.name}" (${sandbox.ruleSetKey}) with ${days.length} day(s) copied: ${days.map((d) => d.settlementDate).join(', ')}`
        )
    })
  }
}
