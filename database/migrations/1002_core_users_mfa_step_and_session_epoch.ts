import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * mfa_last_step: the last TOTP time step accepted, so a code cannot be replayed
 * within its window. session_epoch: bumped when a password changes; sessions
 * that signed in under an older epoch are signed out on their next request
 * (the cookie session store cannot be enumerated and deleted).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('core_users', (table) => {
      table.integer('mfa_last_step').nullable()
      table.integer('session_epoch').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('core_users', (table) => {
      table.dropColumn('session_epoch')
      table.dropColumn('mfa_last_step')
    })
  }
}
