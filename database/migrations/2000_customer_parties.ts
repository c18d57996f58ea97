import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The register of BSC Parties (the CRA role, customer.md §1): parties, their
 * market roles, energy accounts, BM Units and authorised signatories.
 */
const AUTHORISATION_CATEGORIES: [string, string, string[]][] = [
  [
    'A',
    'Authorised persons and approvals',
    ['signatory_change', 'approve_draft', 'grant_portal_access', 'market_exit'],
  ],
  [
    'B',
    'Party, role and asset registration',
    [
      'role_registration',
      'bm_unit_registration',
      'metering_system_registration',
      'trading_unit_registration',
    ],
  ],
  ['C', 'Credit cover', ['credit_cover', 'credit_contacts']],
  ['D', 'Trading disputes and manifest errors', ['trading_dispute']],
  ['E', 'Notification agent appointments', ['ecvna_appointment', 'mvrna_appointment']],
  ['F', 'Funds and bank details', ['bank_details']],
  ['G', 'Metering operations', ['metering_dispensation', 'data_estimation']],
  ['H', 'Report requests', ['report_request']],
]

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('customer_parties', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().unique()
      table.string('name', 200).notNullable()
      table.string('status', 20).notNullable()
      table.string('registered_number', 20).nullable()
      table.string('vat_number', 20).nullable()
      table.string('country', 2).notNullable().defaultTo('GB')
      table.text('registered_address').nullable()
      table.text('correspondence_address').nullable()
      table.string('accession_date', 10).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    this.schema.createTable('customer_party_roles', (table) => {
      table.increments('id')
      table
        .string('party_id', 12)
        .notNullable()
        .references('party_id')
        .inTable('customer_parties')
        .onDelete('CASCADE')
      table.string('role_code', 12).notNullable()
      table.string('status', 20).notNullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['party_id', 'role_code'])
    })

    this.schema.createTable('customer_energy_accounts', (table) => {
      table.increments('id')
      table
        .string('party_id', 12)
        .notNullable()
        .references('party_id')
        .inTable('customer_parties')
        .onDelete('CASCADE')
      table.string('account_id', 16).notNullable().unique()
      table.string('account_type', 3).notNullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_bm_units', (table) => {
      table.increments('id')
      table.string('bm_unit_id', 16).notNullable()
      table.string('ngc_bm_unit_id', 16).nullable()
      table
        .string('party_id', 12)
        .notNullable()
        .references('party_id')
        .inTable('customer_parties')
        .onDelete('CASCADE')
      table.string('bm_unit_type', 2).notNullable()
      table.string('gsp_group_id', 2).nullable()
      table.string('fuel_type', 20).nullable()
      table.double('generation_capacity').notNullable().defaultTo(0)
      table.double('demand_capacity').notNullable().defaultTo(0)
      table.string('pc_flag', 1).nullable()
      table.boolean('fpn_flag').notNullable().defaultTo(true)
      table.string('trading_unit_id', 30).nullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.string('status', 20).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['party_id'])
      table.index(['bm_unit_id'])
    })

    this.schema.createTable('customer_authorisation_categories', (table) => {
      table.string('code', 2).primary()
      table.string('label', 200).notNullable()
      table.text('request_types').notNullable()
    })

    this.schema.createTable('customer_signatory_authorisations', (table) => {
      table.increments('id')
      table
        .string('party_id', 12)
        .notNullable()
        .references('party_id')
        .inTable('customer_parties')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('core_users')
        .onDelete('CASCADE')
      table
        .string('category', 2)
        .notNullable()
        .references('code')
        .inTable('customer_authorisation_categories')
      table.string('start_date', 10).notNullable()
      table.string('end_date', 10).nullable()
      table.string('status', 20).notNullable()
      table.integer('proposed_by').nullable()
      table.integer('approved_by').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['party_id', 'user_id'])
    })

    /* BSCP38 categories are reference data (customer.md §2.3, §15); only A is special in code. */
    this.defer(async (db) => {
      await db.table('customer_authorisation_categories').multiInsert(
        AUTHORISATION_CATEGORIES.map(([code, label, requestTypes]) => ({
          code,
          label,
          request_types: JSON.stringify(requestTypes),
        }))
      )
    })
  }

  async down() {
    this.schema.dropTable('customer_signatory_authorisations')
    this.schema.dropTable('customer_authorisation_categories')
    this.schema.dropTable('customer_bm_units')
    this.schema.dropTable('customer_energy_accounts')
    this.schema.dropTable('customer_party_roles')
    this.schema.dropTable('customer_parties')
  }
}
