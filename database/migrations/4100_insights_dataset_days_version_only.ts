import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * insights_dataset_days keeps only what is read: the version (response cache
 * key, completeness) and when it changed. Its row and slot counts were written
 * on every ingestion by counting the day's rows of every run (a GB day: three
 * scans of 70 000 rows per run) and never read; completeness counts the rows it
 * reports on.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('insights_dataset_days', (table) => {
      table.dropColumn('row_count')
      table.dropColumn('slot_count')
    })
  }

  async down() {
    this.schema.alterTable('insights_dataset_days', (table) => {
      table.integer('row_count').notNullable().defaultTo(0)
      table.integer('slot_count').notNullable().defaultTo(0)
    })
  }
}
