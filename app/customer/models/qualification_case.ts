import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A CVA, SVA or REC qualification sub-case of a role case (customer.md §5.3). */
export default class QualificationCase extends BaseModel {
  static table = 'customer_qualification_cases'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare roleCaseId: number

  @column()
  declare partyId: string

  @column()
  declare kind: string

  @column()
  declare state: string

  @column()
  declare firstTestOn: string | null

  @column()
  declare stateReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
