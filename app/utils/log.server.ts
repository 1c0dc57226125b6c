// Structured log lines (one JSON object per line) for what operators and auditors need to find later:
// sign-ins, failures, lockouts, role changes, deactivations, server errors.
export type LogLine = { time: string; event: string } & Record<string, unknown>

type Sink = (line: LogLine) => void

const stdoutSink: Sink = (line) => {
  process.stdout.write(JSON.stringify(line) + '\n')
}

let sink: Sink | null = null

export function logEvent(event: string, fields: Record<string, unknown> = {}) {
  const line = { time: new Date().toISOString(), event, ...fields }
  if (sink) sink(line)
  else if (process.env.NODE_ENV !== 'test') stdoutSink(line)
}

/** Tests read what would have been logged. Returns the captured lines and a function that stops capturing. */
export function captureLogs() {
  const lines: LogLine[] = []
  sink = (line) => lines.push(line)
  return {
    lines,
    stop: () => {
      sink = null
    },
  }
}
