import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Settlement reference data (settlement.md §4.1). Replicated from the customer
 * register by events, or imported with `node ace settlement:import`.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('settlement_parties', (table) => {
      table.string('party_id', 12).primary()
      table.string('name', 200).notNullable()
      table.text('roles').notNullable()
    })

    this.schema.createTable('settlement_accounts', (table) => {
      table.string('account_id', 16).primary()
      table
        .string('party_id', 12)
        .notNullable()
        .references('party_id')
        .inTable('settlement_parties')
        .onDelete('CASCADE')
      table.string('account_type', 3).notNullable()
      table.index(['party_id'])
    })

    this.schema.createTable('settlement_bm_units', (table) => {
      table.increments('id')
      table.string('bm_unit_id', 16).notNullable()
      table.string('ngc_bm_unit_id', 16).nullable()
      table
        .string('lead_party_id', 12)
        .notNullable()
        .references('party_id')
        .inTable('settlement_parties')
      table.string('bm_unit_type', 2).notNullable()
      table.string('gsp_group_id', 2).nullable()
      table.string('trading_unit_id', 30).nullable()
      table.string('pc_status', 1).notNullable()
      table.boolean('is_interconnector').notNullable().defaultTo(false)
      table.string('fuel_type', 20).nullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.unique(['bm_unit_id', 'effective_from'])
      table.index(['lead_party_id'])
    })

    /* Zonal, seasonal transmission loss factors (P350); zone = GSP Group. */
    this.schema.createTable('settlement_tlfs', (table) => {
      table.increments('id')
      table.string('zone', 2).notNullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).notNullable()
      table.double('tlf').notNullable()
      table.unique(['zone', 'effective_from'])
    })

    /* Working-day run calendar: when each run type of a settlement date is due (§2.2, data). */
    this.schema.createTable('settlement_run_calendar', (table) => {
      table.string('settlement_date', 10).notNullable()
      table.string('run_type', 2).notNullable()
      table.string('run_date', 10).notNullable()
      table.primary(['settlement_date', 'run_type'])
    })
  }

  async down() {
    this.schema.dropTable('settlement_run_calendar')
    this.schema.dropTable('settlement_tlfs')
    this.schema.dropTable('settlement_bm_units')
    this.schema.dropTable('settlement_accounts')
    this.schema.dropTable('settlement_parties')
  }
}
