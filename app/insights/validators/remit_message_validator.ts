import vine from '@vinejs/vine'
import { normaliseInstant } from '#insights/datasets/instants'
import {
  EVENT_STATUSES,
  EVENT_TYPES,
  MESSAGE_TYPES,
  REMIT_FUEL_TYPES,
  UNAVAILABILITY_TYPES,
} from '#insights/remit/vocabulary'

/** An instant with Z or an offset, stored as UTC `…Z`. */
const instant = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/)
    .transform((value) => normaliseInstant(value)!)

const capacity = () => vine.number().min(0).max(100_000)

/**
 * A REMIT outage message as a party submits it (a new message or a full
 * revision of one). Rules that relate fields to each other (start before end,
 * unavailable within installed capacity, the profile inside the event, the
 * asset belonging to the party) are checked by the submit action.
 */
export const remitMessageValidator = vine.create({
  messageType: vine.enum(MESSAGE_TYPES),
  messageHeading: vine.string().trim().minLength(3).maxLength(200),
  eventType: vine.enum(EVENT_TYPES),
  unavailabilityType: vine.enum(UNAVAILABILITY_TYPES),
  eventStatus: vine.enum(EVENT_STATUSES).optional(),
  /** An Elexon BM Unit id (T_…, E_…, 2__…, V__…, I_…, C_…, M_…). */
  assetId: vine
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,29}$/i),
  affectedUnit: vine.string().trim().maxLength(40).optional(),
  /** Energy Identification Code: 16 characters, e.g. 48W000000DIDCB5C. */
  affectedUnitEIC: vine
    .string()
    .trim()
    .regex(/^\d{2}[A-Z][A-Z0-9-]{12}[A-Z0-9-]$/)
    .optional(),
  affectedArea: vine.string().trim().maxLength(40).optional(),
  fuelType: vine.enum(REMIT_FUEL_TYPES),
  normalCapacity: capacity().positive(),
  availableCapacity: capacity().optional(),
  unavailableCapacity: capacity(),
  eventStartTime: instant(),
  eventEndTime: instant().optional(),
  durationUncertainty: vine.string().trim().maxLength(100).optional(),
  cause: vine.string().trim().maxLength(200).optional(),
  relatedInformation: vine.string().trim().maxLength(2000).optional(),
  outageProfile: vine
    .array(vine.object({ startTime: instant(), endTime: instant(), capacity: capacity() }))
    .maxLength(500)
    .optional(),
})
