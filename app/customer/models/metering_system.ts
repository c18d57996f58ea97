import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** An SVA Metering System (MSID) the Party registers for balancing services, with its GSP Group and measurement class. */
export default class MeteringSystem extends BaseModel {
  static table = 'customer_metering_systems'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare msid: string

  @column()
  declare gspGroupId: string

  @column()
  declare measurementClass: 'HH' | 'NHH'

  @column()
  declare effectiveFrom: string

  @column()
  declare effectiveTo: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
