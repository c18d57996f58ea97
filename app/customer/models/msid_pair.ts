import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** An MSID Pair allocation to a BM Unit, accepted or rejected with a reason (customer.md §8.2). */
export default class MsidPair extends BaseModel {
  static table = 'customer_msid_pairs'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare bmUnitId: string

  @column()
  declare importMsid: string

  @column()
  declare exportMsid: string | null

  @column()
  declare effectiveFrom: string

  @column()
  declare effectiveTo: string | null

  @column()
  declare status: 'accepted' | 'rejected' | 'ended'

  @column()
  declare rejectionReason: string | null

  @column()
  declare submittedBy: number

  @column()
  declare uploadId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
