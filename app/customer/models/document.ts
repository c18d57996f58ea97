import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** An uploaded document (agreement, Director's Letter); only its hash goes to the audit log. */
export default class CustomerDocument extends BaseModel {
  static table = 'customer_documents'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare kind: string

  @column()
  declare fileName: string

  @column({ serializeAs: null })
  declare storedName: string

  @column()
  declare sizeBytes: number

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column()
  declare uploadedBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
