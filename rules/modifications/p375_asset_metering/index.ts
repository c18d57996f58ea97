/** P375 plugin: the S4 metered-volume stage with Secondary BM Units settled on asset meters. */
import type { Stage } from '../../../app/rules_runtime/stage.js'
import { meteredVolumes } from './stages/metered_volumes.js'

export const stages: Stage[] = [meteredVolumes]
