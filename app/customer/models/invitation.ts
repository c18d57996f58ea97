import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A one-time portal invitation (customer.md §6.4): INVITED → ACCEPTED, or REVOKED/EXPIRED. */
export default class Invitation extends BaseModel {
  static table = 'customer_invitations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare email: string

  @column()
  declare fullName: string

  @column()
  declare portalRole: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare state: string

  @column()
  declare invitedBy: number | null

  @column()
  declare userId: number | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare acceptedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
