/**
 * The words REMIT messages use (Elexon's REMIT message fields and ACER's
 * inside-information vocabulary): the portal offers these and the API accepts
 * nothing else.
 */
export const MESSAGE_TYPES = [
  'UnavailabilitiesOfElectricityFacilities',
  'OtherMarketInformation',
] as const

export const EVENT_TYPES = [
  'Production unavailability',
  'Consumption unavailability',
  'Transmission unavailability',
  'Other unavailability',
] as const

export const UNAVAILABILITY_TYPES = ['Planned', 'Unplanned'] as const

export const EVENT_STATUSES = ['Active', 'Inactive', 'Dismissed'] as const

/** ENTSO-E production types, as REMIT messages name fuels. */
export const REMIT_FUEL_TYPES = [
  'Biomass',
  'Fossil Brown coal/Lignite',
  'Fossil Coal-derived gas',
  'Fossil Gas',
  'Fossil Hard coal',
  'Fossil Oil',
  'Fossil Oil shale',
  'Fossil Peat',
  'Geothermal',
  'Hydro Pumped Storage',
  'Hydro Run-of-river and poundage',
  'Hydro Water Reservoir',
  'Marine',
  'Nuclear',
  'Other',
  'Other renewable',
  'Solar',
  'Waste',
  'Wind Offshore',
  'Wind Onshore',
] as const

/** The asset type a message's event type implies. */
export const ASSET_TYPE_BY_EVENT: Record<string, string> = {
  'Production unavailability': 'Production',
  'Consumption unavailability': 'Consumption',
  'Transmission unavailability': 'Transmission',
  'Other unavailability': 'Other',
}

export const GB_BIDDING_ZONE = '10YGB----------A'
