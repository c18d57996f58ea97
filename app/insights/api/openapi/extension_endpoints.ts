/** Our additions beside the contract, under /ext. */
import { DATE, path, q, runType, STR, type Endpoint } from './parameters.js'

export function extensionEndpoints(): Endpoint[] {
  const days = [q('from', DATE, true), q('to', DATE)]
  const obj = { type: 'object' }
  return [
    {
      path: '/ext/completeness',
      summary: "Completeness per dataset-day (slots present of the day's 46/48/50 periods)",
      tag: 'Extensions',
      parameters: [q('dataset', STR, true), ...days, runType()],
      response: { schema: obj },
      extension: true,
    },
    {
      path: '/ext/runs/diff',
      summary: 'What changed between the latest runs of two types for a day',
      tag: 'Extensions',
      parameters: [
        q('settlementDate', DATE, true),
        q('from', STR, true),
        q('to', STR, true),
        q('dataset', STR),
      ],
      response: { schema: obj },
      extension: true,
    },
    {
      path: '/ext/push/{dataset}',
      summary: 'Server-Sent Events per dataset; resume with Last-Event-ID or ?since=',
      tag: 'Extensions',
      parameters: [
        path('dataset', STR),
        q('since', { type: 'integer', format: 'int64' }),
        { name: 'Last-Event-ID', in: 'header', schema: STR },
      ],
      response: { schema: { type: 'string', description: 'text/event-stream' } },
      extension: true,
    },
    {
      path: '/ext/generation/mix',
      summary: 'Energy by fuel type per settlement day (FUELHH)',
      tag: 'Extensions',
      parameters: days,
      response: { schema: obj },
      extension: true,
    },
    {
      path: '/ext/system-prices/series',
      summary: 'System prices and net imbalance volume per period over a range',
      tag: 'Extensions',
      parameters: [...days, runType()],
      response: { schema: obj },
      extension: true,
    },
    {
      path: '/ext/bmunits/{bmUnit}/series',
      summary: "A BM Unit's accepted volumes and indicative cashflow per period",
      tag: 'Extensions',
      parameters: [path('bmUnit', STR), ...days, runType()],
      response: { schema: obj },
      extension: true,
    },
  ]
}
