import { r, type CustomerRoute } from './route.js'
import * as entry from '../validators/entry_validators.js'
import * as assets from '../validators/asset_validators.js'

/** BM Units, metering systems, MSID Pairs, AMSIDs (customer.md §7, §8). */
export const ASSET_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/parties/:partyId/assets',
    'assets',
    'index',
    'party',
    'BM Units, metering systems, MSID Pairs, AMSIDs'
  ),
  r(
    'post',
    '/parties/:partyId/bm-units',
    'assets',
    'submitBmUnit',
    'party',
    'Register a BM Unit',
    assets.bmUnitValidator
  ),
  r(
    'put',
    '/bm-units/:id',
    'assets',
    'changeBmUnit',
    'party',
    'Submit a new version of a registered BM Unit',
    assets.bmUnitChangeValidator
  ),
  r(
    'post',
    '/parties/:partyId/metering-systems',
    'assets',
    'registerMeteringSystem',
    'party',
    'Add a metering system (MSID)',
    assets.meteringSystemValidator
  ),
  r(
    'post',
    '/parties/:partyId/msid-pairs',
    'assets',
    'allocateMsidPairs',
    'party',
    'Allocate MSID Pairs (per-row result)',
    assets.msidPairsValidator
  ),
  r(
    'post',
    '/parties/:partyId/msid-pairs/upload',
    'assets',
    'uploadMsidPairs',
    'party',
    'Upload MSID Pairs as a CSV file (header bmUnitId,importMsid,exportMsid,effectiveFrom[,effectiveTo]; per-row result)',
    assets.msidPairUploadValidator,
    true
  ),
  r(
    'post',
    '/parties/:partyId/asset-metering-systems',
    'assets',
    'submitAssetMeteringSystem',
    'party',
    'Register an Asset Metering System (AMVLP)',
    assets.assetMeteringSystemValidator
  ),
  r(
    'post',
    '/bm-units/:id/approve',
    'assets',
    'approveBmUnit',
    'operator',
    'Register a submitted BM Unit version'
  ),
  r(
    'post',
    '/bm-units/:id/refer-to-netso',
    'assets',
    'referBmUnitToNetso',
    'operator',
    'Validated: a Primary BM Unit with FPN Y now awaits the NETSO agreement'
  ),
  r(
    'post',
    '/bm-units/:id/netso-agreement',
    'assets',
    'recordNetsoAgreement',
    'operator',
    'Record the NETSO agreement (date, reference, optional PDF) and register the unit',
    assets.netsoAgreementValidator,
    true
  ),
  r(
    'post',
    '/bm-units/:id/reject',
    'assets',
    'rejectBmUnit',
    'operator',
    'Reject a submitted BM Unit version',
    entry.reasonValidator
  ),
  r(
    'post',
    '/bm-units/:id/deregister',
    'assets',
    'deregisterBmUnit',
    'operator',
    'Deregister a BM Unit',
    assets.deregisterBmUnitValidator
  ),
  r(
    'post',
    '/asset-metering-systems/:id/approve',
    'assets',
    'approveAssetMeteringSystem',
    'operator',
    'Register an Asset Metering System'
  ),
  r(
    'post',
    '/asset-metering-systems/:id/reject',
    'assets',
    'rejectAssetMeteringSystem',
    'operator',
    'Reject an Asset Metering System',
    entry.reasonValidator
  ),
]
