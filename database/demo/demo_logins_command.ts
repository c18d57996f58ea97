import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { renderLogins } from './logins_table.js'

/**
 * `node ace demo:logins`: prints the demo logins again (npm start shows them
 * on every start). A user who has changed the password keeps the new one.
 */
export default class DemoLoginsCommand extends BaseCommand {
  static commandName = 'demo:logins'
  static description = 'Print the demo logins (email, password, role, party)'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print the logins as JSON' })
  declare json?: boolean

  async run() {
    const { currentLogins } = await import('./demo_seed.js')
    const logins = await currentLogins()
    if (this.json) return this.logger.log(JSON.stringify(logins, null, 2))
    if (logins.length === 0) return this.logger.info('No demo data: run node ace demo:seed')
    renderLogins(this, logins)
    this.logger.info('Passwords are the demo ones unless a user has changed theirs.')
  }
}
