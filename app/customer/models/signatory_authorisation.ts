import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One BSCP38 category held by one person, with its own start and end date (customer.md §6.1). */
export default class SignatoryAuthorisation extends BaseModel {
  static table = 'customer_signatory_authorisations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare userId: number

  @column()
  declare category: string

  @column()
  declare startDate: string

  @column()
  declare endDate: string | null

  @column()
  declare status: string

  @column()
  declare proposedBy: number | null

  @column()
  declare approvedBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
