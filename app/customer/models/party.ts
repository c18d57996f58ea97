import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { addressColumn, jsonColumn } from './json_column.js'

/**
 * A BSC Party, or a prospect before accession (status `prospect`, provisional
 * party id `EOI-nnnnnn` until the operator allocates the real Party ID).
 * The entry case (customer.md §3.1) is carried by `entryState`.
 */
export default class Party extends BaseModel {
  static table = 'customer_parties'

  @column({ isPrimary: true, serializeAs: null })
  declare id: number

  @column()
  declare partyId: string

  @column()
  declare name: string

  @column()
  declare status: string

  @column()
  declare entryState: string

  @column()
  declare caseReference: string | null

  @column()
  declare registeredNumber: string | null

  @column()
  declare vatNumber: string | null

  @column()
  declare country: string

  @addressColumn()
  declare registeredAddress: Address | null

  @addressColumn()
  declare correspondenceAddress: Address | null

  @addressColumn()
  declare invoiceAddress: Address | null

  @column()
  declare prospectContactName: string | null

  @column()
  declare prospectContactEmail: string | null

  @jsonColumn()
  declare intendedRoles: string[] | null

  @column()
  declare licenceStatus: string | null

  @column()
  declare licenceNumber: string | null

  @column()
  declare participantCode: string | null

  @column()
  declare proposedPartyId: string | null

  @column()
  declare agreementDocumentId: number | null

  @column()
  declare agreementDatedOn: string | null

  @column()
  declare accessionDate: string | null

  @column()
  declare accessionPreparedBy: number | null

  @column()
  declare accessionApprovedBy: number | null

  @column()
  declare stateReason: string | null

  /** The day a licence was revoked or surrendered (or its application withdrawn), as recorded by Elexon. */
  @column()
  declare licenceEndedOn: string | null

  /** When the portal access of a withdrawn party's users ended (tokens revoked, sessions ended). */
  @column.dateTime()
  declare accessEndedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}

export interface Address {
  line1: string
  line2?: string | null
  town: string
  postcode: string
}
