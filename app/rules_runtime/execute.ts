import type { ColumnFrame, PeriodRange, ParameterValues, Stage, StageReport } from './stage.js'
import type { DayInputs } from './frames.js'

export interface StageExecution {
  stageId: string
  ms: number
  report: StageReport
}

export class StageFailure extends Error {
  constructor(
    readonly stageId: string,
    readonly origin: string,
    cause: unknown
  ) {
    super(`Stage "${stageId}" (${origin}) failed: ${(cause as Error)?.message ?? cause}`, { cause })
  }
}

/**
 * Runs stages in order over one period range (or the whole day for day-scope
 * stages) and checks each writes exactly what it declares. `origin` names the
 * baseline or plugin that supplied each stage, so failures name the plugin.
 */
export function executeStages(
  stages: { stage: Stage; origin: string }[],
  inputs: DayInputs,
  range: PeriodRange,
  params: ParameterValues,
  initialFrames: Record<string, ColumnFrame> = {}
): { frames: Record<string, ColumnFrame>; executions: StageExecution[] } {
  const frames: Record<string, ColumnFrame> = { ...initialFrames }
  const executions: StageExecution[] = []
  for (const { stage, origin } of stages) {
    const started = performance.now()
    let result
    try {
      result = stage.run({ inputs, range, params, frames })
    } catch (error) {
      throw new StageFailure(stage.id, origin, error)
    }
    const written = Object.keys(result.outputs)
    const undeclared = written.filter((name) => !stage.writes.includes(name))
    const missing = stage.writes.filter((name) => !written.includes(name))
    if (undeclared.length || missing.length) {
      throw new StageFailure(
        stage.id,
        origin,
        new Error(`outputs do not match "writes": undeclared [${undeclared}] missing [${missing}]`)
      )
    }
    Object.assign(frames, result.outputs)
    executions.push({
      stageId: stage.id,
      ms: performance.now() - started,
      report: result.report ?? { processed: {}, indicators: {} },
    })
  }
  return { frames, executions }
}
