import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Big integers come back as strings from PostgreSQL. */
export const pence = () => column({ consume: (value: unknown) => Number(value) })

/**
 * One lodgement or withdrawal of Credit Cover (customer.md §9), in pence, with
 * the date it takes effect. Lodged cover on a day is the sum of LODGED minus
 * WITHDRAWN movements effective on or before it.
 */
export default class CreditCoverMovement extends BaseModel {
  static table = 'customer_credit_cover_movements'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare kind: 'lodgement' | 'withdrawal'

  @column()
  declare state: 'LODGED' | 'REQUESTED' | 'WITHDRAWN' | 'REFUSED'

  @pence()
  declare amountPence: number

  @column()
  declare effectiveOn: string

  @column()
  declare instrument: string | null

  @column()
  declare reference: string | null

  @column()
  declare requestedBy: number | null

  @column()
  declare recordedBy: number | null

  @column()
  declare stateReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare decidedAt: DateTime | null
}
