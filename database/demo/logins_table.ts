import type { BaseCommand } from '@adonisjs/core/ace'
import type { DemoLogin } from './demo_users.js'

/** The demo logins as a console table (demo:seed and demo:logins print the same one). */
export function renderLogins(command: BaseCommand, logins: DemoLogin[]) {
  const table = command.ui.table()
  table.head(['Email', 'Password', 'Role', 'Party'])
  for (const login of logins) {
    const categories =
      login.categories.length > 0 ? ` (categories ${login.categories.join(', ')})` : ''
    table.row([
      login.email,
      login.password,
      login.role + categories,
      login.partyId ?? '— (BSC company)',
    ])
  }
  table.render()
  command.logger.info(
    'Signatories, operators and admins enrol an authenticator app (TOTP) on first sign-in.'
  )
}
