import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * REMIT outage messages submitted by parties. Every revision is its own row
 * (its id is the public messageId); a new revision supersedes the previous one
 * for "latest" queries and never overwrites it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('insights_remit_messages', (table) => {
      table.increments('id')
      table.string('mrid', 64).notNullable()
      table.integer('revision_number').notNullable()
      table.boolean('is_latest').notNullable()
      table.string('party_id', 12).notNullable()
      table.integer('submitted_by').nullable()
      table.string('participant_id', 40).notNullable()
      table.string('asset_id', 40).notNullable()
      table.string('message_type', 60).notNullable()
      table.string('unavailability_type', 20).nullable()
      table.string('event_type', 60).nullable()
      table.string('fuel_type', 60).nullable()
      table.string('event_start', 24).notNullable()
      table.string('event_end', 24).nullable()
      table.string('publish_time', 24).notNullable()
      table.boolean('has_profile').notNullable()
      table.text('payload').notNullable()
      table.unique(['mrid', 'revision_number'])
      table.index(['publish_time'])
      table.index(['event_start'])
      table.index(['party_id', 'is_latest'])
    })
  }

  async down() {
    this.schema.dropTable('insights_remit_messages')
  }
}
