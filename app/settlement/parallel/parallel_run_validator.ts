import vine, { SimpleMessagesProvider } from '@vinejs/vine'

/** The portal form that starts a parallel run (errors under the fields, 422 for JSON clients). */
const date = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

export const parallelRunValidator = vine.create(
  vine.object({
    plugin: vine
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,64}$/),
    from: date(),
    to: date(),
  })
)
parallelRunValidator.messagesProvider = new SimpleMessagesProvider({
  'plugin.required': 'Choose the Modification plugin to try',
  'plugin.regex': 'Choose one of the installed Modification plugins',
  'from.required': 'Give the first settlement date',
  'from.regex': 'Write the settlement date as yyyy-MM-dd',
  'to.required': 'Give the last settlement date',
  'to.regex': 'Write the settlement date as yyyy-MM-dd',
})
