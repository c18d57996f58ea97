/** Every customer journey, for the actions, the operator's parameters page and the OpenAPI document. */
import { ENTRY } from './entry_machine.js'
import { ROLE_CASE } from './role_case_machine.js'
import { SIGNATORY } from './signatory_machine.js'
import { CHANGE_REQUEST } from './change_request_machine.js'
import { BM_UNIT } from './bm_unit_machine.js'
import { ASSET_METERING } from './asset_metering_machine.js'
import { EXIT } from './exit_machine.js'

export { assertTransition, type Machine, type Transition } from './machine.js'
export { ENTRY, ROLE_CASE, SIGNATORY, CHANGE_REQUEST, BM_UNIT, ASSET_METERING, EXIT }

export const MACHINES = [ENTRY, ROLE_CASE, SIGNATORY, CHANGE_REQUEST, BM_UNIT, ASSET_METERING, EXIT]
