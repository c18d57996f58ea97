/**
 * Public surface of the insights context: the only module other contexts may import.
 * Insights listens to `settlement:run_completed` and `customer:bm_unit_registered|changed`
 * (app/insights/listeners.ts, a preload); other contexts never need to call it for that.
 */
export {
  importDatasetFile,
  ImportRefused,
  type ImportSummary,
} from './actions/import_dataset_file.js'
export { ImportError } from './datasets/import_error.js'
/** REMIT messages as a party's user publishes them (the demo generator publishes a few). */
export { submitRemitMessage, type RemitInput } from './actions/submit_remit_message.js'
export { problemBody } from './api/problem.js'
