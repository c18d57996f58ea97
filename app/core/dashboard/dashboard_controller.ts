import type { HttpContext } from '@adonisjs/core/http'
import { loadDashboardWidgets } from './dashboard_widgets.js'
import { presentUser } from '#core/auth/user_presenter'
import { findParty } from '#core/auth/party_directory'
import { requiresMfa, seesAllParties } from '#core/auth/roles'
import { unreadCount } from '#core/notifications/notify'

/**
 * /dashboard: who you are, your party, MFA, unread notifications, shortcuts by
 * role, then whatever widgets the contexts registered for your role.
 */
export default class DashboardController {
  async show({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const staff = seesAllParties(user.role)
    const shortcuts = [
      {
        label: 'Customer',
        href: '/customer',
        description: staff
          ? 'Parties, applications and registrations'
          : 'Your organisation, contacts and registrations',
      },
      { label: 'Settlement', href: '/settlement', description: 'Settlement runs and results' },
      { label: 'Insights', href: '/insights', description: 'Public market data and charts' },
    ]
    if (staff)
      shortcuts.push({
        label: 'Admin',
        href: '/admin',
        description: 'Users, audit log and platform settings',
      })

    return inertia.render('dashboard', {
      profile: presentUser(user),
      party: await findParty(user.partyId),
      mfa: { enabled: !!user.mfaEnabledAt, required: requiresMfa(user.role) },
      unreadNotifications: await unreadCount(user.id),
      shortcuts,
      widgets: await loadDashboardWidgets(user),
    })
  }
}
