/**
 * The baseline BSC settlement calculation (domain/settlement.md S1–S12) as pure stages, in
 * dependency order. Stage ids are stable: Modification plugins override them by id or add stages
 * next to them. Parameters live in ./parameters (see README.md).
 */
import type { Stage } from '../../app/rules_runtime/stage.js'
import { accountImbalance } from './stages/account_imbalance.js'
import { acceptanceVolumes } from './stages/acceptance_volumes.js'
import { bmUnitCashflows } from './stages/bm_unit_cashflows.js'
import { contractVolumes } from './stages/contract_volumes.js'
import { creditedEnergy } from './stages/credited_energy.js'
import { energyImbalanceCharges } from './stages/energy_imbalance_charges.js'
import { imbalancePrice } from './stages/imbalance_price.js'
import { informationImbalance } from './stages/information_imbalance.js'
import { meteredVolumes } from './stages/metered_volumes.js'
import { nonDelivery } from './stages/non_delivery.js'
import { partyTotals } from './stages/party_totals.js'
import { periodUnitVolumes } from './stages/period_unit_volumes.js'
import { residualCashflow } from './stages/residual_cashflow.js'
import { spotProfiles } from './stages/spot_profiles.js'
import { stackItems } from './stages/stack_items.js'
import { transmissionLosses } from './stages/transmission_losses.js'

export const BASELINE_VERSION = 1

export const baselineStages: Stage[] = [
  spotProfiles,
  acceptanceVolumes,
  meteredVolumes,
  periodUnitVolumes,
  transmissionLosses,
  creditedEnergy,
  contractVolumes,
  stackItems,
  imbalancePrice,
  accountImbalance,
  bmUnitCashflows,
  nonDelivery,
  energyImbalanceCharges,
  informationImbalance,
  residualCashflow,
  partyTotals,
]
