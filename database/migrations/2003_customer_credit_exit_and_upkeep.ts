import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Credit cover, credit defaults, BSC charges, the annual signatory
 * confirmation, MSID Pair file uploads, the NETSO step of Primary BM Units,
 * licence ends and P414 exits (customer.md §6.1, §7, §8.2, §9, §10, §15).
 * Money is integer pence (bigint). New columns on existing tables are
 * nullable or defaulted so the demo generator's inserts keep working.
 */
const PARAMETERS: [string, number, string, string, string][] = [
  [
    'credit_default_level_1',
    80,
    'percent',
    '2000-01-01',
    'BSC Section M 3.2.1 (quoted in CP0520): Level 1 Credit Default above 80 % Credit Cover usage',
  ],
  [
    'credit_default_level_2',
    90,
    'percent',
    '2000-01-01',
    'BSC Section M 3.3.1 (quoted in CP0520): Level 2 Credit Default above 90 %',
  ],
  [
    'credit_default_escalation',
    90,
    'days',
    '2000-01-01',
    'Elexon credit pages: Level 1 may last up to 90 continuous days before the Panel is involved',
  ],
  [
    'base_monthly_charge',
    25000,
    'pence',
    '2000-01-01',
    'Elexon "Becoming a Supplier": Base Monthly Charge £250 + VAT per calendar month (or part)',
  ],
  ['accession_fee', 50000, 'pence', '2000-01-01', 'Elexon market entry pages: Accession Fee £500'],
  [
    'vat_rate',
    20,
    'percent',
    '2011-01-04',
    'HMRC: UK standard rate of VAT 20 % from 4 January 2011',
  ],
  [
    'signatory_confirmation_cycle',
    12,
    'months',
    '2000-01-01',
    'BSCP38 / Elexon knowledgebase: the list of authorised persons is confirmed once a year',
  ],
  [
    'signatory_confirmation_due',
    20,
    'working_days',
    '2000-01-01',
    'Product decision [D]: a Category A answers the annual confirmation within 20 WD',
  ],
]

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('customer_credit_cover_movements', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('kind', 12).notNullable()
      table.string('state', 12).notNullable()
      table.bigInteger('amount_pence').notNullable()
      table.string('effective_on', 10).notNullable()
      table.string('instrument', 20).nullable()
      table.string('reference', 100).nullable()
      table.integer('requested_by').nullable()
      table.integer('recorded_by').nullable()
      table.text('state_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('decided_at').nullable()
    })

    /* One row per credit default episode: entered, escalated or eased, cleared. */
    this.schema.createTable('customer_credit_defaults', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('state', 10).notNullable()
      table.string('started_on', 10).notNullable()
      table.integer('highest_level').notNullable()
      table.double('ccp_percent').nullable()
      table.text('basis').nullable()
      table.string('cleared_on', 10).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    this.schema.createTable('customer_bsc_charge_payments', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('paid_on', 10).notNullable()
      table.bigInteger('amount_pence').notNullable()
      table.string('reference', 100).notNullable()
      table.integer('recorded_by').notNullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_signatory_confirmations', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('state', 12).notNullable()
      table.string('issued_on', 10).notNullable()
      table.string('due_on', 10).notNullable()
      table.text('authorised_persons').notNullable()
      table.integer('addressed_to').nullable()
      table.integer('confirmed_by').nullable()
      table.text('note').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('confirmed_at').nullable()
    })

    this.schema.createTable('customer_msid_pair_uploads', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('file_name', 200).notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('size_bytes').notNullable()
      table.integer('row_count').notNullable()
      table.integer('accepted').notNullable()
      table.integer('rejected').notNullable()
      table.text('results').notNullable()
      table.integer('uploaded_by').notNullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.alterTable('customer_msid_pairs', (table) => {
      table.integer('upload_id').nullable()
    })

    this.schema.alterTable('customer_bm_units', (table) => {
      table.string('netso_agreed_on', 10).nullable()
      table.string('netso_reference', 60).nullable()
      table.integer('netso_document_id').nullable()
    })

    this.schema.alterTable('customer_parties', (table) => {
      table.string('licence_ended_on', 10).nullable()
      table.timestamp('access_ended_at').nullable()
    })

    this.schema.alterTable('customer_exit_cases', (table) => {
      table.string('route', 10).notNullable().defaultTo('standard')
      table.string('receiving_party_id', 12).nullable()
      table.string('licence_revocation_date', 10).nullable()
      table.string('transfer_reference', 100).nullable()
    })

    this.defer(async (db) => {
      const now = new Date().toISOString()
      await db.table('customer_lead_time_rules').multiInsert(
        PARAMETERS.map(([kind, value, unit, effectiveFrom, reference]) => ({
          kind,
          value,
          unit,
          effective_from: effectiveFrom,
          reference,
          created_at: now,
        }))
      )
    })
  }

  async down() {
    this.defer(async (db) => {
      await db
        .from('customer_lead_time_rules')
        .whereIn(
          'kind',
          PARAMETERS.map(([kind]) => kind)
        )
        .delete()
    })
    this.schema.alterTable('customer_exit_cases', (table) => {
      table.dropColumns(
        'route',
        'receiving_party_id',
        'licence_revocation_date',
        'transfer_reference'
      )
    })
    this.schema.alterTable('customer_parties', (table) => {
      table.dropColumns('licence_ended_on', 'access_ended_at')
    })
    this.schema.alterTable('customer_bm_units', (table) => {
      table.dropColumns('netso_agreed_on', 'netso_reference', 'netso_document_id')
    })
    this.schema.alterTable('customer_msid_pairs', (table) => {
      table.dropColumn('upload_id')
    })
    for (const name of [
      'customer_msid_pair_uploads',
      'customer_signatory_confirmations',
      'customer_bsc_charge_payments',
      'customer_credit_defaults',
      'customer_credit_cover_movements',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
