import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from './json_column.js'
import type { ExitBlocker } from '../journeys/exit_conditions.js'

/** A Withdrawal Notice and its computed blocking conditions (customer.md §10). */
export default class ExitCase extends BaseModel {
  static table = 'customer_exit_cases'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare state: string

  @column()
  declare noticeDate: string

  @column()
  declare withdrawalDate: string

  @jsonColumn()
  declare blockers: ExitBlocker[]

  @column()
  declare servedBy: number

  @column()
  declare decidedBy: number | null

  @column()
  declare stateReason: string | null

  /** `p414`: liabilities move to a receiving party registered in the same roles (customer.md §10.2). */
  @column()
  declare route: 'standard' | 'p414'

  @column()
  declare receivingPartyId: string | null

  @column()
  declare licenceRevocationDate: string | null

  @column()
  declare transferReference: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare decidedAt: DateTime | null
}
