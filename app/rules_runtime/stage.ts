import type { DayInputs, IdxArray } from './frames.js'

/**
 * A stage: one self-contained, pure algorithm of the settlement calculation
 * (ARCHITECTURE.md §4.2). No I/O, no clock, no randomness: the same inputs,
 * frames and parameters always give the same outputs. Stage ids are stable
 * names that Modification plugins override or position new stages against.
 */
export type StageScope = 'period' | 'day'

/** 1-based inclusive range of settlement periods one task computes. */
export interface PeriodRange {
  first: number
  last: number
}

export type ParameterValue = number | string | boolean
export type ParameterValues = Readonly<Record<string, ParameterValue>>

/**
 * An output of a stage. Every output is columnar so that persistence, diffs and
 * parallel-run comparison treat any frame (including a plugin's) the same way.
 * - `axis` names what a row is; `perPeriod` frames are entity × period, period-major
 *   over the task's range (see frames.ts).
 * - `item` frames are variable-length lists per period: `periodOffsets` (length
 *   periods in range + 1) delimit each period's items.
 */
export type FrameAxis = 'bmUnit' | 'account' | 'party' | 'period' | 'item'
export type Column = Float64Array | Int32Array | Uint8Array

export interface ColumnFrame {
  axis: FrameAxis
  perPeriod: boolean
  periodOffsets?: IdxArray
  columns: Record<string, Column>
  /** string columns of item frames (e.g. stack item ids); null where absent */
  labels?: Record<string, (string | null)[]>
}

/** What a stage processed and the data-quality indicators it saw (issue 3 §6). */
export interface StageReport {
  /** counts of things processed, e.g. { acceptances: 1532, bmUnits: 148 } */
  processed: Record<string, number>
  /** data-quality indicators, e.g. { bmUnitsMissingMeteredData: 2, itemsRepriced: 5 } */
  indicators: Record<string, number>
  /** ids behind an indicator (capped by the runtime), e.g. { bmUnitsMissingMeteredData: ['T_X-1'] } */
  details?: Record<string, string[]>
}

export interface StageContext {
  inputs: Readonly<DayInputs>
  range: PeriodRange
  params: ParameterValues
  /** outputs of earlier stages, by frame name */
  frames: Readonly<Record<string, ColumnFrame>>
}

export interface StageResult {
  outputs: Record<string, ColumnFrame>
  report?: StageReport
}

export interface Stage {
  id: string
  title: string
  /** the BSC text this stage formalises, e.g. 'BSC Section T 4.4; Annex T-1' */
  reference: string
  scope: StageScope
  /** frame names of earlier stages and `inputs.<field>` names it reads */
  reads: string[]
  /** frame names it returns */
  writes: string[]
  /** parameter names it uses (for the run manifest and traces) */
  params: string[]
  run(ctx: StageContext): StageResult
}
