import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Sandbox trials (ARCHITECTURE.md §4.7, issue 4 §6): a named rule set with
 * any plugins (sandbox-only ones included), an owner, a cap on its pool
 * tasks, and frozen copies of real days. Its runs are ordinary
 * `settlement_runs` rows tagged with `sandbox_id`, so production queries
 * (which keep to `sandbox_id IS NULL`) never see them.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('settlement_sandboxes', (table) => {
      table.increments('id')
      table.string('name', 64).notNullable().unique()
      table.text('description').nullable()
      table
        .integer('owner_user_id')
        .nullable()
        .unsigned()
        .references('id')
        .inTable('core_users')
        .onDelete('SET NULL')
      /* who created it, kept when the user is gone (CLI: the operator account or cli:<user>) */
      table.string('owner_label', 254).notNullable()
      /* JSON array of plugin ids, in the order given */
      table.text('plugin_ids').notNullable()
      table.string('rule_set_key', 200).notNullable()
      /* at most this many of the trial's tasks in the rule pool at once */
      table.integer('max_parallel_tasks').notNullable()
      /* created | running | succeeded | failed: the outcome of the last `run` */
      table.string('status', 10).notNullable()
      table.string('created_at', 24).notNullable()
      table.string('updated_at', 24).notNullable()
    })

    /* A real day's input records as they were when copied (later imports do not change a trial). */
    this.schema.createTable('settlement_sandbox_days', (table) => {
      table
        .integer('sandbox_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('settlement_sandboxes')
        .onDelete('CASCADE')
      table.string('settlement_date', 10).notNullable()
      /* the production input snapshot hash of the day when copied (30-minute periods) */
      table.string('input_hash', 64).notNullable()
      table.bigInteger('byte_length').notNullable()
      /* the DayRecords in canonical encoding, zstd-compressed (columnar_codec.ts) */
      table.binary('records').notNullable()
      table.string('created_at', 24).notNullable()
      table.primary(['sandbox_id', 'settlement_date'])
    })
  }

  async down() {
    this.schema.dropTable('settlement_sandbox_days')
    this.schema.dropTable('settlement_sandboxes')
  }
}
