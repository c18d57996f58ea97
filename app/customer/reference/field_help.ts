import { bmUnitIdGuidance } from './identifiers.js'

/**
 * Guidance notes shown under each field in the portal and used as the field
 * descriptions of the OpenAPI document: one text, two places.
 */
export const FIELD_HELP: Record<string, string> = {
  companyName: 'The legal name of the company as registered (at most 120 characters).',
  country: 'Country of registration as a two-letter ISO code, e.g. GB.',
  registeredNumber:
    'UK companies: the Companies House number, 8 digits or 2 letters and 6 digits (15234567, SC123456).',
  vatNumber:
    'GB followed by 9 digits (12 for a branch), checked with the HMRC check digits; or "Not available".',
  licenceStatus:
    'Whether you hold, have applied for, or are exempt from the Ofgem licence your role needs.',
  proposedPartyId:
    'The Party ID you would like: 3–8 upper-case letters or digits. It can never change and is never reused.',
  postcode: 'A UK postcode such as SW1A 1AA.',
  agreement:
    'The signed Accession Agreement as a PDF, at most 10 MB. Leave it undated: Elexon dates it on accession.',
  directorsLetter:
    'A letter on company letterhead from a director nominating the first Category A signatory (PDF, at most 10 MB).',
  categories:
    'BSCP38 categories: A manages signatories and approves drafts; B registrations; C credit; D disputes; E agents; F bank details; G metering; H reports.',
  startDate: 'The first day the authorisation applies (today or later).',
  sortCode: 'Six digits, e.g. 40-12-76.',
  accountNumber: 'Eight digits.',
  contactTypes:
    'Keep two 24-hour credit contacts so a Credit Default can be handled outside working hours.',
  roleCode: 'The market role to register; each has its own qualification route.',
  targetEffectiveFrom:
    'The date the role should take effect: at least 3 working days after Elexon registers it.',
  participantCode:
    'Suppliers and VLPs: your 4-character Supplier Id / VLP code, used inside your BM Unit ids.',
  bmUnitId: `T_/E_: ${bmUnitIdGuidance('T').explanation}. Supplier: ${bmUnitIdGuidance('S').explanation}. Secondary: ${bmUnitIdGuidance('V').explanation}. Interconnector: ${bmUnitIdGuidance('I').explanation}.`,
  bmUnitName: 'A readable name, at most 30 characters.',
  bmUnitType:
    'T directly connected, E embedded, I interconnector, S Supplier (2__/C__), V Secondary (VLP).',
  nationalGridBmUnit: 'The NETSO id of the unit (e.g. DRAXX-1); required when the FPN flag is Yes.',
  gspGroupId: 'One of the 14 GSP Groups _A to _P (no _I or _O); required for E, S and V units.',
  generationCapacity: 'Generation Capacity in MW (zero or positive).',
  demandCapacity: 'Demand Capacity in MW (zero or negative by the BSC sign convention).',
  productionOrConsumptionFlag: 'P (production) or C (consumption); fixed for interconnector units.',
  fpnFlag:
    'Yes when the unit is active in the Balancing Mechanism and submits Final Physical Notifications.',
  netsoAgreed:
    'Confirm you agreed your obligations with the NETSO (required for Primary units with FPN Yes).',
  fuelType: 'For T and E units: the fuel, used for credit assessment load factors.',
  effectiveFrom:
    'First Settlement Day. Primary units need 30 working days; MSID Pairs 7 working days.',
  msid: 'The 13-digit MPAN core; the 13th digit is a check digit.',
  measurementClass:
    'HH for half-hourly settled; only HH MSIDs can be allocated to Secondary BM Units.',
  withdrawalDate:
    'The date you wish to leave the BSC; at least the notice period after today (P414: any later day).',
  route:
    'standard: Section A 5.1 with the notice period; p414: liabilities move to a party registered in the same roles.',
  receivingPartyId:
    'P414: the Party ID that takes over the liabilities; it holds every role you hold.',
  licenceRevocationDate:
    'P414, licensed parties: the revocation date agreed with Ofgem, before the withdrawal date.',
  transferReference: 'P414: the agreement that moved the liabilities to the receiving party.',
  amount: 'In pounds, at most two decimals (e.g. 250000 or 1250.50).',
  effectiveOn: 'The day the amount counts from (a lodgement: when received, not in the future).',
  instrument: 'cash or letter_of_credit.',
  contacts:
    'Two to four people Elexon can reach at any hour about a Credit Default, each with a phone number.',
  netsoReference: "The NETSO's reference for the party's agreement for this BM Unit.",
  agreedOn: 'The date the NETSO agreement was given (not in the future).',
  file: 'A UTF-8 CSV file, at most 1 MB and 500 rows, with the header bmUnitId,importMsid,exportMsid,effectiveFrom[,effectiveTo].',
}
