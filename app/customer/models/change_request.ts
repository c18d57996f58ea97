import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from './json_column.js'

/** A prepared change awaiting (or given) a signatory decision: the maker-checker record and the change history. */
export default class ChangeRequest extends BaseModel {
  static table = 'customer_change_requests'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare subjectType: string

  @column()
  declare subjectId: string | null

  @jsonColumn()
  declare change: Record<string, any>

  @jsonColumn()
  declare before: Record<string, any> | null

  @column()
  declare state: string

  @jsonColumn()
  declare approverCategories: string[]

  @column()
  declare preparedBy: number

  @column()
  declare decidedBy: number | null

  @column()
  declare decisionReason: string | null

  @column()
  declare documentId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare decidedAt: DateTime | null
}
