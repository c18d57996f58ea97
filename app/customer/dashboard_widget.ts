import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget } from '#core/dashboard/dashboard_widgets'
import { today } from './support/lead_times.js'

/**
 * The customer context on the core dashboard: for a party, where its journey
 * stands and what is left (who must act, why); for operators, the work queue.
 */
registerDashboardWidget({
  id: 'customer.journey',
  title: 'Your market participation',
  roles: ['assistant', 'signatory'],
  order: 20,
  async load(user) {
    const party = await db
      .from('customer_parties')
      .where('party_id', user.partyId ?? '')
      .first()
    if (!party) return { text: 'No organisation is linked to your account.' }
    const tasks = await db
      .from('customer_tasks')
      .where('party_id', party.party_id)
      .where('status', 'open')
      .orderByRaw('due_on is null')
      .orderBy('due_on')
      .select('title', 'reason', 'assignee', 'due_on')
    const yours = tasks.filter((t: any) => t.assignee === 'party')
    const next = yours[0] ?? tasks[0]
    const base = `/customer/parties/${party.party_id}`
    return {
      stats: [
        { label: 'Stage', value: party.entry_state.replaceAll('_', ' ').toLowerCase(), href: base },
        { label: 'Your tasks', value: yours.length, href: base },
        { label: "Elexon's tasks", value: tasks.length - yours.length, href: base },
      ],
      text: next
        ? `Next: ${next.title} (${next.assignee === 'party' ? 'you' : 'Elexon'}${next.due_on ? `, due ${next.due_on}` : ''}). ${next.reason}`
        : 'Nothing is waiting.',
      links: [
        { label: 'Accession', href: `${base}/accession` },
        { label: 'Roles', href: `${base}/roles` },
        { label: 'Assets', href: `${base}/assets` },
        { label: 'My Account', href: `${base}/account` },
      ],
    }
  },
})

registerDashboardWidget({
  id: 'customer.work_queue',
  title: 'Customer work queue',
  roles: ['operator', 'admin'],
  order: 20,
  async load() {
    const open = await db
      .from('customer_tasks')
      .where('assignee', 'operator')
      .where('status', 'open')
      .count('* as total')
      .first()
    const overdue = await db
      .from('customer_tasks')
      .where('assignee', 'operator')
      .where('status', 'open')
      .where('due_on', '<', today())
      .count('* as total')
      .first()
    /* customer.md §6.1: overdue signatory confirmations appear on the operator dashboard. */
    const confirmations = await db
      .from('customer_signatory_confirmations')
      .where('state', 'OVERDUE')
      .count('* as total')
      .first()
    const defaults = await db
      .from('customer_credit_defaults')
      .whereNot('state', 'CLEARED')
      .count('* as total')
      .first()
    return {
      stats: [
        { label: 'Open tasks', value: Number(open?.total ?? 0), href: '/customer/operator/queue' },
        {
          label: 'Overdue',
          value: Number(overdue?.total ?? 0),
          href: '/customer/operator/queue?overdue=1',
        },
        {
          label: 'Signatory confirmations overdue',
          value: Number(confirmations?.total ?? 0),
          href: '/customer/operator/queue?type=signatory_confirmation&state=OVERDUE',
        },
        {
          label: 'Credit defaults',
          value: Number(defaults?.total ?? 0),
          href: '/customer/operator/queue?type=credit_default',
        },
      ],
    }
  },
})
