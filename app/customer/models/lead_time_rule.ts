import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { ParameterUnit } from '../reference/parameters.js'

/** A dated parameter: a lead time, threshold or charge (customer.md §3.3, §15). */
export default class LeadTimeRule extends BaseModel {
  static table = 'customer_lead_time_rules'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: string

  @column()
  declare value: number

  @column()
  declare unit: ParameterUnit

  @column()
  declare effectiveFrom: string

  @column()
  declare reference: string

  @column()
  declare setBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
