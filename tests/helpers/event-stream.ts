// Reads a Server-Sent Events response as a browser's EventSource would: events with their id, type and data.
export type StreamEvent = { id: string | null; event: string; data: any }

export function readEvents(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const events: StreamEvent[] = []
  const comments: string[] = []
  let buffer = ''
  let ended = false
  const waiting = new Set<() => void>()
  const wake = () => {
    for (const resolve of waiting) resolve()
  }
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const fields: Record<string, string> = {}
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim())
            const colon = line.indexOf(':')
            if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart()
          }
          if (fields.data !== undefined) {
            events.push({ id: fields.id ?? null, event: fields.event ?? 'message', data: JSON.parse(fields.data) })
          }
          wake()
        }
      }
    } catch {
      // Cancelled.
    }
    ended = true
    wake()
  })()

  return {
    events,
    comments,
    get ended() {
      return ended
    },
    /** The first event (from the start) that matches, waiting for it up to `timeoutMs`. */
    async next(match: (event: StreamEvent) => boolean, timeoutMs = 5_000): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = events.find(match)
        if (found) return found
        if (ended) throw new Error(`The stream ended without the event. Got: ${JSON.stringify(events)}`)
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`No such event within ${timeoutMs} ms. Got: ${JSON.stringify(events)}`)
        await new Promise<void>((resolve) => {
          const done = () => {
            waiting.delete(done)
            clearTimeout(timer)
            resolve()
          }
          const timer = setTimeout(done, left)
          waiting.add(done)
        })
      }
    },
    async untilEnded(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      while (!ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      return ended
    },
    cancel: () => reader.cancel().catch(() => {}),
  }
}
