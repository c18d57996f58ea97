import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Production/Consumption Energy Account or the single Virtual Balancing Account (customer.md §4.3). */
export default class EnergyAccount extends BaseModel {
  static table = 'customer_energy_accounts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare accountId: string

  @column()
  declare accountType: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
