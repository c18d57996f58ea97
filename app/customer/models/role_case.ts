import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A role registration case, one per Party × market role (customer.md §5.2). */
export default class RoleCase extends BaseModel {
  static table = 'customer_role_cases'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare roleCode: string

  @column()
  declare state: string

  @column()
  declare targetEffectiveFrom: string

  @column()
  declare openedBy: number

  @column()
  declare submittedBy: number | null

  @column()
  declare stateReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
