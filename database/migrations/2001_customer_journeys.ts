import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The customer journeys (customer.md §3–§10): the entry case lives on the party
 * row; role cases, qualification sub-cases, signatory requests, change requests,
 * exits and work-queue tasks get their own tables. New party columns are
 * nullable or defaulted so the demo generator's inserts keep working.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('customer_parties', (table) => {
      table.string('entry_state', 30).notNullable().defaultTo('ACTIVE')
      table.string('case_reference', 20).nullable()
      table.string('prospect_contact_name', 200).nullable()
      table.string('prospect_contact_email', 254).nullable()
      table.text('intended_roles').nullable()
      table.string('licence_status', 20).nullable()
      table.string('licence_number', 40).nullable()
      table.text('invoice_address').nullable()
      table.string('participant_code', 4).nullable()
      table.string('proposed_party_id', 12).nullable()
      table.integer('agreement_document_id').nullable()
      table.string('agreement_dated_on', 10).nullable()
      table.integer('accession_prepared_by').nullable()
      table.integer('accession_approved_by').nullable()
      table.text('state_reason').nullable()
    })

    this.schema.createTable('customer_documents', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('kind', 30).notNullable()
      table.string('file_name', 200).notNullable()
      table.string('stored_name', 100).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('uploaded_by').nullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_invitations', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('email', 254).notNullable()
      table.string('full_name', 200).notNullable()
      table.string('portal_role', 20).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.string('state', 20).notNullable()
      table.integer('invited_by').nullable()
      table.integer('user_id').nullable()
      table.timestamp('expires_at').notNullable()
      table.timestamp('accepted_at').nullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_tasks', (table) => {
      table.increments('id')
      table.string('party_id', 12).nullable().index()
      table.string('case_type', 30).notNullable()
      table.string('case_id', 40).notNullable()
      table.string('kind', 60).notNullable()
      table.string('title', 200).notNullable()
      table.text('reason').notNullable()
      table.string('assignee', 20).notNullable()
      table.string('due_on', 10).nullable()
      table.string('status', 10).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('completed_at').nullable()
      table.index(['case_type', 'case_id'])
      table.index(['assignee', 'status'])
    })

    this.schema.createTable('customer_role_cases', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('role_code', 12).notNullable()
      table.string('state', 30).notNullable()
      table.string('target_effective_from', 10).notNullable()
      table.integer('opened_by').notNullable()
      table.integer('submitted_by').nullable()
      table.text('state_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    this.schema.createTable('customer_qualification_cases', (table) => {
      table.increments('id')
      table
        .integer('role_case_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('customer_role_cases')
        .onDelete('CASCADE')
      table.string('party_id', 12).notNullable().index()
      table.string('kind', 10).notNullable()
      table.string('state', 30).notNullable()
      table.string('first_test_on', 10).nullable()
      table.text('state_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    this.schema.createTable('customer_contacts', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('full_name', 200).notNullable()
      table.string('job_title', 120).nullable()
      table.string('email', 254).notNullable()
      table.string('phone', 40).nullable()
      table.text('contact_types').notNullable()
      table.string('status', 20).notNullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    this.schema.createTable('customer_bank_accounts', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('purpose', 10).notNullable()
      table.string('account_name', 120).notNullable()
      table.string('sort_code', 6).notNullable()
      table.string('account_number', 8).notNullable()
      table.string('bank_name', 120).notNullable()
      table.string('status', 20).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    /* Maker-checker for My Account and signatories: the draft, who prepared it, who decided. */
    this.schema.createTable('customer_change_requests', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('subject_type', 30).notNullable()
      table.string('subject_id', 40).nullable()
      table.text('change').notNullable()
      table.text('before').nullable()
      table.string('state', 20).notNullable()
      table.text('approver_categories').notNullable()
      table.integer('prepared_by').notNullable()
      table.integer('decided_by').nullable()
      table.text('decision_reason').nullable()
      table.integer('document_id').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('decided_at').nullable()
    })

    this.schema.alterTable('customer_bm_units', (table) => {
      table.string('bm_unit_name', 30).nullable()
      table.string('ldso_party_id', 12).nullable()
      table.string('interconnector_id', 20).nullable()
      table.boolean('is_base').notNullable().defaultTo(false)
      table.boolean('netso_agreed').notNullable().defaultTo(false)
      table.integer('submitted_by').nullable()
      table.text('state_reason').nullable()
    })

    this.schema.createTable('customer_metering_systems', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('msid', 13).notNullable().index()
      table.string('gsp_group_id', 2).notNullable()
      table.string('measurement_class', 3).notNullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_msid_pairs', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('bm_unit_id', 16).notNullable().index()
      table.string('import_msid', 13).notNullable().index()
      table.string('export_msid', 13).nullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.string('status', 10).notNullable()
      table.text('rejection_reason').nullable()
      table.integer('submitted_by').notNullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_asset_metering_systems', (table) => {
      table.increments('id')
      table.string('amsid', 16).nullable().unique()
      table.string('party_id', 12).notNullable().index()
      table.string('boundary_msid', 13).notNullable()
      table.string('direction', 6).notNullable()
      table.string('asset_metering_type', 30).notNullable()
      table.string('gsp_group_id', 2).notNullable()
      table.string('moa_id', 8).notNullable()
      table.string('dc_id', 8).notNullable()
      table.boolean('cop11_compliant').notNullable()
      table.string('commissioned_on', 10).notNullable()
      table.string('effective_from', 10).notNullable()
      table.string('effective_to', 10).nullable()
      table.string('bm_unit_id', 16).nullable()
      table.string('state', 20).notNullable()
      table.integer('submitted_by').notNullable()
      table.text('state_reason').nullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('customer_exit_cases', (table) => {
      table.increments('id')
      table.string('party_id', 12).notNullable().index()
      table.string('state', 20).notNullable()
      table.string('notice_date', 10).notNullable()
      table.string('withdrawal_date', 10).notNullable()
      table.text('blockers').notNullable()
      table.integer('served_by').notNullable()
      table.integer('decided_by').nullable()
      table.text('state_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('decided_at').nullable()
    })
  }

  async down() {
    for (const name of [
      'customer_exit_cases',
      'customer_asset_metering_systems',
      'customer_msid_pairs',
      'customer_metering_systems',
      'customer_change_requests',
      'customer_bank_accounts',
      'customer_contacts',
      'customer_qualification_cases',
      'customer_role_cases',
      'customer_tasks',
      'customer_invitations',
      'customer_documents',
    ]) {
      this.schema.dropTable(name)
    }
    this.schema.alterTable('customer_bm_units', (table) => {
      table.dropColumns(
        'bm_unit_name',
        'ldso_party_id',
        'interconnector_id',
        'is_base',
        'netso_agreed',
        'submitted_by',
        'state_reason'
      )
    })
    this.schema.alterTable('customer_parties', (table) => {
      table.dropColumns(
        'entry_state',
        'case_reference',
        'prospect_contact_name',
        'prospect_contact_email',
        'intended_roles',
        'licence_status',
        'licence_number',
        'invoice_address',
        'participant_code',
        'proposed_party_id',
        'agreement_document_id',
        'agreement_dated_on',
        'accession_prepared_by',
        'accession_approved_by',
        'state_reason'
      )
    })
  }
}
