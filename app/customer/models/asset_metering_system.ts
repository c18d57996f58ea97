import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A P375 Asset Metering System registered by a qualified AMVLP (customer.md §8.3). */
export default class AssetMeteringSystem extends BaseModel {
  static table = 'customer_asset_metering_systems'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare amsid: string | null

  @column()
  declare partyId: string

  @column()
  declare boundaryMsid: string

  @column()
  declare direction: 'import' | 'export'

  @column()
  declare assetMeteringType: string

  @column()
  declare gspGroupId: string

  @column()
  declare moaId: string

  @column()
  declare dcId: string

  @column({ columnName: 'cop11_compliant', consume: (value: unknown) => Boolean(value) })
  declare cop11Compliant: boolean

  @column()
  declare commissionedOn: string

  @column()
  declare effectiveFrom: string

  @column()
  declare effectiveTo: string | null

  @column()
  declare bmUnitId: string | null

  @column()
  declare state: string

  @column()
  declare submittedBy: number

  @column()
  declare stateReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
