/**
 * Turns one day's plain records (day_records.ts) into the columnar frames stages read (frames.ts):
 * dictionary-encoded parties, accounts and BM Units (sorted by id, so index order is id order),
 * period-major arrays, CSR lists (one part per file in day_inputs/). Every sort key is explicit,
 * so the same records always give the same frames. Structural problems are collected and thrown
 * together, each naming its record (`boalf[12]: …`); the numbers themselves are judged by the stages.
 */
import type { DayRecords } from './day_records.js'
import type { DayInputs } from './frames.js'
import { buildAcceptances } from './day_inputs/acceptances.js'
import { DayInputsError, startDayBuild } from './day_inputs/day_build.js'
import { buildNotifications } from './day_inputs/notifications.js'
import { buildPerPeriod } from './day_inputs/per_period.js'
import { buildReference } from './day_inputs/reference.js'
import { buildSegments } from './day_inputs/segments.js'
import { buildVolumes } from './day_inputs/volumes.js'

export { DayInputsError } from './day_inputs/day_build.js'

export function buildDayInputs(records: DayRecords): DayInputs {
  const build = startDayBuild(records)
  // In this order, so the problems are reported in record order of the datasets as before.
  const reference = buildReference(build)
  const volumes = buildVolumes(build, reference)
  const segments = buildSegments(build, reference)
  const acceptances = buildAcceptances(build, reference)
  const perPeriod = buildPerPeriod(build)
  const notifications = buildNotifications(build, reference)
  if (build.problems.length) throw new DayInputsError(build.problems)
  return {
    settlementDate: records.settlementDate,
    periodMinutes: records.periodMinutes,
    periods: build.periods,
    dayStart: build.dayStart,
    ...reference.frames,
    ...volumes,
    ...segments,
    acceptances,
    ...perPeriod,
    ...notifications,
  }
}
