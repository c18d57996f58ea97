import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A market role a Party is registered in (the CRA register). */
export default class PartyRole extends BaseModel {
  static table = 'customer_party_roles'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare roleCode: string

  @column()
  declare status: string

  @column()
  declare effectiveFrom: string

  @column()
  declare effectiveTo: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
