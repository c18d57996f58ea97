/**
 * One settlement day's inputs as plain records, with Elexon Insights field
 * names where the dataset has them (PN, BOD, BOALF, DISBSAD, NETBSAD, MID).
 * This is the interchange form: the database loader produces it, rule-plugin
 * fixtures (`input.json`) are written in it, and `buildDayInputs` turns it
 * into columnar frames (frames.ts). Times are ISO UTC strings ending in `Z`.
 */
export interface PartyRecord {
  partyId: string
  partyName: string
}

export interface AccountRecord {
  accountId: string
  partyId: string
  /**
   * 'P' production, 'C' consumption, 'VBA' the single Virtual Balancing Account
   * a party registered only as a Virtual Lead Party holds instead (P344).
   */
  accountType: 'P' | 'C' | 'VBA'
}

export interface BmUnitRecord {
  elexonBmUnit: string
  nationalGridBmUnit: string | null
  leadPartyId: string
  bmUnitType: string
  gspGroupId: string | null
  /** units sharing a Trading Unit id are delivering/offtaking together; null = sole unit */
  tradingUnitId: string | null
  /** P/C status for this settlement day */
  productionOrConsumptionFlag: 'P' | 'C'
  isInterconnector: boolean
  /** TLF of the unit's zone and season on this day */
  transmissionLossFactor: number
}

export interface MeteredVolumeRecord {
  bmUnit: string
  settlementPeriod: number
  volume: number
  estimated?: boolean
}

/** PN / BOD level segments: one straight piece inside one settlement period. */
export interface PnRecord {
  bmUnit: string
  settlementPeriod: number
  timeFrom: string
  levelFrom: number
  timeTo: string
  levelTo: number
}

export interface BodRecord extends PnRecord {
  pairId: number
  offer: number
  bid: number
}

/** BOALF: one straight segment of an acceptance's absolute MW profile. */
export interface BoalfRecord {
  bmUnit: string
  acceptanceNumber: number
  acceptanceTime: string
  deemedBoFlag: boolean
  soFlag: boolean
  storFlag: boolean
  rrFlag: boolean
  timeFrom: string
  levelFrom: number
  timeTo: string
  levelTo: number
}

/**
 * P375: the delivered volume of an Asset Metering VLP's Secondary BM Unit measured by asset meters
 * behind the Boundary Point (MWh, export positive), and the Supplier BM Unit whose customers' sites
 * host the assets (its volume carries the difference to the Boundary Point volume; null: none).
 */
export interface AssetMeteredVolumeRecord {
  bmUnit: string
  settlementPeriod: number
  volume: number
  supplierBmUnit?: string | null
}

export interface AbsvdRecord {
  bmUnit: string
  settlementPeriod: number
  volume: number
}

export interface DisbsadRecord {
  settlementPeriod: number
  id: number
  cost: number
  volume: number
  soFlag: boolean
  storFlag: boolean
  partyId?: string | null
  assetId?: string | null
  isTendered?: boolean | null
  service?: string | null
}

export interface NetbsadRecord {
  settlementPeriod: number
  netBuyPriceCostAdjustmentEnergy: number
  netBuyPriceVolumeAdjustmentEnergy: number
  netBuyPriceVolumeAdjustmentSystem: number
  buyPricePriceAdjustment: number
  netSellPriceCostAdjustmentEnergy: number
  netSellPriceVolumeAdjustmentEnergy: number
  netSellPriceVolumeAdjustmentSystem: number
  sellPricePriceAdjustment: number
  bsadDefaulted?: boolean
}

export interface MarketIndexRecord {
  settlementPeriod: number
  dataProvider: string
  price: number
  volume: number
}

export interface LolpRecord {
  settlementPeriod: number
  lossOfLoadProbability: number
  demandControlVolume?: number
}

export interface EcvnRecord {
  settlementPeriod: number
  fromAccount: string
  toAccount: string
  volume: number
}

export interface MvrnRecord {
  settlementPeriod: number
  bmUnit: string
  fromAccount: string
  toAccount: string
  fixedVolume: number
  percentage: number
}

export interface DayRecords {
  settlementDate: string
  /** settlement period length in minutes (30 today; a sandbox may use 15 or 5) */
  periodMinutes: number
  parties: PartyRecord[]
  accounts: AccountRecord[]
  bmUnits: BmUnitRecord[]
  meteredVolumes: MeteredVolumeRecord[]
  /** P375 asset-metered delivered volumes; absent when no unit is settled on asset meters */
  assetMeteredVolumes?: AssetMeteredVolumeRecord[]
  pn: PnRecord[]
  bod: BodRecord[]
  boalf: BoalfRecord[]
  absvd: AbsvdRecord[]
  disbsad: DisbsadRecord[]
  netbsad: NetbsadRecord[]
  marketIndex: MarketIndexRecord[]
  lolp: LolpRecord[]
  ecvn: EcvnRecord[]
  mvrn: MvrnRecord[]
}
