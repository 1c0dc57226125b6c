// Tells "the database could not be reached or is not accepting work right now" (answer 503, try again)
// from every other failure (a bug: 500). Prisma wraps the pg driver's errors, so the whole chain is read:
// `cause`, Prisma's `meta.driverAdapterError`, `originalError` and the members of an AggregateError.

// Node socket errors from pg while connecting or mid-query.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

// Prisma's own codes for a server it cannot reach, a closed connection and an exhausted pool.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])

// SQLSTATE: class 08 is "connection exception"; 57P01–57P03 are admin shutdown, crash shutdown and
// "the database system is starting up / shutting down"; 53300 is "too many connections".
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/

// How the pg driver adapter names the same states once it has translated the error. A refused login or a
// missing database is no fault of the person asking either: the desk cannot reach its data until an admin acts.
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'AuthenticationFailed',
  'DatabaseAccessDenied',
  'DatabaseDoesNotExist',
])

// pg raises some of these as plain Errors without a code.
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|is not queryable|terminating connection due to|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|ECONNREFUSED|ECONNRESET/i

function links(error: object): unknown[] {
  const { cause, meta, originalError, errors } = error as {
    cause?: unknown
    meta?: unknown
    originalError?: unknown
    errors?: unknown
  }
  const adapterError =
    meta && typeof meta === 'object' ? (meta as { driverAdapterError?: unknown }).driverAdapterError : undefined
  return [cause, adapterError, originalError, ...(Array.isArray(errors) ? errors : [])]
}

function saysUnavailable(error: object): boolean {
  const { code, originalCode, kind, name, message } = error as Record<string, unknown>
  for (const value of [code, originalCode]) {
    if (typeof value === 'string' && (SOCKET_CODES.has(value) || PRISMA_CODES.has(value) || SQLSTATE.test(value)))
      return true
  }
  if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true
  if (name === 'PrismaClientInitializationError') return true
  return typeof message === 'string' && MESSAGES.test(message)
}

/** True when an error means the database could not be reached or is not accepting work (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  const queue: unknown[] = [error]
  while (queue.length > 0 && seen.size < 50) {
    const current = queue.shift()
    if (!current || typeof current !== 'object' || seen.has(current)) continue
    seen.add(current)
    if (saysUnavailable(current)) return true
    queue.push(...links(current))
  }
  return false
}
