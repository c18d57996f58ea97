import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, beforeSave, column } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { Role } from './roles.js'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/**
 * A person who signs in. `partyId` is the BSC Party they act for; null for
 * the BSC company's own staff (operators, admins).
 */
export default class User extends compose(BaseModel, AuthFinder) {
  static table = 'core_users'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column()
  declare fullName: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: Role

  @column()
  declare partyId: string | null

  @column({ serializeAs: null })
  declare mfaSecret: string | null

  @column.dateTime()
  declare mfaEnabledAt: DateTime | null

  /** JSON array of SHA-256 hashes of the unused recovery codes. */
  @column({ serializeAs: null })
  declare recoveryCodes: string | null

  /** The last TOTP time step accepted: a code is never accepted twice. */
  @column({ serializeAs: null })
  declare mfaLastStep: number | null

  /** Bumped on a password change; sessions from an older epoch are signed out. */
  @column({ serializeAs: null })
  declare sessionEpoch: number

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  /** Sign-in looks emails up exactly, so they are stored trimmed and lower-cased. */
  @beforeSave()
  static normaliseEmail(user: User) {
    if (user.$dirty.email) user.email = user.email.trim().toLowerCase()
  }

  static accessTokens = DbAccessTokensProvider.forModel(User, {
    table: 'core_access_tokens',
    prefix: 'knt_',
    expiresIn: '90 days',
  })
}
