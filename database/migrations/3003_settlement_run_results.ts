import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Relational copies of the results the public API and the portal query by
 * period, side or party (the full frames stay in settlement_run_frames).
 * Field names follow Insights `balancing/settlement/system-prices` and
 * `settlement/stack/all/{bid|offer}`. Party charges are one row per charge
 * so a Modification that adds a cashflow needs no schema change.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('settlement_system_prices', (table) => {
      table
        .integer('run_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('settlement_runs')
        .onDelete('CASCADE')
      table.integer('settlement_period').notNullable()
      table.string('start_time', 20).notNullable()
      table.double('system_sell_price').nullable()
      table.double('system_buy_price').nullable()
      table.boolean('bsad_defaulted').nullable()
      table.string('price_derivation_code', 4).nullable()
      table.double('reserve_scarcity_price').nullable()
      table.double('net_imbalance_volume').nullable()
      table.double('sell_price_adjustment').nullable()
      table.double('buy_price_adjustment').nullable()
      table.double('replacement_price').nullable()
      table.double('replacement_price_reference_volume').nullable()
      table.double('total_accepted_offer_volume').nullable()
      table.double('total_accepted_bid_volume').nullable()
      table.double('total_adjustment_sell_volume').nullable()
      table.double('total_adjustment_buy_volume').nullable()
      table.double('total_system_tagged_accepted_offer_volume').nullable()
      table.double('total_system_tagged_accepted_bid_volume').nullable()
      table.double('total_system_tagged_adjustment_sell_volume').nullable()
      table.double('total_system_tagged_adjustment_buy_volume').nullable()
      table.primary(['run_id', 'settlement_period'])
    })

    this.schema.createTable('settlement_stack_items', (table) => {
      table
        .integer('run_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('settlement_runs')
        .onDelete('CASCADE')
      table.integer('settlement_period').notNullable()
      table.string('side', 5).notNullable()
      /* rank of the item in its period and side, as the stack was published */
      table.integer('sequence_number').notNullable()
      table.string('id', 40).nullable()
      table.string('bm_unit', 16).nullable()
      table.integer('acceptance_id').nullable()
      table.integer('bid_offer_pair_id').nullable()
      table.boolean('cadl_flag').nullable()
      table.boolean('so_flag').nullable()
      table.boolean('stor_provider_flag').nullable()
      table.boolean('repriced_indicator').nullable()
      table.double('reserve_scarcity_price').nullable()
      table.double('original_price').nullable()
      table.double('volume').nullable()
      table.double('dmat_adjusted_volume').nullable()
      table.double('arbitrage_adjusted_volume').nullable()
      table.double('niv_adjusted_volume').nullable()
      table.double('par_adjusted_volume').nullable()
      table.double('final_price').nullable()
      table.double('transmission_loss_multiplier').nullable()
      table.double('tlm_adjusted_volume').nullable()
      table.double('tlm_adjusted_cost').nullable()
      table.primary(['run_id', 'settlement_period', 'side', 'sequence_number'])
    })

    this.schema.createTable('settlement_party_charges', (table) => {
      table
        .integer('run_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('settlement_runs')
        .onDelete('CASCADE')
      table.string('party_id', 12).notNullable()
      /* the party_totals column, e.g. energyImbalanceCashflow */
      table.string('charge', 60).notNullable()
      table.double('amount').nullable()
      table.primary(['run_id', 'party_id', 'charge'])
      table.index(['party_id'])
    })
  }

  async down() {
    this.schema.dropTable('settlement_party_charges')
    this.schema.dropTable('settlement_stack_items')
    this.schema.dropTable('settlement_system_prices')
  }
}
