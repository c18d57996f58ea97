import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One effective-dated version of a BM Unit (customer.md §7); versions of a unit never overlap. */
export default class BmUnit extends BaseModel {
  static table = 'customer_bm_units'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare bmUnitId: string

  @column()
  declare bmUnitName: string | null

  @column()
  declare ngcBmUnitId: string | null

  @column()
  declare partyId: string

  @column()
  declare bmUnitType: string

  @column()
  declare gspGroupId: string | null

  @column()
  declare fuelType: string | null

  @column()
  declare generationCapacity: number

  @column()
  declare demandCapacity: number

  @column()
  declare pcFlag: 'P' | 'C' | null

  @column({ consume: (value: unknown) => Boolean(value) })
  declare fpnFlag: boolean

  @column()
  declare tradingUnitId: string | null

  @column()
  declare ldsoPartyId: string | null

  @column()
  declare interconnectorId: string | null

  @column({ consume: (value: unknown) => Boolean(value) })
  declare isBase: boolean

  @column({ consume: (value: unknown) => Boolean(value) })
  declare netsoAgreed: boolean

  @column()
  declare netsoAgreedOn: string | null

  @column()
  declare netsoReference: string | null

  @column()
  declare netsoDocumentId: number | null

  @column()
  declare effectiveFrom: string

  @column()
  declare effectiveTo: string | null

  @column()
  declare status: string

  @column()
  declare submittedBy: number | null

  @column()
  declare stateReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
