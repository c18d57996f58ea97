import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which Modification plugin is enabled from which settlement date (issue 4
 * §3): effective-dated records, never a flag. A disable is a new record, so
 * rows are only ever inserted and the database refuses changes; the rule set
 * of a run is derived from the records in force on its settlement date.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('settlement_rule_enablements', (table) => {
      table.increments('id')
      table.string('plugin_id', 64).notNullable()
      /* the plugin's installed version when the record was made (information: runs use the installed one) */
      table.integer('plugin_version').notNullable()
      table.enum('action', ['enable', 'disable']).notNullable()
      table.string('effective_from', 10).notNullable()
      table.text('reason').notNullable()
      table.integer('actor_user_id').nullable()
      table.string('actor_label', 254).notNullable()
      table.string('created_at', 24).notNullable()
      table.index(['effective_from'])
      table.index(['plugin_id'])
    })

    /* The last test run of each plugin version (shown on the admin pages; replaced on each run). */
    this.schema.createTable('settlement_rule_test_runs', (table) => {
      table.increments('id')
      table.string('plugin_id', 64).notNullable()
      table.integer('plugin_version').notNullable()
      /* hash of the plugin folder tested: a result is stale once the files change */
      table.string('content_hash', 64).notNullable()
      table.string('status', 7).notNullable()
      table.integer('passed').notNullable()
      table.integer('failed').notNullable()
      table.text('output').notNullable()
      table.double('duration_ms').notNullable()
      table.string('ran_by', 254).notNullable()
      table.string('ran_at', 24).notNullable()
      table.index(['plugin_id'])
    })

    if (this.db.dialect.name === 'postgres') {
      this.schema.raw(`
        CREATE FUNCTION settlement_rule_enablements_append_only() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'settlement_rule_enablements is append-only: record a new enable or disable';
        END
        $$ LANGUAGE plpgsql`)
      this.schema.raw(`
        CREATE TRIGGER settlement_rule_enablements_no_change BEFORE UPDATE OR DELETE
        ON settlement_rule_enablements
        FOR EACH ROW EXECUTE FUNCTION settlement_rule_enablements_append_only()`)
      return
    }
    for (const event of ['UPDATE', 'DELETE']) {
      this.schema.raw(`
        CREATE TRIGGER settlement_rule_enablements_no_${event.toLowerCase()}
        BEFORE ${event} ON settlement_rule_enablements
        BEGIN SELECT RAISE(ABORT, 'settlement_rule_enablements is append-only: record a new enable or disable'); END`)
    }
  }

  async down() {
    if (this.db.dialect.name === 'postgres') {
      this.schema.raw(
        'DROP TRIGGER IF EXISTS settlement_rule_enablements_no_change ON settlement_rule_enablements'
      )
      this.schema.raw('DROP FUNCTION IF EXISTS settlement_rule_enablements_append_only()')
    }
    this.schema.dropTable('settlement_rule_test_runs')
    this.schema.dropTable('settlement_rule_enablements')
  }
}
