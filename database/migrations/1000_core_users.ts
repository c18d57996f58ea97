import { BaseSchema } from '@adonisjs/lucid/schema'

/** People who sign in; party_id is the BSC Party ID they act for (null for BSC company staff). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('core_users', (table) => {
      table.increments('id')
      table.string('email', 254).notNullable().unique()
      table.string('full_name', 200).notNullable()
      table.string('password').notNullable()
      table.string('role', 20).notNullable()
      table.string('party_id', 12).nullable().index()
      table.text('mfa_secret').nullable()
      table.timestamp('mfa_enabled_at').nullable()
      table.text('recovery_codes').nullable()
      table.timestamp('last_login_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })

    this.schema.createTable('core_access_tokens', (table) => {
      table.increments('id')
      table
        .integer('tokenable_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('core_users')
        .onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name').nullable()
      table.string('hash').notNullable()
      table.text('abilities').notNullable()
      table.timestamp('created_at')
      table.timestamp('updated_at')
      table.timestamp('last_used_at').nullable()
      table.timestamp('expires_at').nullable()
    })

    this.schema.createTable('core_rate_limits', (table) => {
      table.string('key', 255).notNullable().primary()
      table.integer('points', 9).notNullable().defaultTo(0)
      table.bigint('expire').unsigned()
    })

    this.schema.createTable('core_password_reset_tokens', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('core_users')
        .onDelete('CASCADE')
      table.string('token_hash', 128).notNullable().unique()
      table.timestamp('expires_at').notNullable()
      table.timestamp('used_at').nullable()
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('core_password_reset_tokens')
    this.schema.dropTable('core_rate_limits')
    this.schema.dropTable('core_access_tokens')
    this.schema.dropTable('core_users')
  }
}
