import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from './json_column.js'

/** A person the Party names, with one or more contact types (customer.md §4.2). */
export default class Contact extends BaseModel {
  static table = 'customer_contacts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare fullName: string

  @column()
  declare jobTitle: string | null

  @column()
  declare email: string

  @column()
  declare phone: string | null

  @jsonColumn()
  declare contactTypes: string[]

  @column()
  declare status: string

  @column()
  declare effectiveFrom: string

  @column()
  declare effectiveTo: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
