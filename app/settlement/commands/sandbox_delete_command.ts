import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { writeStdout } from './stdout.js'

export default class SandboxDeleteCommand extends BaseCommand {
  static commandName = 'sandbox:delete'
  static description = 'Delete a sandbox trial with its copied days, runs and results'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Trial name or id' })
  declare sandbox: string

  @flags.string({ description: 'E-mail of the operator or admin deleting it (default: cli:<you>)' })
  declare owner?: string

  @flags.boolean({ description: 'Print what was deleted as JSON' })
  declare json?: boolean

  async run() {
    const { deleteSandbox } = await import('#settlement/sandboxes/delete_sandbox')
    const { sandboxByNameOrId } = await import('#settlement/sandboxes/sandbox_queries')
    const { cliActor, reportRefusal } = await import('#settlement/sandboxes/cli_support')
    await reportRefusal(this, async () => {
      const sandbox = await sandboxByNameOrId(this.sandbox)
      const deleted = await deleteSandbox(sandbox.id, await cliActor(this.owner))
      if (this.json) await writeStdout(`${JSON.stringify(deleted)}\n`)
      else
        this.logger.success(
          `Sandbox ${deleted.id} "${deleted.name}" deleted: ${deleted.runs} run(s), ${deleted.days} day(s)`
        )
    })
  }
}
