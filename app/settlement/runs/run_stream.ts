import { PassThrough } from 'node:stream'
import logger from '@adonisjs/core/services/logger'
import { findRun } from '#settlement/queries/runs'
import { storedStages } from '#settlement/queries/run_page'
import { isExecutingHere, liveRun, onRunEvent, type RunEvent } from './run_events.js'

/**
 * One run's SSE feed. It subscribes first, then sends a snapshot (the run
 * row and its stages, live ones when this process executes the run), then
 * every later event in order — events published while the snapshot was read
 * are held back and sent after it, those it already covers are dropped —
 * and ends after the final status. A run executing in another process (the
 * CLI) publishes nothing here, so for it alone the feed re-reads the run row
 * every few seconds until it has finished.
 */
const OTHER_PROCESS_CHECK_MS = 3000
const HEARTBEAT_MS = 15_000
const FINISHED = new Set(['succeeded', 'failed'])

export function openRunStream(runId: number): { stream: PassThrough; close: () => void } {
  const stream = new PassThrough()
  let closed = false
  let sentSeq = 0
  const held: RunEvent[] = []
  let snapshotSent = false
  const timers: NodeJS.Timeout[] = []

  const write = (event: string, data: unknown, id?: number) => {
    if (closed) return
    stream.write(
      `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
    )
  }
  const close = () => {
    if (closed) return
    closed = true
    unsubscribe()
    for (const timer of timers) clearInterval(timer)
    stream.end()
  }
  const forward = (event: RunEvent) => {
    if (event.seq <= sentSeq) return
    sentSeq = event.seq
    write(event.type, event, event.seq)
    if (event.type === 'status' && FINISHED.has(event.status)) close()
  }
  const unsubscribe = onRunEvent(runId, (event) => {
    if (snapshotSent) forward(event)
    else held.push(event)
  })
  const live = liveRun(runId)

  const sendSnapshot = async () => {
    const run = await findRun(runId)
    if (!run) return close()
    sentSeq = live?.seq ?? 0
    write('snapshot', {
      run,
      phase: live?.phase ?? null,
      stages: live ? live.stages : await storedStages(runId),
      seq: sentSeq,
    })
    snapshotSent = true
    for (const event of held.splice(0)) forward(event)
    if (!closed && FINISHED.has(run.status) && !isExecutingHere(runId)) close()
    return run
  }

  const watchOtherProcess = () => {
    const timer = setInterval(async () => {
      if (closed || isExecutingHere(runId)) return
      const run = await findRun(runId)
      if (run && FINISHED.has(run.status)) {
        write('snapshot', { run, phase: null, stages: await storedStages(runId), seq: sentSeq })
        close()
      }
    }, OTHER_PROCESS_CHECK_MS)
    timers.push(timer)
  }

  stream.write('retry: 3000\n\n')
  timers.push(setInterval(() => !closed && stream.write(': keep-alive\n\n'), HEARTBEAT_MS))
  sendSnapshot()
    .then(() => closed || watchOtherProcess())
    .catch((error: Error) => {
      logger.error({ err: error, runId }, 'settlement: run event stream failed')
      write('error', { message: 'The run could not be read' })
      close()
    })
  return { stream, close }
}
