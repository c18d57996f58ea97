/**
 * Public surface of the settlement context: the only module other contexts
 * (the portal pages, Insights, Customer, the demo generator) may import.
 * Read functions only; runs are started through the settlement API, the
 * portal or `node ace settlement:run`, and each finished run is announced
 * with the `settlement:run_completed` event.
 */
export type { SettlementRunCompleted } from './events.js'
export { RUN_TYPES, isRunType, runTypeRank, type RunType } from './runs/run_types.js'
export {
  findRun,
  latestRunFor,
  latestRunsBetween,
  listRuns,
  runDetail,
  runStages,
  type RunFilter,
  type RunRow,
  type StageRow,
} from './queries/runs.js'
export { dayStack, partyTotals, stack, systemPrices, type PartyTotals } from './queries/results.js'
export {
  acceptanceVolumes,
  indicativeCashflows,
  indicativeVolumes,
  type PairValues,
} from './queries/bm_unit_outputs.js'
export {
  partyOutstandingCharges,
  type OutstandingCharges,
  type PendingDay,
} from './queries/outstanding_charges.js'
export { SIDES, type StackSide } from './runs/result_tables.js'
export {
  stageSeries,
  type StageSeriesFilter,
  type StageSeriesPoint,
} from './queries/stage_analytics.js'
export {
  buildStatement as partyStatement,
  statementCsv,
  StatementNotFound,
  type Statement,
} from './actions/build_statement.js'
export { diffRuns, DiffRunNotFound, type RunDiff } from './actions/diff_runs.js'
export { traceRunValue, TraceNotFound, type TraceRequest } from './actions/trace_run_value.js'
/** Input dataset row mappings (`settlement:import`), for the demo generator's direct writes. */
export { DATASETS, type DatasetName, type DatasetSpec } from './ingestion/datasets.js'
