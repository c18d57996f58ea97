import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { pence } from './credit_cover_movement.js'

/** A payment of BSC charges (Accession Fee, Base Monthly Charges) recorded by Elexon. */
export default class BscChargePayment extends BaseModel {
  static table = 'customer_bsc_charge_payments'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare paidOn: string

  @pence()
  declare amountPence: number

  @column()
  declare reference: string

  @column()
  declare recordedBy: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
