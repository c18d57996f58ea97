/**
 * A minimal Server-Sent Events client for tests: reads events from the
 * in-process server until it has `count` of them, then hangs up.
 */
export interface SseEvent {
  id?: string
  event?: string
  data?: string
}

export async function readEvents(
  path: string,
  count: number,
  headers: Record<string, string> = {},
  timeoutMs = 8000
): Promise<SseEvent[]> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const events: SseEvent[] = []
  try {
    const response = await fetch(`http://localhost:${process.env.PORT}${path}`, {
      headers,
      signal: controller.signal,
    })
    if (response.status !== 200)
      throw new Error(`SSE ${path} answered ${response.status}: ${await response.text()}`)
    const decoder = new TextDecoder()
    let buffer = ''
    for await (const chunk of response.body as any as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: SseEvent = {}
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ')
          if (field === 'id' || field === 'event' || field === 'data')
            event[field] = rest.join(': ')
        }
        if (event.id) events.push(event)
        if (events.length >= count) return events
      }
    }
    return events
  } catch (error) {
    if ((error as Error).name === 'AbortError') return events
    throw error
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}
