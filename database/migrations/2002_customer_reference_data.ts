import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Reference data of the customer context: GSP Groups (customer.md §7.3) and the
 * dated lead-time parameters (§3.3, §15: every published lead time is data).
 * The withdrawal notice period is deliberately NOT seeded: §15 says it has no
 * default and must be set by an operator before exits are accepted.
 */
const GSP_GROUPS: [string, string, string][] = [
  ['_A', 'Eastern', '10'],
  ['_B', 'East Midlands', '11'],
  ['_C', 'London', '12'],
  ['_D', 'Merseyside and North Wales', '13'],
  ['_E', 'Midlands', '14'],
  ['_F', 'Northern', '15'],
  ['_G', 'North Western', '16'],
  ['_H', 'Southern', '20'],
  ['_J', 'South Eastern', '19'],
  ['_K', 'South Wales', '21'],
  ['_L', 'South Western', '22'],
  ['_M', 'Yorkshire', '23'],
  ['_N', 'South Scotland', '18'],
  ['_P', 'North Scotland', '17'],
]

const LEAD_TIMES: [string, number, string, string][] = [
  ['eoi_triage', 2, 'working_days', 'Kinnect: Assistant access within 2 WD of the EoI'],
  [
    'accession_check',
    5,
    'working_days',
    'Product decision [D]: operator check of a submitted accession',
  ],
  ['role_registration', 3, 'working_days', 'BSCP65/01 received >= 3 WD before the effective date'],
  ['cva_test_booking', 10, 'working_days', 'BSCP70 booking form: >= 10 WD before the first test'],
  ['primary_bm_unit_registration', 30, 'working_days', 'How do I register BM Units? 30 WD'],
  ['msid_pair_allocation', 7, 'working_days', 'P0278: >= 7 WD before the effective-from date'],
  ['draft_approval', 5, 'working_days', 'Product decision [D]: Cat A decides on a draft'],
  ['invitation_expiry', 7, 'days', 'Product decision [D]: invitations expire after 7 days'],
  [
    'record_retention',
    28,
    'months',
    'BSCP38: end-dated contacts/signatories deleted after 28 months',
  ],
]

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('customer_gsp_groups', (table) => {
      table.string('gsp_group_id', 2).primary()
      table.string('name', 60).notNullable()
      table.string('distributor_prefix', 2).notNullable()
    })

    this.schema.createTable('customer_lead_time_rules', (table) => {
      table.increments('id')
      table.string('kind', 40).notNullable()
      table.integer('value').notNullable()
      table.string('unit', 20).notNullable()
      table.string('effective_from', 10).notNullable()
      table.text('reference').notNullable()
      table.integer('set_by').nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['kind', 'effective_from'])
    })

    this.defer(async (db) => {
      await db.table('customer_gsp_groups').multiInsert(
        GSP_GROUPS.map(([id, name, prefix]) => ({
          gsp_group_id: id,
          name,
          distributor_prefix: prefix,
        }))
      )
      const now = new Date().toISOString()
      await db.table('customer_lead_time_rules').multiInsert(
        LEAD_TIMES.map(([kind, value, unit, reference]) => ({
          kind,
          value,
          unit,
          effective_from: '2000-01-01',
          reference,
          created_at: now,
        }))
      )
    })
  }

  async down() {
    this.schema.dropTable('customer_lead_time_rules')
    this.schema.dropTable('customer_gsp_groups')
  }
}
