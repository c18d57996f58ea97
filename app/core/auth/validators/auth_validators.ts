import vine, { SimpleMessagesProvider } from '@vinejs/vine'

/**
 * Every form in the sign-in, recovery and account journeys. Passwords: at
 * least 12 characters (issue 2 §4) and at most 128, so hashing cost stays bounded.
 */
const messages = new SimpleMessagesProvider(
  {
    'required': 'Enter your {{ field }}',
    'email': 'Enter an email address in the format name@example.com',
    'minLength': 'The {{ field }} must be at least {{ min }} characters',
    'maxLength': 'The {{ field }} must be {{ max }} characters or fewer',
    'confirmed': 'The passwords do not match',
    'regex': 'Enter the {{ field }} as shown',
    'code.regex': 'Enter the 6-digit code from your app, or a recovery code',
  },
  {
    email: 'email address',
    password: 'password',
    currentPassword: 'current password',
    password_confirmation: 'password confirmation',
    code: 'code',
    name: 'token name',
  }
)

const email = () => vine.string().trim().toLowerCase().maxLength(254).email()
const newPassword = () => vine.string().minLength(12).maxLength(128).confirmed()
/** A TOTP code (6 digits) or a recovery code (10 letters/digits, optionally hyphenated). */
const mfaCode = () =>
  vine
    .string()
    .trim()
    .maxLength(20)
    .regex(/^(\d{3}\s?\d{3}|[a-z0-9]{5}-?[a-z0-9]{5})$/i)

function withMessages<T extends { messagesProvider: unknown }>(validator: T): T {
  validator.messagesProvider = messages
  return validator
}

export const loginValidator = withMessages(
  vine.create({ email: email(), password: vine.string().maxLength(128) })
)

export const mfaChallengeValidator = withMessages(vine.create({ code: mfaCode() }))

export const mfaConfirmValidator = withMessages(
  vine.create({
    code: vine
      .string()
      .trim()
      .regex(/^\d{3}\s?\d{3}$/),
  })
)

export const forgotPasswordValidator = withMessages(vine.create({ email: email() }))

export const resetPasswordValidator = withMessages(vine.create({ password: newPassword() }))

export const changePasswordValidator = withMessages(
  vine.create({ currentPassword: vine.string().maxLength(128), password: newPassword() })
)

/** Re-confirmation before a sensitive account change (MFA off, new recovery codes). */
export const confirmPasswordValidator = withMessages(
  vine.create({ currentPassword: vine.string().maxLength(128) })
)

export const accessTokenValidator = withMessages(
  vine.create({ name: vine.string().trim().minLength(1).maxLength(100) })
)
