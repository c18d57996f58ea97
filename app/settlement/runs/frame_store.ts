import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DayInputs } from '#rules_runtime/frames'
import type { ColumnFrame } from '#rules_runtime/stage'
import {
  compress,
  decompressAndDecode,
  encodeChunks,
  type Encodable,
} from '#rules_runtime/columnar_codec'

/**
 * Generic columnar storage of a run's frames (`settlement_run_frames`): every
 * frame any stage wrote — baseline or plugin — is stored, diffed and traced
 * the same way, without schema changes. Each row holds the frame's canonical
 * encoding, compressed.
 */
export interface EncodedFrame {
  name: string
  stageId: string | null
  frame: ColumnFrame
  chunks: Uint8Array[]
}

const TYPE_NAMES = new Map<unknown, string>([
  [Float64Array, 'f64'],
  [Int32Array, 'i32'],
  [Uint8Array, 'u8'],
])

export function encodeFrames(
  frames: Record<string, ColumnFrame>,
  writers: Record<string, string | null>
): EncodedFrame[] {
  return Object.keys(frames)
    .sort()
    .map((name) => ({
      name,
      stageId: writers[name] ?? null,
      frame: frames[name],
      chunks: encodeChunks(frames[name] as unknown as Encodable),
    }))
}

/**
 * sha256 over the frames in name order, each as `name NUL canonical-encoding`:
 * fixed order and canonical numbers, so the same outputs always hash the same
 * whichever worker computed which periods.
 */
export function outputHash(encoded: EncodedFrame[]): string {
  const hash = createHash('sha256')
  for (const { name, chunks } of [...encoded].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    hash.update(name).update('\0')
    for (const chunk of chunks) hash.update(chunk)
  }
  return hash.digest('hex')
}

/** The entity dictionaries a run's frames index into, stored with them so results stay readable. */
export function entityFrames(inputs: DayInputs): Record<string, ColumnFrame> {
  const { parties, accounts, bmUnits } = inputs
  return {
    'inputs.parties': {
      axis: 'party',
      perPeriod: false,
      columns: {},
      labels: { id: parties.ids, name: parties.names },
    },
    'inputs.accounts': {
      axis: 'account',
      perPeriod: false,
      columns: { party: accounts.party, type: accounts.type },
      labels: { id: accounts.ids },
    },
    'inputs.bmUnits': {
      axis: 'bmUnit',
      perPeriod: false,
      columns: {
        leadParty: bmUnits.leadParty,
        leadAccount: bmUnits.leadAccount,
        pcStatus: bmUnits.pcStatus,
        tlf: bmUnits.tlf,
      },
      labels: { id: bmUnits.ids, ngcId: bmUnits.ngcIds, type: bmUnits.types },
    },
  }
}

function rowCount(frame: ColumnFrame): number {
  const first = Object.values(frame.columns)[0] ?? Object.values(frame.labels ?? {})[0]
  return first?.length ?? 0
}

/** Rows of settlement_run_frames; frames compress in parallel on libuv's thread pool. */
export function frameRows(runId: number, encoded: EncodedFrame[]) {
  return Promise.all(
    encoded.map(async ({ name, stageId, frame, chunks }) => ({
      run_id: runId,
      name,
      stage_id: stageId,
      axis: frame.axis,
      per_period: frame.perPeriod,
      row_count: rowCount(frame),
      columns: JSON.stringify(
        Object.entries(frame.columns).map(([column, values]) => ({
          name: column,
          type: TYPE_NAMES.get(values.constructor),
        }))
      ),
      labels: JSON.stringify(Object.keys(frame.labels ?? {})),
      data: await compress(chunks),
    }))
  )
}

export interface StoredFrameInfo {
  name: string
  stageId: string | null
  axis: ColumnFrame['axis']
  perPeriod: boolean
  rowCount: number
  columns: { name: string; type: string }[]
  labels: string[]
}

export async function listRunFrames(
  runId: number,
  client: QueryClientContract = db.connection()
): Promise<StoredFrameInfo[]> {
  const rows = await client
    .from('settlement_run_frames')
    .where('run_id', runId)
    .select('name', 'stage_id', 'axis', 'per_period', 'row_count', 'columns', 'labels')
    .orderBy('name')
  return rows.map((row) => ({
    name: row.name,
    stageId: row.stage_id,
    axis: row.axis,
    perPeriod: Boolean(row.per_period),
    rowCount: Number(row.row_count),
    columns: JSON.parse(row.columns),
    labels: JSON.parse(row.labels),
  }))
}

/** Decoded frames of a run (all, or the named ones). */
export async function loadRunFrames(
  runId: number,
  names?: string[]
): Promise<Record<string, ColumnFrame>> {
  const query = db.from('settlement_run_frames').where('run_id', runId).select('name', 'data')
  if (names) query.whereIn('name', names)
  const frames: Record<string, ColumnFrame> = {}
  for (const row of await query) frames[row.name] = decompressAndDecode<ColumnFrame>(row.data)
  return frames
}
