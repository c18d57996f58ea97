/** Contract paths of the REMIT disclosure API, with the contract's parameters. */
import {
  BOOL,
  DATETIME,
  format,
  INT,
  LIST,
  path,
  q,
  row,
  STR,
  type Endpoint,
} from './parameters.js'

const REMIT_FILTERS = [
  q('from', DATETIME, true),
  q('to', DATETIME, true),
  q('participantId', STR),
  q('assetId', STR),
  q('messageType', STR),
  q('unavailabilityType', STR),
  q('eventType', LIST),
  q('fuelType', LIST),
  q('latestRevisionOnly', BOOL),
  q('profileOnly', BOOL),
]
export const REMIT_ID =
  'Insights.Api.Models.Responses.Transparency.Remit.RemitMessageIdentifierWithUrl'
export const REMIT_MESSAGE = 'Insights.Api.Models.Responses.Transparency.Remit.RemitMessageWithId'

export function remitEndpoints(): Endpoint[] {
  return [
    {
      path: '/datasets/REMIT',
      summary: 'REMIT messages (REMIT)',
      tag: 'REMIT',
      parameters: [
        q('publishDateTimeFrom', DATETIME, true),
        q('publishDateTimeTo', DATETIME, true),
        format(['json', 'xml']),
      ],
      response: { envelope: 'data', row: row('REMIT') },
    },
    {
      path: '/datasets/REMIT/stream',
      summary: 'REMIT messages (REMIT) stream',
      tag: 'REMIT',
      parameters: [
        q('publishDateTimeFrom', DATETIME, true),
        q('publishDateTimeTo', DATETIME, true),
      ],
      response: { envelope: 'array', row: row('REMIT') },
    },
    {
      path: '/remit/list/by-publish',
      summary: 'List messages by publish time',
      tag: 'REMIT',
      parameters: [...REMIT_FILTERS, format(['json', 'xml'])],
      response: { envelope: 'metadata', row: REMIT_ID },
    },
    {
      path: '/remit/list/by-publish/stream',
      summary: 'List messages by publish time (stream)',
      tag: 'REMIT',
      parameters: REMIT_FILTERS,
      response: { envelope: 'array', row: REMIT_ID },
    },
    {
      path: '/remit/list/by-event',
      summary: 'List messages by event time',
      tag: 'REMIT',
      parameters: [...REMIT_FILTERS, format(['json', 'xml'])],
      response: { envelope: 'metadata', row: REMIT_ID },
    },
    {
      path: '/remit/list/by-event/stream',
      summary: 'List messages by event time (stream)',
      tag: 'REMIT',
      parameters: REMIT_FILTERS,
      response: { envelope: 'array', row: REMIT_ID },
    },
    {
      path: '/remit/revisions',
      summary: 'List all message revisions',
      tag: 'REMIT',
      parameters: [q('mrid', STR), q('messageId', INT), format(['json', 'xml'])],
      response: { envelope: 'metadata', row: REMIT_ID },
    },
    {
      path: '/remit/search',
      summary: 'Fetch message details by mRID',
      tag: 'REMIT',
      parameters: [q('mrid', STR, true), q('revisionNumber', INT), format(['json', 'xml'])],
      response: { envelope: 'metadata', row: REMIT_MESSAGE },
    },
    {
      path: '/remit',
      summary: 'Bulk fetch message details by IDs',
      tag: 'REMIT',
      parameters: [q('messageId', { type: 'array', items: INT }, true), format(['json', 'xml'])],
      response: { envelope: 'metadata', row: REMIT_MESSAGE },
    },
    {
      path: '/remit/{messageId}',
      summary: 'Fetch message details by ID',
      tag: 'REMIT',
      parameters: [path('messageId', INT), format(['json', 'xml'])],
      response: { envelope: 'metadata', row: REMIT_MESSAGE },
    },
  ]
}
