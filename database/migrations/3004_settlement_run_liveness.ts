import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which process executes a run and when it last said so: a run left
 * `running` by a process that died (crash, kill, deploy) is recognised and
 * failed with a clear error instead of staying "running" for ever
 * (app/settlement/runs/abandoned_runs.ts).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('settlement_runs', (table) => {
      /* `<hostname>:<pid>` of the executing process */
      table.string('process_id', 120).nullable()
      table.string('heartbeat_at', 24).nullable()
    })
  }

  async down() {
    this.schema.alterTable('settlement_runs', (table) => {
      table.dropColumn('heartbeat_at')
      table.dropColumn('process_id')
    })
  }
}
