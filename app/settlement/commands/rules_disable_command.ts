import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { recordEnablement } from './rules_enablement.js'

export default class RulesDisableCommand extends BaseCommand {
  static commandName = 'rules:disable'
  static description =
    'Disable a Modification plugin for production from a settlement date (an audited, effective-dated record)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Plugin id' })
  declare id: string

  @flags.string({ description: 'First settlement date it applies to (yyyy-MM-dd)', required: true })
  declare from: string

  @flags.string({ description: 'Why (kept with the record and in the audit log)', required: true })
  declare reason: string

  async run() {
    await recordEnablement(this, {
      pluginId: this.id,
      action: 'disable',
      from: this.from,
      reason: this.reason,
    })
  }
}
