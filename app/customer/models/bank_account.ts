import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Trading Charges or BSC Charges bank details (customer.md §4.2). */
export default class BankAccount extends BaseModel {
  static table = 'customer_bank_accounts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare purpose: 'trading' | 'bsc'

  @column()
  declare accountName: string

  @column()
  declare sortCode: string

  @column()
  declare accountNumber: string

  @column()
  declare bankName: string

  @column()
  declare status: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
