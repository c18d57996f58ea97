import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { registerDashboardWidget } from '#core/dashboard/dashboard_widgets'
import { partyStatements } from './queries/statements_page.js'

/**
 * Settlement on the core dashboard: BSC staff see the latest runs and any
 * failures; a party's users see their latest statement's net charge.
 */
const money = (amount: number) =>
  amount.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' })

registerDashboardWidget({
  id: 'settlement.runs',
  title: 'Settlement runs',
  roles: ['operator', 'admin'],
  order: 30,
  async load() {
    const since = DateTime.utc().minus({ days: 7 }).toISO()!
    const recent = await db
      .from('settlement_runs')
      .whereNull('sandbox_id')
      .where('queued_at', '>=', since)
      .select('status')
    const count = (status: string) => recent.filter((run) => run.status === status).length
    const latest = await db
      .from('settlement_runs')
      .whereNull('sandbox_id')
      .orderBy('id', 'desc')
      .select('id', 'settlement_date', 'run_type', 'run_number', 'status', 'error')
      .first()
    return {
      stats: [
        { label: 'Runs in the last 7 days', value: recent.length, href: '/settlement/runs' },
        { label: 'Failed', value: count('failed'), href: '/settlement/runs?status=failed' },
        { label: 'Running now', value: count('running'), href: '/settlement/runs?status=running' },
      ],
      text: latest
        ? `Latest: run ${latest.id}, ${latest.run_type} #${latest.run_number} for ${latest.settlement_date}, ${latest.status}${latest.error ? ` (${latest.error})` : ''}.`
        : 'No settlement run yet.',
      links: [
        { label: 'Runs', href: '/settlement/runs' },
        { label: 'Data quality', href: '/settlement/analytics' },
        { label: 'Compare runs', href: '/settlement/diff' },
      ],
    }
  },
})

registerDashboardWidget({
  id: 'settlement.statement',
  title: 'Your latest settlement statement',
  roles: ['assistant', 'signatory'],
  order: 30,
  async load(user) {
    if (!user.partyId) return { text: 'No organisation is linked to your account.' }
    // The latest date's best run (an invoiced run beats a later II).
    const statements = await partyStatements(user.partyId, 20)
    const latest = statements.find((statement) => statement.latest)
    if (!latest) return { text: 'No settlement statement for your party yet.' }
    const href = `/settlement/runs/${latest.runId}/statements/${user.partyId}`
    return {
      stats: [{ label: 'Net charge', value: latest.net === null ? '—' : money(latest.net), href }],
      text: `Settlement date ${latest.settlementDate}, ${latest.runType} run #${latest.runNumber}. A positive net charge is paid to your party, a negative one by it.`,
      links: [
        { label: 'Open the statement', href },
        { label: 'All statements', href: '/settlement/statements' },
      ],
    }
  },
})
