import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import { ARCHIVE_LIMITS } from './plugin_archive.js'

/** The admin forms of /admin/rules: enable or disable from a date, upload a plugin archive. */
export const enablementValidator = vine.compile(
  vine.object({
    action: vine.enum(['enable', 'disable'] as const),
    from: vine
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/),
    reason: vine.string().trim().minLength(5).maxLength(2000),
  })
)
enablementValidator.messagesProvider = new SimpleMessagesProvider({
  'action.enum': 'Choose enable or disable',
  'from.required': 'Give the first settlement date the change applies to',
  'from.regex': 'Write the settlement date as yyyy-MM-dd',
  'reason.required': 'Give the reason for the change (it is kept with the record)',
  'reason.minLength': 'Give the reason for the change in a few words (at least 5 characters)',
  'reason.maxLength': 'Keep the reason under 2,000 characters',
})

export const uploadValidator = vine.compile(
  vine.object({
    archive: vine.file({
      size: ARCHIVE_LIMITS.uploadBytes,
      extnames: ['zip', 'tar.gz', 'gz', 'tgz'],
    }),
  })
)
uploadValidator.messagesProvider = new SimpleMessagesProvider({
  'archive.required': 'Choose a plugin archive (.zip or .tar.gz)',
  'archive.file': 'Choose a plugin archive (.zip or .tar.gz)',
  'archive.file.size': `The archive must be at most ${ARCHIVE_LIMITS.uploadBytes / 2 ** 20} MB`,
  'archive.file.extname': 'The archive must be a .zip or a .tar.gz',
})
