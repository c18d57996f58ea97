/**
 * Columnar frames: the data a settlement run works on (ARCHITECTURE.md §4.1).
 *
 * Layout rules, shared by loaders, stages and persistence:
 * - Entities (BM Units, accounts, parties) are dictionary-encoded: `ids[i]` is
 *   entity i; every per-entity column is indexed by i.
 * - Entity × period columns are PERIOD-MAJOR: value of entity i in period j
 *   (1-based, within the frame's period range) is at `(j - firstPeriod) * count + i`.
 *   Period-range outputs of several workers therefore concatenate in period order.
 * - Variable-length lists are CSR ("ragged"): items of owner o are the index
 *   range [offsets[o], offsets[o + 1]) of the item columns.
 * - Instants are UTC epoch milliseconds in Float64Arrays (exact integers).
 * - Booleans are Uint8Array 0/1. Missing numbers are NaN.
 * Numeric columns live on SharedArrayBuffers when handed to the pool, so every
 * worker reads one copy; outputs come back as transferred buffers.
 */

export type NumArray = Float64Array
export type IdxArray = Int32Array
export type FlagArray = Uint8Array

/** P = 0, C = 1 (energy account type and BM Unit P/C status); VBA = 2 (account type only). */
export const PRODUCTION = 0
export const CONSUMPTION = 1
export const VIRTUAL_BALANCING = 2

export interface BmUnitFrame {
  ids: string[]
  ngcIds: (string | null)[]
  /** index into `parties.ids` */
  leadParty: IdxArray
  /** BM Unit type letter (T, E, I, M, S, V, C) */
  types: string[]
  gspGroups: (string | null)[]
  /** PRODUCTION or CONSUMPTION for this settlement day */
  pcStatus: FlagArray
  isInterconnector: FlagArray
  /** Trading Unit index (units in no declared Trading Unit are their own, sole unit) */
  tradingUnit: IdxArray
  tradingUnitCount: number
  /** TLF of the unit's zone and season for the day */
  tlf: NumArray
  /**
   * index into `accounts.ids` of the lead party's account matching pcStatus, or
   * its Virtual Balancing Account when the party holds no Energy Accounts
   */
  leadAccount: IdxArray
}

export interface AccountFrame {
  ids: string[]
  /** index into `parties.ids` */
  party: IdxArray
  /** PRODUCTION, CONSUMPTION or VIRTUAL_BALANCING */
  type: FlagArray
}

export interface PartyFrame {
  ids: string[]
  names: string[]
}

/** A piecewise-linear level profile made of straight segments (PN, BOD band widths). */
export interface SegmentColumns {
  timeFrom: NumArray
  levelFrom: NumArray
  timeTo: NumArray
  levelTo: NumArray
}

/** BOD per (period, unit): offsets indexed `(j - 1) * units + u`, length periods*units + 1. */
export interface BodFrame extends SegmentColumns {
  offsets: IdxArray
  pairId: IdxArray
  offer: NumArray
  bid: NumArray
}

/** FPN per (period, unit), same indexing as BOD. */
export interface FpnFrame extends SegmentColumns {
  offsets: IdxArray
}

/**
 * Acceptances per unit for the whole day, ordered by acceptance number.
 * `unitOffsets[u]..unitOffsets[u+1]` are unit u's acceptances; each acceptance's
 * points are `pointOffsets[k]..pointOffsets[k+1]` (time, level: absolute MW).
 * `firstTime`/`lastTime` span the WHOLE acceptance, also beyond this day (CADL).
 */
export interface AcceptanceFrame {
  unitOffsets: IdxArray
  number: IdxArray
  acceptanceTime: NumArray
  soFlag: FlagArray
  storFlag: FlagArray
  rrFlag: FlagArray
  deemedBoFlag: FlagArray
  firstTime: NumArray
  lastTime: NumArray
  pointOffsets: IdxArray
  pointTime: NumArray
  pointLevel: NumArray
}

/** DISBSAD items per period: `periodOffsets[j - 1]..periodOffsets[j]`. */
export interface DisbsadFrame {
  periodOffsets: IdxArray
  id: IdxArray
  cost: NumArray
  volume: NumArray
  soFlag: FlagArray
  storFlag: FlagArray
}

/** NETBSAD per period (index j - 1), Insights field names. */
export interface NetbsadFrame {
  netBuyPriceCostAdjustmentEnergy: NumArray
  netBuyPriceVolumeAdjustmentEnergy: NumArray
  netBuyPriceVolumeAdjustmentSystem: NumArray
  buyPricePriceAdjustment: NumArray
  netSellPriceCostAdjustmentEnergy: NumArray
  netSellPriceVolumeAdjustmentEnergy: NumArray
  netSellPriceVolumeAdjustmentSystem: NumArray
  sellPricePriceAdjustment: NumArray
  bsadDefaulted: FlagArray
}

/** Market Index Data per period and provider. */
export interface MarketIndexFrame {
  periodOffsets: IdxArray
  price: NumArray
  volume: NumArray
}

/** Energy contract volume notifications (one row per period and pair of accounts). */
export interface EcvnFrame {
  period: IdxArray
  fromAccount: IdxArray
  toAccount: IdxArray
  volume: NumArray
}

/** Metered volume reallocation notifications. */
export interface MvrnFrame {
  period: IdxArray
  bmUnit: IdxArray
  fromAccount: IdxArray
  toAccount: IdxArray
  fixedVolume: NumArray
  percentage: NumArray
}

/** Everything a run reads for one settlement day, frozen into the input snapshot. */
export interface DayInputs {
  settlementDate: string
  periodMinutes: number
  periods: number
  /** UTC epoch ms of the start of period 1 */
  dayStart: number
  parties: PartyFrame
  accounts: AccountFrame
  bmUnits: BmUnitFrame
  /** QM input, period-major; NaN where no metered data was received */
  meteredVolume: NumArray
  meteredEstimated: FlagArray
  /**
   * P375 asset-metered delivered volume per BM Unit, period-major, NaN where none; present only
   * when the day has asset-metered volumes (so other days' snapshots are unchanged)
   */
  assetMeteredVolume?: NumArray
  /** P375: index of the Supplier BM Unit hosting the unit's assets, period-major, −1 where none */
  assetMeteredSupplier?: IdxArray
  /** ABSVD QAS, period-major, 0 when none */
  absvd: NumArray
  fpn: FpnFrame
  bod: BodFrame
  acceptances: AcceptanceFrame
  disbsad: DisbsadFrame
  netbsad: NetbsadFrame
  marketIndex: MarketIndexFrame
  /** per period (index j - 1) */
  lolp: NumArray
  demandControlVolume: NumArray
  ecvn: EcvnFrame
  mvrn: MvrnFrame
}
