import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Insights storage (app/insights/README.md): one generic row table for every
 * dataset definition, holding each row as the exact JSON the API serves plus
 * the few columns queries filter on; a version per dataset-day for caches and
 * completeness; settlement runs seen; persisted push events and counters.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('insights_rows', (table) => {
      table.bigIncrements('id')
      table.string('dataset', 24).notNullable()
      /* insights_runs.id for run-versioned datasets; 0 for everything else. */
      table.integer('run_id').notNullable().defaultTo(0)
      table.string('settlement_date', 10).nullable()
      table.integer('settlement_period').nullable()
      table.string('start_time', 20).nullable()
      table.string('publish_time', 20).nullable()
      table.string('entity', 64).nullable()
      table.string('side', 8).nullable()
      table.double('value').nullable()
      table.string('row_key', 255).notNullable()
      table.text('payload').notNullable()
      table.unique(['dataset', 'run_id', 'row_key'])
      table.index(['dataset', 'settlement_date', 'run_id', 'settlement_period'])
      table.index(['dataset', 'start_time'])
      table.index(['dataset', 'publish_time'])
      table.index(['dataset', 'entity', 'start_time'])
    })

    /* day = settlement date, or '*' for datasets without one (reference data). */
    this.schema.createTable('insights_dataset_days', (table) => {
      table.string('dataset', 24).notNullable()
      table.string('day', 10).notNullable()
      table.bigInteger('version').notNullable()
      table.integer('row_count').notNullable()
      table.integer('slot_count').notNullable()
      table.string('updated_at', 24).notNullable()
      table.primary(['dataset', 'day'])
    })

    /* Production settlement runs whose outputs we hold, and pseudo-runs for imported files (rank 0). */
    this.schema.createTable('insights_runs', (table) => {
      table.increments('id')
      table.string('settlement_run_id', 64).nullable().unique()
      table.string('settlement_date', 10).notNullable()
      table.string('run_type', 4).nullable()
      table.integer('run_rank').notNullable()
      table.string('source', 12).notNullable()
      table.string('created_at', 24).notNullable()
      table.index(['settlement_date', 'run_rank'])
    })

    this.schema.createTable('insights_counters', (table) => {
      table.string('name', 40).primary()
      table.bigInteger('value').notNullable()
    })

    this.schema.createTable('insights_push_events', (table) => {
      table.bigIncrements('id')
      table.string('dataset', 24).notNullable()
      table.bigInteger('seq').notNullable()
      table.string('kind', 30).notNullable()
      table.text('payload').notNullable()
      table.string('created_at', 24).notNullable()
      table.unique(['dataset', 'seq'])
    })
  }

  async down() {
    this.schema.dropTable('insights_push_events')
    this.schema.dropTable('insights_counters')
    this.schema.dropTable('insights_runs')
    this.schema.dropTable('insights_dataset_days')
    this.schema.dropTable('insights_rows')
  }
}
