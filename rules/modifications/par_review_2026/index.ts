/** A parameter-only Modification: no stages, the PAR change is a dated delta in manifest.yaml. */
import type { Stage } from '../../../app/rules_runtime/stage.js'

export const stages: Stage[] = []
