import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Parallel-run reports (issue 4 §5, ARCHITECTURE.md §4.6): a plugin's
 * candidate rule set against the control in force, on the same input
 * snapshots. One row per request; the comparison itself is a JSON report
 * (text, so SQLite and PostgreSQL store it alike), written with the status
 * in one statement — a report is complete or marked failed, never half.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('settlement_parallel_runs', (table) => {
      table.increments('id')
      table.string('plugin_id', 64).notNullable()
      table.integer('plugin_version').notNullable()
      table.string('date_from', 10).notNullable()
      table.string('date_to', 10).notNullable()
      /* rule-set keys of the first date (each date's are in the report) */
      table.text('control_key').notNullable()
      table.text('candidate_key').notNullable()
      /* JSON { date: input snapshot hash } */
      table.text('input_hashes').nullable()
      table.string('status', 9).notNullable()
      table.string('requested_by', 254).notNullable()
      table.string('started_at', 24).notNullable()
      table.string('finished_at', 24).nullable()
      /* JSON { loadMs, computeMs, compareMs, totalMs } */
      table.text('timings').nullable()
      table.bigInteger('compared_values').nullable()
      table.bigInteger('changed_values').nullable()
      table.double('max_abs_diff').nullable()
      table.text('error').nullable()
      table.string('failed_stage', 128).nullable()
      table.string('failed_origin', 64).nullable()
      table.text('report').nullable()
      table.index(['plugin_id', 'started_at'])
      table.index(['started_at'])
    })
  }

  async down() {
    this.schema.dropTable('settlement_parallel_runs')
  }
}
