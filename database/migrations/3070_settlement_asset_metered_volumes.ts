import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * P375 asset-metered volumes per settlement date and period (dataset `asset-metered-volumes`):
 * the delivered volume of an Asset Metering VLP's Secondary BM Unit measured behind the Boundary
 * Point, and the Supplier BM Unit hosting the assets. Replaced per date like the other inputs.
 */
export default class extends BaseSchema {
  protected tableName = 'settlement_asset_metered_volumes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('batch_id').notNullable().unsigned()
      table.string('settlement_date', 10).notNullable()
      table.integer('settlement_period').notNullable()
      table.string('bm_unit_id', 16).notNullable()
      table.string('supplier_bm_unit_id', 16).notNullable()
      table.double('volume').notNullable()
      table.index(['settlement_date', 'settlement_period'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
