import { userInfo } from 'node:os'
import type { BaseCommand } from '@adonisjs/core/ace'
import type { EnablementAction } from '#settlement/enablement/enablement_records'

/** What `rules:enable` and `rules:disable` share: record the change, or say why not. */
export async function recordEnablement(
  command: BaseCommand,
  change: { pluginId: string; action: EnablementAction; from: string; reason: string }
) {
  const { changeEnablement, EnablementRefused } =
    await import('#settlement/enablement/change_enablement')
  try {
    const record = await changeEnablement({
      ...change,
      actor: { id: null, label: `cli:${userInfo().username}` },
    })
    command.logger.success(
      `${record.pluginId}@${record.pluginVersion} ${record.action}d from ${record.effectiveFrom} (record ${record.id})`
    )
  } catch (error) {
    if (!(error instanceof EnablementRefused)) throw error
    command.logger.error(error.message)
    command.exitCode = 1
  }
}
