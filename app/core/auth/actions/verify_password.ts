import hash from '@adonisjs/core/services/hash'
import User from '../user.js'

/**
 * Checks an email and password. For an unknown email a password is still
 * hashed, so the answer takes about as long either way and timing does not
 * reveal which accounts exist. Unlike `User.verifyCredentials` it hands back
 * the account on a wrong password too, for the audit log.
 */
export async function verifyPassword(email: string, password: string) {
  const user = await User.findBy('email', email)
  if (!user) {
    await hash.use('scrypt').make(password)
    return { user: null, valid: false }
  }
  return { user, valid: await user.verifyPassword(password) }
}
