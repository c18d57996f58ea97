import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget } from './dashboard_widgets.js'
import { countParties } from '#core/auth/party_directory'

/** Core's own widget: the size of the platform, for BSC staff. */
registerDashboardWidget({
  id: 'core.platform',
  title: 'Platform',
  roles: ['operator', 'admin'],
  order: 10,
  async load() {
    const users = await db.from('core_users').count('* as total').first()
    const staff = await db.from('core_users').whereNull('party_id').count('* as total').first()
    return {
      stats: [
        { label: 'Parties', value: await countParties(), href: '/customer' },
        { label: 'Users', value: Number(users?.total ?? 0), href: '/admin' },
        { label: 'BSC staff users', value: Number(staff?.total ?? 0), href: '/admin?party=none' },
      ],
    }
  },
})
