import { baselineStages } from '../../../../../fixtures/settlement/rules/baseline/index.js'
import { delayed } from '../delayed_stage.js'

export const stages = [delayed(baselineStages, 'unit_charges', 30_000)]
