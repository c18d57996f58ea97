import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from './json_column.js'

export interface AuthorisedPerson {
  userId: number
  fullName: string
  email: string
  categories: { category: string; startDate: string; endDate: string | null }[]
}

/** One annual confirmation of a party's authorised persons (customer.md §6.1). */
export default class SignatoryConfirmation extends BaseModel {
  static table = 'customer_signatory_confirmations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare state: 'DUE' | 'OVERDUE' | 'CONFIRMED'

  @column()
  declare issuedOn: string

  @column()
  declare dueOn: string

  /** The list as sent: who was authorised for what on the day it was issued. */
  @jsonColumn()
  declare authorisedPersons: AuthorisedPerson[]

  @column()
  declare addressedTo: number | null

  @column()
  declare confirmedBy: number | null

  @column()
  declare note: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare confirmedAt: DateTime | null
}
