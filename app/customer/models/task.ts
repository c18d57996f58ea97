import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A work item of a journey: who must act (party or operator), why, and by when. */
export default class Task extends BaseModel {
  static table = 'customer_tasks'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string | null

  @column()
  declare caseType: string

  @column()
  declare caseId: string

  @column()
  declare kind: string

  @column()
  declare title: string

  @column()
  declare reason: string

  @column()
  declare assignee: 'party' | 'operator'

  @column()
  declare dueOn: string | null

  @column()
  declare status: 'open' | 'done'

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare completedAt: DateTime | null
}
