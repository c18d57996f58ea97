import type { Machine } from './machine.js'

const PRE_ACCESSION = [
  'EOI_SUBMITTED',
  'ASSISTANT_INVITED',
  'ACCESSION_DRAFT',
  'ACCESSION_PENDING_APPROVAL',
  'ACCESSION_SUBMITTED',
]

/**
 * The market entry case, one per applicant organisation (customer.md §3.1). The
 * first Category A is established during the draft (§6.3) because a Cat A
 * approves the accession before Elexon does; SIGNATORIES_ESTABLISHED is
 * therefore folded into ACCESSION_PENDING_APPROVAL → ACCESSION_SUBMITTED.
 */
export const ENTRY: Machine = {
  id: 'entry',
  states: [...PRE_ACCESSION, 'ACCEDED', 'ROLES_IN_PROGRESS', 'ACTIVE', 'CLOSED', 'WITHDRAWN'],
  transitions: [
    {
      name: 'submit_expression_of_interest',
      from: [],
      to: 'EOI_SUBMITTED',
      actors: 'public (prospect)',
    },
    {
      name: 'invite_assistant',
      from: ['EOI_SUBMITTED'],
      to: 'ASSISTANT_INVITED',
      actors: 'operator',
    },
    {
      name: 'accept_invitation',
      from: ['ASSISTANT_INVITED'],
      to: 'ACCESSION_DRAFT',
      actors: 'invited assistant',
    },
    {
      name: 'submit_accession',
      from: ['ACCESSION_DRAFT'],
      to: 'ACCESSION_PENDING_APPROVAL',
      actors: 'assistant, Cat A or operator (the preparer)',
    },
    {
      name: 'approve_accession_draft',
      from: ['ACCESSION_PENDING_APPROVAL'],
      to: 'ACCESSION_SUBMITTED',
      actors: 'Cat A signatory other than the preparer',
    },
    {
      name: 'reject_accession_draft',
      from: ['ACCESSION_PENDING_APPROVAL'],
      to: 'ACCESSION_DRAFT',
      actors: 'Cat A signatory',
    },
    {
      name: 'return_accession',
      from: ['ACCESSION_SUBMITTED'],
      to: 'ACCESSION_DRAFT',
      actors: 'operator (reason required)',
    },
    {
      name: 'approve_accession',
      from: ['ACCESSION_SUBMITTED'],
      to: 'ACCEDED',
      actors: 'operator (allocates the Party ID, dates the agreement)',
    },
    {
      name: 'open_role_case',
      from: ['ACCEDED', 'ROLES_IN_PROGRESS', 'ACTIVE'],
      to: 'ROLES_IN_PROGRESS',
      actors: 'Cat A or Sig(B); assistant prepares',
    },
    {
      name: 'go_live',
      from: ['ROLES_IN_PROGRESS'],
      to: 'ACTIVE',
      actors: 'operator, once a registered role is effective',
    },
    {
      name: 'close_entry_case',
      from: PRE_ACCESSION,
      to: 'CLOSED',
      actors: 'operator (reason required)',
    },
    {
      name: 'confirm_withdrawal',
      from: ['ACCEDED', 'ROLES_IN_PROGRESS', 'ACTIVE'],
      to: 'WITHDRAWN',
      actors: 'operator (exit machine)',
    },
  ],
}
