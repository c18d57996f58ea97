import { BaseSchema } from '@adonisjs/lucid/schema'

/** The mail outbox (dev transport shows it) and the append-only audit log. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('core_mail_outbox', (table) => {
      table.increments('id')
      table.string('to_address', 254).notNullable().index()
      table.string('subject', 300).notNullable()
      table.text('text_body').notNullable()
      table.text('html_body').nullable()
      table.string('transport', 20).notNullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('core_audit_log', (table) => {
      table.increments('id')
      table.integer('actor_user_id').nullable().index()
      table.string('actor_label', 254).notNullable()
      table.string('action', 100).notNullable().index()
      table.string('subject_type', 60).notNullable()
      table.string('subject_id', 100).notNullable()
      table.string('party_id', 12).nullable().index()
      table.text('before').nullable()
      table.text('after').nullable()
      table.string('ip', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['subject_type', 'subject_id'])
    })

    this.schema.createTable('core_notifications', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('core_users')
        .onDelete('CASCADE')
      table.string('title', 200).notNullable()
      table.text('body').notNullable()
      table.string('link', 300).nullable()
      table.timestamp('read_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id', 'read_at'])
    })
  }

  async down() {
    this.schema.dropTable('core_notifications')
    this.schema.dropTable('core_audit_log')
    this.schema.dropTable('core_mail_outbox')
  }
}
