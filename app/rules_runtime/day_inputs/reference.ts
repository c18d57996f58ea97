/**
 * Parties, accounts and BM Units, dictionary-encoded and sorted by id (so
 * index order is id order), with each unit's lead account and Trading Unit.
 */
import type { DayInputs } from '../frames.js'
import { CONSUMPTION, PRODUCTION, VIRTUAL_BALANCING } from '../frames.js'
import { cmp, indexBy, lookup } from './columns.js'
import type { DayBuild } from './day_build.js'

const ACCOUNT_TYPES: Record<string, number> = {
  P: PRODUCTION,
  C: CONSUMPTION,
  VBA: VIRTUAL_BALANCING,
}

export type Reference = ReturnType<typeof buildReference>

export function buildReference(build: DayBuild) {
  const { list, fail } = build
  const partyRecords = [...list('parties')].sort((a, b) => cmp(a.partyId, b.partyId))
  const partyIndex = indexBy(partyRecords, (p) => p.partyId, 'parties', fail)
  const accountRecords = [...list('accounts')].sort((a, b) => cmp(a.accountId, b.accountId))
  const accountIndex = indexBy(accountRecords, (a) => a.accountId, 'accounts', fail)
  const accountParty = new Int32Array(accountRecords.length)
  const accountType = new Uint8Array(accountRecords.length)
  const partyAccounts = new Map<string, number>()
  accountRecords.forEach((account, i) => {
    const where = `accounts[${i}] (${account.accountId})`
    accountParty[i] = lookup(partyIndex, account.partyId, where, 'partyId', fail)
    if (!(account.accountType in ACCOUNT_TYPES)) {
      fail(where, `accountType must be P, C or VBA, got ${JSON.stringify(account.accountType)}`)
    }
    accountType[i] = ACCOUNT_TYPES[account.accountType]
    partyAccounts.set(`${account.partyId}/${account.accountType}`, i)
  })

  const unitRecords = [...list('bmUnits')].sort((a, b) => cmp(a.elexonBmUnit, b.elexonBmUnit))
  const unitIndex = indexBy(unitRecords, (u) => u.elexonBmUnit, 'bmUnits', fail)
  const units = unitRecords.length
  const leadParty = new Int32Array(units)
  const leadAccount = new Int32Array(units)
  const pcStatus = new Uint8Array(units)
  const isInterconnector = new Uint8Array(units)
  const tradingUnit = new Int32Array(units)
  const tlf = new Float64Array(units)
  const tradingUnits = new Map<string, number>()
  let tradingUnitCount = 0
  unitRecords.forEach((unit, u) => {
    const where = `bmUnits[${u}] (${unit.elexonBmUnit})`
    leadParty[u] = lookup(partyIndex, unit.leadPartyId, where, 'leadPartyId', fail)
    const flag = unit.productionOrConsumptionFlag
    if (flag !== 'P' && flag !== 'C') fail(where, `productionOrConsumptionFlag must be P or C`)
    pcStatus[u] = flag === 'C' ? CONSUMPTION : PRODUCTION
    // A VLP-only party holds one Virtual Balancing Account instead of Energy Accounts (P344).
    const account =
      partyAccounts.get(`${unit.leadPartyId}/${flag}`) ??
      partyAccounts.get(`${unit.leadPartyId}/VBA`)
    if (account === undefined) {
      fail(where, `lead party ${unit.leadPartyId} has no ${flag} account (nor a VBA)`)
    }
    leadAccount[u] = account ?? -1
    isInterconnector[u] = unit.isInterconnector ? 1 : 0
    tlf[u] = build.num(unit.transmissionLossFactor, where, 'transmissionLossFactor')
    // Units in no declared Trading Unit are their own sole Trading Unit.
    const key =
      unit.tradingUnitId === null || unit.tradingUnitId === undefined ? null : unit.tradingUnitId
    if (key === null) tradingUnit[u] = tradingUnitCount++
    else {
      if (!tradingUnits.has(key)) tradingUnits.set(key, tradingUnitCount++)
      tradingUnit[u] = tradingUnits.get(key)!
    }
  })

  const frames: Pick<DayInputs, 'parties' | 'accounts' | 'bmUnits'> = {
    parties: {
      ids: partyRecords.map((p) => p.partyId),
      names: partyRecords.map((p) => p.partyName),
    },
    accounts: {
      ids: accountRecords.map((a) => a.accountId),
      party: accountParty,
      type: accountType,
    },
    bmUnits: {
      ids: unitRecords.map((u) => u.elexonBmUnit),
      ngcIds: unitRecords.map((u) => u.nationalGridBmUnit ?? null),
      leadParty,
      types: unitRecords.map((u) => u.bmUnitType),
      gspGroups: unitRecords.map((u) => u.gspGroupId ?? null),
      pcStatus,
      isInterconnector,
      tradingUnit,
      tradingUnitCount,
      tlf,
      leadAccount,
    },
  }
  return {
    frames,
    units,
    leadAccount,
    accountType,
    pcStatus,
    unitOf: (id: string, where: string) => lookup(unitIndex, id, where, 'bmUnit', fail),
    accountOf: (id: string, where: string, field: string) =>
      lookup(accountIndex, id, where, field, fail),
  }
}
