/** Every customer journey, for the actions, the operator's parameters page and the OpenAPI document. */
import { ENTRY } from './entry_machine.js'
import { ROLE_CASE } from './role_case_machine.js'
import { SIGNATORY } from './signatory_machine.js'
import { CHANGE_REQUEST } from './change_request_machine.js'
import { BM_UNIT } from './bm_unit_machine.js'
import { ASSET_METERING } from './asset_metering_machine.js'
import { EXIT } from './exit_machine.js'
import { CREDIT_COVER, CREDIT_DEFAULT } from './credit_machine.js'
import { SIGNATORY_CONFIRMATION } from './signatory_confirmation_machine.js'
import { PORTAL_ACCESS } from './portal_access_machine.js'

export { assertTransition, type Machine, type Transition } from './machine.js'
export {
  ENTRY,
  ROLE_CASE,
  SIGNATORY,
  SIGNATORY_CONFIRMATION,
  PORTAL_ACCESS,
  CHANGE_REQUEST,
  BM_UNIT,
  ASSET_METERING,
  CREDIT_COVER,
  CREDIT_DEFAULT,
  EXIT,
}

export const MACHINES = [
  ENTRY,
  ROLE_CASE,
  SIGNATORY,
  SIGNATORY_CONFIRMATION,
  PORTAL_ACCESS,
  CHANGE_REQUEST,
  BM_UNIT,
  ASSET_METERING,
  CREDIT_COVER,
  CREDIT_DEFAULT,
  EXIT,
]
