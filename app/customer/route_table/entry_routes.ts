import { r, type CustomerRoute } from './route.js'
import * as entry from '../validators/entry_validators.js'

/** Market entry (customer.md §3): public form, invitations, accession, operator decisions. */
export const ENTRY_ROUTES: CustomerRoute[] = [
  r(
    'get',
    '/join',
    'entry',
    'join',
    'public',
    'Expression of Interest form (field guidance, market roles)'
  ),
  r(
    'post',
    '/join',
    'entry',
    'submitJoin',
    'public',
    'Submit an Expression of Interest (E1)',
    entry.expressionOfInterestValidator
  ),
  r(
    'get',
    '/invitations/:token',
    'entry',
    'invitation',
    'public',
    'Check a portal invitation link'
  ),
  r(
    'post',
    '/invitations/:token',
    'entry',
    'acceptInvitation',
    'public',
    'Accept an invitation and choose a password (E3)',
    entry.acceptInvitationValidator
  ),
  r('get', '/', 'entry', 'home', 'party', "The signed-in user's party (operators: the work queue)"),
  r(
    'get',
    '/parties/:partyId',
    'entry',
    'show',
    'party',
    'Party overview: entry state, tasks (who must act, why, when), role cases'
  ),
  r('get', '/parties/:partyId/accession', 'entry', 'accession', 'party', 'Accession draft'),
  r(
    'put',
    '/parties/:partyId/accession',
    'entry',
    'saveAccession',
    'party',
    'Save accession pages 1–2',
    entry.accessionDetailsValidator
  ),
  r(
    'post',
    '/parties/:partyId/accession/agreement',
    'entry',
    'uploadAgreement',
    'party',
    'Upload the signed, undated Accession Agreement (PDF ≤ 10 MB)',
    entry.agreementUploadValidator,
    true
  ),
  r(
    'post',
    '/parties/:partyId/accession/submit',
    'entry',
    'submitAccession',
    'party',
    'Send the accession for Category A approval (E4)'
  ),
  r(
    'post',
    '/parties/:partyId/accession/approve',
    'entry',
    'approveDraft',
    'party',
    'Category A approves the accession draft (not the preparer)'
  ),
  r(
    'post',
    '/parties/:partyId/accession/reject',
    'entry',
    'rejectDraft',
    'party',
    'Category A returns the accession draft',
    entry.reasonValidator
  ),
  r(
    'post',
    '/parties/:partyId/invite-assistant',
    'entry',
    'inviteAssistant',
    'operator',
    'Invite the first assistant (E2)',
    entry.inviteAssistantValidator
  ),
  r(
    'post',
    '/parties/:partyId/accession/return',
    'entry',
    'returnAccession',
    'operator',
    'Return the accession to the party (E5)',
    entry.reasonValidator
  ),
  r(
    'post',
    '/parties/:partyId/accession/accede',
    'entry',
    'approveAccession',
    'operator',
    'Approve the accession: allocate the Party ID, date the agreement (E6)',
    entry.approveAccessionValidator
  ),
  r(
    'post',
    '/parties/:partyId/go-live',
    'entry',
    'goLive',
    'operator',
    'Flag the party active once a registered role is effective (E9)'
  ),
  r(
    'post',
    '/parties/:partyId/close',
    'entry',
    'close',
    'operator',
    'Close a prospect case (E10)',
    entry.reasonValidator
  ),
]
