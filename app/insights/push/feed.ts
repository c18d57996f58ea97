/**
 * One SSE feed: every persisted event of a dataset with a sequence number
 * above the client's last one, in order, then each new one as it lands. Events
 * are always read from the database after the last id sent, so a wake-up, a
 * poll and a reconnect can never skip or repeat one.
 */
import { PassThrough } from 'node:stream'
import db from '@adonisjs/lucid/services/db'
import { pushHub } from './publish.js'

const BATCH = 500
const POLL_MS = 2000
const HEARTBEAT_MS = 15_000

export async function latestSeq(dataset: string): Promise<number> {
  const row = await db
    .from('insights_push_events')
    .where('dataset', dataset)
    .max('seq as seq')
    .first()
  return Number(row?.seq ?? 0)
}

/** Opens the feed: the stream to send, and `close` to call once the client has gone. */
export function openFeed(
  dataset: string,
  since: number
): { stream: PassThrough; close: () => void } {
  const stream = new PassThrough()
  let last = since
  let closed = false
  let queue = Promise.resolve()

  const drain = async () => {
    while (!closed) {
      const events = await db
        .from('insights_push_events')
        .where('dataset', dataset)
        .where('seq', '>', last)
        .orderBy('seq')
        .limit(BATCH)
        .select('seq', 'kind', 'payload')
      for (const event of events) {
        stream.write(`id: ${event.seq}\nevent: ${event.kind}\ndata: ${event.payload}\n\n`)
        last = Number(event.seq)
      }
      if (events.length < BATCH) return
    }
  }
  // One drain at a time: wake-ups arriving mid-drain queue behind it.
  const wake = () => {
    queue = queue.then(drain).catch((error) => {
      stream.write(
        `event: error\ndata: ${JSON.stringify({ message: (error as Error).message })}\n\n`
      )
    })
  }
  const onPushed = (name: string) => name === dataset && wake()
  pushHub.on('pushed', onPushed)
  const poll = setInterval(wake, POLL_MS)
  const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS)

  stream.write('retry: 3000\n\n')
  wake()

  const close = () => {
    if (closed) return
    closed = true
    pushHub.off('pushed', onPushed)
    clearInterval(poll)
    clearInterval(heartbeat)
    stream.end()
  }
  return { stream, close }
}
