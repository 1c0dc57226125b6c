// Structured log lines (one JSON object per line) for what operators and auditors need to find later.
export function logEvent(event: string, fields: Record<string, unknown> = {}) {
  if (process.env.NODE_ENV === 'test' && !process.env.FACTDESK_LOG_IN_TESTS) return
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n')
}
