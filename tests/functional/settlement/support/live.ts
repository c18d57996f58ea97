import { findRun } from '#settlement/queries/runs'
import { onRunEvent, runEventListeners } from '#settlement/runs/run_events'

/** Resolves with the run's final status once it has finished (at once when it already has). */
export async function runFinished(runId: number): Promise<string> {
  let unsubscribe = () => {}
  const ended = new Promise<string>((resolve) => {
    unsubscribe = onRunEvent(runId, (event) => {
      if (event.type === 'status' && event.status !== 'running') resolve(event.status)
    })
  })
  const run = await findRun(runId)
  const status = run && ['succeeded', 'failed'].includes(run.status) ? run.status : await ended
  unsubscribe()
  return status
}

/** Waits until at least `count` subscribers listen to run events (an SSE stream has opened). */
export async function listeners(count: number, timeoutMs = 10_000) {
  const started = Date.now()
  while (runEventListeners() < count) {
    if (Date.now() - started > timeoutMs) throw new Error('no run event subscriber appeared')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Server-Sent Events of a response body, in order. */
export function parseEvents(body: string) {
  return body
    .split('\n\n')
    .map((block) => {
      const event: { id?: number; event?: string; data?: any } = {}
      for (const line of block.split('\n')) {
        const at = line.indexOf(': ')
        if (at < 0 || line.startsWith(':')) continue
        const [field, value] = [line.slice(0, at), line.slice(at + 2)]
        if (field === 'id') event.id = Number(value)
        if (field === 'event') event.event = value
        if (field === 'data') event.data = JSON.parse(value)
      }
      return event
    })
    .filter((event) => event.event)
}
