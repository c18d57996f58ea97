/** A sandbox-only, parameter-only change: the loader builds the day at the shorter period length. */
import type { Stage } from '../../../app/rules_runtime/stage.js'

export const stages: Stage[] = []
