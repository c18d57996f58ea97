import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import { RUN_TYPES } from '#settlement/runs/run_types'
import { MAX_PARALLEL_TASKS, MAX_SOURCE_DAYS, SANDBOX_NAME } from './create_sandbox.js'

/** The sandbox pages' forms: create a trial, run it. */
export const createSandboxValidator = vine.compile(
  vine.object({
    name: vine.string().trim().regex(SANDBOX_NAME),
    description: vine.string().trim().maxLength(2000).optional(),
    pluginIds: vine
      .array(
        vine
          .string()
          .trim()
          .regex(/^[a-z0-9_]{1,64}$/)
      )
      .optional(),
    days: vine
      .array(
        vine
          .string()
          .trim()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
      )
      .minLength(1)
      .maxLength(MAX_SOURCE_DAYS),
    maxParallelTasks: vine.number().withoutDecimals().range([1, MAX_PARALLEL_TASKS]).optional(),
  })
)
createSandboxValidator.messagesProvider = new SimpleMessagesProvider({
  'name.required': 'Give the trial a name',
  'name.regex':
    'Use 2–64 lower-case letters, digits, "-" or "_", starting with a letter (e.g. p999-trial)',
  'description.maxLength': 'Keep the description under 2,000 characters',
  'pluginIds.*.regex': 'Choose installed plugins',
  'days.required': 'Choose at least one source day',
  'days.minLength': 'Choose at least one source day',
  'days.maxLength': `A trial copies at most ${MAX_SOURCE_DAYS} days`,
  'days.*.regex': 'Write each day as yyyy-MM-dd',
  'maxParallelTasks.number': 'The cap must be a whole number',
  'maxParallelTasks.withoutDecimals': 'The cap must be a whole number',
  'maxParallelTasks.range': `The cap must be from 1 to ${MAX_PARALLEL_TASKS}`,
})

export const runSandboxValidator = vine.compile(
  vine.object({ runType: vine.enum(RUN_TYPES).optional() })
)
runSandboxValidator.messagesProvider = new SimpleMessagesProvider({
  'runType.enum': `Choose a run type: ${RUN_TYPES.join(', ')}`,
})
