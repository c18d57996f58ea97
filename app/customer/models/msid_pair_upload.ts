import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from './json_column.js'

export interface UploadRowResult {
  row: number
  bmUnitId: string | null
  importMsid: string | null
  status: 'accepted' | 'rejected'
  reason: string | null
  pairId: number | null
}

/** An MSID Pair CSV file and the result of each of its rows (customer.md §8.2, P0279/P0280). */
export default class MsidPairUpload extends BaseModel {
  static table = 'customer_msid_pair_uploads'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare fileName: string

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column()
  declare sizeBytes: number

  @column()
  declare rowCount: number

  @column()
  declare accepted: number

  @column()
  declare rejected: number

  @jsonColumn()
  declare results: UploadRowResult[]

  @column()
  declare uploadedBy: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
