import { BaseSchema } from '@adonisjs/lucid/schema'
import type { Knex } from 'knex'

/**
 * Settlement inputs per settlement date (settlement.md §4). Each import
 * replaces one dataset for one date in a single transaction and records a
 * batch; a run freezes what it reads into a content-hashed input snapshot.
 * Dates are `yyyy-MM-dd` strings, instants ISO UTC strings (`...Z`), so both
 * SQLite and PostgreSQL store and compare them identically.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('settlement_import_batches', (table) => {
      table.increments('id')
      table.string('dataset', 30).notNullable()
      table.string('settlement_date', 10).nullable()
      table.string('file_name', 300).notNullable()
      table.integer('row_count').notNullable()
      table.string('content_hash', 64).notNullable()
      table.string('imported_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['dataset', 'settlement_date'])
    })

    const perPeriod = (name: string, columns: (table: Knex.CreateTableBuilder) => void) =>
      this.schema.createTable(name, (table) => {
        table.increments('id')
        table.integer('batch_id').notNullable().unsigned()
        table.string('settlement_date', 10).notNullable()
        table.integer('settlement_period').notNullable()
        columns(table)
        table.index(['settlement_date', 'settlement_period'])
      })

    perPeriod('settlement_metered_volumes', (table) => {
      table.string('bm_unit_id', 16).notNullable()
      table.double('volume').notNullable()
      table.boolean('estimated').notNullable().defaultTo(false)
    })

    perPeriod('settlement_fpns', (table) => {
      table.string('bm_unit_id', 16).notNullable()
      table.string('time_from', 20).notNullable()
      table.double('level_from').notNullable()
      table.string('time_to', 20).notNullable()
      table.double('level_to').notNullable()
    })

    perPeriod('settlement_bods', (table) => {
      table.string('bm_unit_id', 16).notNullable()
      table.integer('pair_id').notNullable()
      table.string('time_from', 20).notNullable()
      table.double('level_from').notNullable()
      table.string('time_to', 20).notNullable()
      table.double('level_to').notNullable()
      table.double('offer').notNullable()
      table.double('bid').notNullable()
    })

    perPeriod('settlement_absvd', (table) => {
      table.string('bm_unit_id', 16).notNullable()
      table.double('volume').notNullable()
    })

    perPeriod('settlement_disbsad', (table) => {
      table.integer('item_id').notNullable()
      table.double('cost').notNullable()
      table.double('volume').notNullable()
      table.boolean('so_flag').notNullable().defaultTo(false)
      table.boolean('stor_flag').notNullable().defaultTo(false)
      table.string('party_id', 12).nullable()
      table.string('asset_id', 30).nullable()
      table.boolean('is_tendered').nullable()
      table.string('service', 60).nullable()
    })

    perPeriod('settlement_netbsad', (table) => {
      table.double('net_buy_price_cost_adjustment_energy').notNullable().defaultTo(0)
      table.double('net_buy_price_volume_adjustment_energy').notNullable().defaultTo(0)
      table.double('net_buy_price_volume_adjustment_system').notNullable().defaultTo(0)
      table.double('buy_price_price_adjustment').notNullable().defaultTo(0)
      table.double('net_sell_price_cost_adjustment_energy').notNullable().defaultTo(0)
      table.double('net_sell_price_volume_adjustment_energy').notNullable().defaultTo(0)
      table.double('net_sell_price_volume_adjustment_system').notNullable().defaultTo(0)
      table.double('sell_price_price_adjustment').notNullable().defaultTo(0)
      table.boolean('bsad_defaulted').notNullable().defaultTo(false)
    })

    perPeriod('settlement_market_index', (table) => {
      table.string('data_provider', 20).notNullable()
      table.double('price').notNullable()
      table.double('volume').notNullable()
    })

    perPeriod('settlement_lolp', (table) => {
      table.double('lolp').notNullable()
      table.double('demand_control_volume').notNullable().defaultTo(0)
    })

    perPeriod('settlement_ecvns', (table) => {
      table.string('from_account', 16).notNullable()
      table.string('to_account', 16).notNullable()
      table.double('volume').notNullable()
    })

    perPeriod('settlement_mvrns', (table) => {
      table.string('bm_unit_id', 16).notNullable()
      table.string('from_account', 16).notNullable()
      table.string('to_account', 16).notNullable()
      table.double('fixed_volume').notNullable().defaultTo(0)
      table.double('percentage').notNullable().defaultTo(0)
    })

    /* BOALF: one row per straight segment of an acceptance's level profile. */
    this.schema.createTable('settlement_acceptances', (table) => {
      table.increments('id')
      table.integer('batch_id').notNullable().unsigned()
      table.string('settlement_date', 10).notNullable()
      table.string('bm_unit_id', 16).notNullable()
      table.integer('acceptance_number').notNullable()
      table.string('acceptance_time', 20).notNullable()
      table.boolean('deemed_bo_flag').notNullable().defaultTo(false)
      table.boolean('so_flag').notNullable().defaultTo(false)
      table.boolean('stor_flag').notNullable().defaultTo(false)
      table.boolean('rr_flag').notNullable().defaultTo(false)
      table.string('time_from', 20).notNullable()
      table.double('level_from').notNullable()
      table.string('time_to', 20).notNullable()
      table.double('level_to').notNullable()
      table.index(['settlement_date'])
      table.index(['bm_unit_id', 'acceptance_number'])
    })
  }

  async down() {
    for (const name of [
      'settlement_acceptances',
      'settlement_mvrns',
      'settlement_ecvns',
      'settlement_lolp',
      'settlement_market_index',
      'settlement_netbsad',
      'settlement_disbsad',
      'settlement_absvd',
      'settlement_bods',
      'settlement_fpns',
      'settlement_metered_volumes',
      'settlement_import_batches',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
