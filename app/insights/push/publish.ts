/**
 * Push events: persisted with a per-dataset sequence number in the same
 * transaction as the data they announce, then announced in-process so open
 * SSE feeds read them at once (feeds also poll, for writers in other processes).
 */
import { EventEmitter } from 'node:events'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { nextCounter } from '#insights/datasets/counters'
import { noteWrite } from '#insights/datasets/local_writes'

export const pushHub = new EventEmitter()
pushHub.setMaxListeners(0)

export interface PushEvent {
  dataset: string
  seq: number
  kind: string
  payload: Record<string, unknown>
  createdAt: string
}

/** Records the event; returns its sequence number (also the data version of what it announces). */
export async function recordPushEvent(
  trx: TransactionClientContract,
  dataset: string,
  kind: string,
  payload: Record<string, unknown>
): Promise<number> {
  const seq = await nextCounter(trx, `push:${dataset}`)
  noteWrite(dataset)
  const createdAt = new Date().toISOString()
  await trx.table('insights_push_events').insert({
    dataset,
    seq,
    kind,
    payload: JSON.stringify({ dataset, seq, kind, ...payload }),
    created_at: createdAt,
  })
  return seq
}

/** Wakes the feeds of these datasets; call after the transaction committed. */
export function announce(datasets: Iterable<string>) {
  for (const dataset of new Set(datasets)) pushHub.emit('pushed', dataset)
}
