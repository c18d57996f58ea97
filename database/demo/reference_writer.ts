/**
 * The demo market's reference data, in the caller's transaction: the
 * customer register (parties, roles, energy accounts, BM Units, with the
 * journey columns of migration 2001 such as participant codes and base
 * supplier units filled in) and its settlement copy (rows shaped by the
 * settlement import's own mapping), then TLFs and the run calendar, skipping
 * keys already there so that data imported for real is kept. Returns the
 * TLF and calendar keys it wrote.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DATASETS } from '#settlement/index'
import type { DemoMarket } from './demo_market.js'
import type { DemoParty } from './parties_generator.js'
import { bulkInsert, rowSet } from '#core/db/bulk_insert'

export async function writeCustomerRegister(
  trx: TransactionClientContract,
  market: DemoMarket,
  now: string
) {
  const { parties, bmUnits } = market
  await bulkInsert(
    trx,
    'customer_parties',
    rowSet(
      parties.map((p) => ({
        party_id: p.partyId,
        name: p.name,
        status: 'active',
        registered_number: p.registeredNumber,
        vat_number: p.vatNumber,
        country: p.country,
        registered_address: JSON.stringify(p.address),
        participant_code: p.participantCode,
        accession_date: p.accessionDate,
        created_at: now,
        updated_at: now,
      }))
    )
  )
  const roles = parties.flatMap((p) => p.roles.map((role) => ({ party: p, role })))
  await bulkInsert(
    trx,
    'customer_party_roles',
    rowSet(
      roles.map(({ party, role }) => ({
        party_id: party.partyId,
        role_code: role,
        status: 'registered',
        effective_from: party.accessionDate,
        effective_to: null,
        created_at: now,
      }))
    )
  )
  const accounts = parties.flatMap((p) =>
    p.accounts.map((account) => ({ ...account, partyId: p.partyId }))
  )
  await bulkInsert(
    trx,
    'customer_energy_accounts',
    rowSet(
      accounts.map((a) => ({
        party_id: a.partyId,
        account_id: a.accountId,
        account_type: a.accountType,
        created_at: now,
      }))
    )
  )
  await bulkInsert(
    trx,
    'customer_bm_units',
    rowSet(
      bmUnits.map((u) => ({
        bm_unit_id: u.bmUnitId,
        bm_unit_name: u.name,
        ngc_bm_unit_id: u.ngcBmUnitId,
        party_id: u.partyId,
        ldso_party_id: u.ldsoPartyId,
        interconnector_id: u.interconnectorId,
        is_base: u.kind === 'supplier',
        bm_unit_type: u.type,
        gsp_group_id: u.gspGroup,
        fuel_type: u.fuel,
        generation_capacity: u.generationCapacity,
        demand_capacity: u.demandCapacity,
        pc_flag: u.pcFlag,
        fpn_flag: u.fpnFlag,
        trading_unit_id: u.tradingUnitId,
        effective_from: u.effectiveFrom,
        effective_to: null,
        status: 'registered',
        created_at: now,
        updated_at: now,
      }))
    )
  )
}

export async function writeSettlementReference(trx: TransactionClientContract, market: DemoMarket) {
  const { parties, bmUnits } = market
  await bulkInsert(
    trx,
    'settlement_parties',
    rowSet(
      parties.map((p) =>
        DATASETS.parties.toRow({ partyId: p.partyId, partyName: p.name, roles: settlementRoles(p) })
      )
    )
  )
  const accounts = parties.flatMap((p) =>
    p.accounts.map((account) => ({ ...account, partyId: p.partyId }))
  )
  await bulkInsert(
    trx,
    'settlement_accounts',
    rowSet(accounts.map((a) => DATASETS.accounts.toRow(a)))
  )
  await bulkInsert(
    trx,
    'settlement_bm_units',
    rowSet(
      bmUnits.map((u) =>
        DATASETS['bm-units'].toRow({
          elexonBmUnit: u.bmUnitId,
          nationalGridBmUnit: u.ngcBmUnitId,
          leadPartyId: u.partyId,
          bmUnitType: u.type,
          gspGroupId: u.gspGroup,
          tradingUnitId: u.tradingUnitId,
          productionOrConsumptionFlag: u.pcStatus,
          isInterconnector: u.type === 'I',
          fuelType: u.fuel,
          effectiveFrom: u.effectiveFrom,
        })
      )
    )
  )

  const existingTlfs = await trx.from('settlement_tlfs').select('zone', 'effective_from')
  const tlfKeys = new Set(existingTlfs.map((r) => `${r.zone}|${r.effective_from}`))
  const tlfs = market.tlfs.filter((t) => !tlfKeys.has(`${t.zone}|${t.effectiveFrom}`))
  await bulkInsert(
    trx,
    'settlement_tlfs',
    rowSet(tlfs.map((t) => DATASETS.tlf.toRow({ ...t, transmissionLossFactor: t.tlf })))
  )
  const existingRuns = await trx
    .from('settlement_run_calendar')
    .whereIn('settlement_date', market.dates)
    .select('settlement_date', 'run_type')
  const runKeys = new Set(existingRuns.map((r) => `${r.settlement_date}|${r.run_type}`))
  const runs = market.runCalendar.filter((r) => !runKeys.has(`${r.settlementDate}|${r.runType}`))
  await bulkInsert(
    trx,
    'settlement_run_calendar',
    rowSet(
      runs.map((r) => ({
        settlement_date: r.settlementDate,
        run_type: r.runType,
        run_date: r.runDate,
      }))
    )
  )
  return {
    tlfs: tlfs.map((t): [string, string] => [t.zone, t.effectiveFrom]),
    runCalendar: runs.map((r): [string, string] => [r.settlementDate, r.runType]),
  }
}

/** Parties holding energy accounts are Trading Parties (`TP`) in settlement; their market roles follow. */
function settlementRoles(party: DemoParty): string[] {
  return party.accounts.some((a) => a.accountType !== 'VBA') ? ['TP', ...party.roles] : party.roles
}
