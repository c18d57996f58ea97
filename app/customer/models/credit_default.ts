import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * A credit default episode (customer.md §9): from the day the CCP first went
 * above the Level 1 threshold until it is CLEARED; `state` is its level now.
 */
export default class CreditDefault extends BaseModel {
  static table = 'customer_credit_defaults'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare state: 'LEVEL_1' | 'LEVEL_2' | 'CLEARED'

  @column()
  declare startedOn: string

  @column()
  declare highestLevel: number

  @column({ consume: (value: unknown) => (value === null ? null : Number(value)) })
  declare ccpPercent: number | null

  @column()
  declare basis: string | null

  @column()
  declare clearedOn: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
