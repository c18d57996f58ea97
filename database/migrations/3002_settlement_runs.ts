import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Settlement runs (ARCHITECTURE.md §4.5, settlement.md §6): a run never
 * overwrites another; its inputs are a content-addressed snapshot, its
 * outputs a set of columnar frames written in one transaction with the run's
 * final status. Instants are ISO UTC strings so SQLite and PostgreSQL agree.
 */
export default class extends BaseSchema {
  async up() {
    /* Compressed canonical DayInputs, shared by every run that read the same inputs. */
    this.schema.createTable('settlement_input_snapshots', (table) => {
      table.string('hash', 64).primary()
      table.string('settlement_date', 10).notNullable()
      table.bigInteger('byte_length').notNullable()
      table.binary('data').notNullable()
      table.string('created_at', 24).notNullable()
    })

    this.schema.createTable('settlement_runs', (table) => {
      table.increments('id')
      table.string('settlement_date', 10).notNullable()
      table.string('run_type', 2).notNullable()
      table.integer('run_number').notNullable()
      /* null for production runs; a sandbox trial's id otherwise (ARCHITECTURE.md §4.7) */
      table.integer('sandbox_id').nullable()
      table.string('status', 10).notNullable()
      table.string('rule_set_key', 200).notNullable()
      table.string('input_hash', 64).nullable()
      table.string('output_hash', 64).nullable()
      table.string('code_version', 120).nullable()
      table.integer('periods').nullable()
      table.integer('period_minutes').notNullable().defaultTo(30)
      /* JSON: parameter name → { value, effectiveFrom, source } */
      table.text('parameters').nullable()
      /* JSON: the run manifest (rule set, stages, ranges, frames, hashes) */
      table.text('manifest').nullable()
      /* JSON: headline figures (charges, NIV, parties) */
      table.text('totals').nullable()
      table.text('error').nullable()
      table.string('failed_stage', 100).nullable()
      table.string('failed_origin', 100).nullable()
      table.string('requested_by', 254).notNullable()
      table.string('queued_at', 24).notNullable()
      table.string('started_at', 24).nullable()
      table.string('finished_at', 24).nullable()
      table.double('load_ms').nullable()
      table.double('compute_ms').nullable()
      table.double('persist_ms').nullable()
      table.double('total_ms').nullable()
      table.index(['settlement_date', 'run_type'])
      table.index(['status'])
    })
    /* Run numbers are unique per date and type, separately for production and each sandbox. */
    this.schema.raw(
      'CREATE UNIQUE INDEX settlement_runs_production_number ON settlement_runs (settlement_date, run_type, run_number) WHERE sandbox_id IS NULL'
    )
    this.schema.raw(
      'CREATE UNIQUE INDEX settlement_runs_sandbox_number ON settlement_runs (sandbox_id, settlement_date, run_type, run_number) WHERE sandbox_id IS NOT NULL'
    )

    this.schema.createTable('settlement_run_stages', (table) => {
      table.increments('id')
      table
        .integer('run_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('settlement_runs')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.string('stage_id', 100).notNullable()
      table.string('origin', 100).notNullable()
      table.string('scope', 6).notNullable()
      table.string('title', 200).notNullable()
      table.string('reference', 300).notNullable()
      table.string('status', 10).notNullable()
      /* compute time summed over the period ranges */
      table.double('ms').nullable()
      table.text('processed').nullable()
      table.text('indicators').nullable()
      table.text('details').nullable()
      table.unique(['run_id', 'position'])
      table.index(['stage_id'])
    })

    /*
     * Every frame a run's stages wrote, columnar and compressed: plugin frames
     * are stored, diffed and traced without schema changes.
     */
    this.schema.createTable('settlement_run_frames', (table) => {
      table.increments('id')
      table
        .integer('run_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('settlement_runs')
        .onDelete('CASCADE')
      table.string('name', 100).notNullable()
      /* the stage that wrote it; null for the entity dictionaries copied from the inputs */
      table.string('stage_id', 100).nullable()
      table.string('axis', 10).notNullable()
      table.boolean('per_period').notNullable()
      table.integer('row_count').notNullable()
      /* JSON: [{ name, type }] of numeric columns, then label names */
      table.text('columns').notNullable()
      table.text('labels').notNullable()
      table.binary('data').notNullable()
      table.unique(['run_id', 'name'])
    })
  }

  async down() {
    this.schema.dropTable('settlement_run_frames')
    this.schema.dropTable('settlement_run_stages')
    this.schema.dropTable('settlement_runs')
    this.schema.dropTable('settlement_input_snapshots')
  }
}
