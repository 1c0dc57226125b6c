// The shapes below were captured from Prisma 7 with the pg adapter against a real PostgreSQL: killed
// with SIGKILL mid-query, backends terminated, and a server answering logins with each FATAL error.
import { describe, expect, it } from '@jest/globals'
import { Prisma } from '~/generated/prisma/client'
import { isDatabaseUnavailable } from './database-unavailable'

function adapterError(message: string, cause: Record<string, unknown>) {
  return Object.assign(new Error(message), { name: 'DriverAdapterError', cause })
}

function prismaError(
  code: string,
  message: string,
  cause: Record<string, unknown>,
  adapterMessage = String(cause.kind),
) {
  return new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: '7.10.0',
    meta: { modelName: 'User', driverAdapterError: adapterError(adapterMessage, cause) },
  })
}

function postgres(code: string, message: string) {
  return { originalCode: code, originalMessage: message, kind: 'postgres', code, severity: 'FATAL', message }
}

const unavailable: Array<[string, unknown]> = [
  [
    '57P03 starting up, from a model query (P2039)',
    prismaError(
      'P2039',
      'Database error. Code: `57P03`. Message: `the database system is starting up`',
      postgres('57P03', 'the database system is starting up'),
      'the database system is starting up',
    ),
  ],
  [
    '57P03 shutting down, from a raw query (P2010)',
    prismaError(
      'P2010',
      'Raw query failed. Code: `57P03`. Message: `the database system is shutting down`',
      postgres('57P03', 'the database system is shutting down'),
      'the database system is shutting down',
    ),
  ],
  [
    '57P01 administrator shutdown of the backend',
    prismaError(
      'P2010',
      'Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`',
      postgres('57P01', 'terminating connection due to administrator command'),
      'terminating connection due to administrator command',
    ),
  ],
  [
    'refused connection after the server died (P1001)',
    prismaError('P1001', "Can't reach database server at 127.0.0.1:35453", {
      kind: 'DatabaseNotReachable',
      host: '127.0.0.1',
      port: 35453,
    }),
  ],
  [
    'refused connection from a raw query (P2010, DatabaseNotReachable)',
    prismaError('P2010', 'Raw query failed. Code: `N/A`. Message: `Can’t reach database server`', {
      kind: 'DatabaseNotReachable',
      host: '127.0.0.1',
      port: 35453,
    }),
  ],
  [
    'connection reset while logging in (ConnectionClosed)',
    prismaError('P2010', 'Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`', {
      kind: 'ConnectionClosed',
    }),
  ],
  [
    'too many connections (53300)',
    prismaError('P2010', 'Raw query failed. Code: `53300`.', {
      originalCode: '53300',
      kind: 'TooManyConnections',
      cause: 'sorry, too many clients already',
    }),
  ],
  [
    'the password was refused (28P01)',
    prismaError('P2010', 'Raw query failed. Code: `28P01`.', {
      originalCode: '28P01',
      kind: 'AuthenticationFailed',
      user: 'factdesk',
    }),
  ],
  [
    'a transaction whose connection died',
    Object.assign(new Error('Client has encountered a connection error and is not queryable'), {
      clientVersion: '7.10.0',
    }),
  ],
  [
    'a server that accepts but never answers',
    Object.assign(
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
      { clientVersion: '7.10.0' },
    ),
  ],
  [
    'pg’s own socket error',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    }),
  ],
  [
    'pg’s SQLSTATE 08006 connection failure',
    Object.assign(new Error('connection failure'), { code: '08006', severity: 'FATAL' }),
  ],
  [
    'Prisma’s pool timeout (P2024)',
    new Prisma.PrismaClientKnownRequestError('Timed out fetching a new connection from the connection pool.', {
      code: 'P2024',
      clientVersion: '7.10.0',
    }),
  ],
  ['Prisma failing to start its engine', new Prisma.PrismaClientInitializationError('Can’t start', '7.10.0')],
  [
    'an error wrapped twice',
    new Error('loading the queue failed', { cause: new Error('query failed', { cause: { code: '57P03' } }) }),
  ],
  [
    'one member of an AggregateError',
    new AggregateError([new Error('no'), Object.assign(new Error('x'), { code: 'ECONNRESET' })]),
  ],
]

const otherFailures: Array<[string, unknown]> = [
  [
    'a unique constraint violation (P2002)',
    prismaError('P2002', 'Unique constraint failed on the fields: (`email`)', {
      originalCode: '23505',
      kind: 'UniqueConstraintViolation',
      constraint: { fields: ['email'] },
    }),
  ],
  [
    'a missing row (P2025)',
    new Prisma.PrismaClientKnownRequestError('No record was found for an update.', {
      code: 'P2025',
      clientVersion: '7.10.0',
    }),
  ],
  [
    'a syntax error in raw SQL (42601)',
    prismaError(
      'P2010',
      'Raw query failed. Code: `42601`. Message: `syntax error at or near "selec"`',
      postgres('42601', 'syntax error at or near "selec"'),
    ),
  ],
  [
    'a statement timeout (57014)',
    prismaError(
      'P2010',
      'Raw query failed. Code: `57014`.',
      postgres('57014', 'canceling statement due to statement timeout'),
    ),
  ],
  [
    'a validation error',
    new Prisma.PrismaClientValidationError('Unknown argument `passwordHash`.', { clientVersion: '7.10.0' }),
  ],
  ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ['nothing', undefined],
  ['a string', 'ECONNREFUSED'],
]

describe('isDatabaseUnavailable', () => {
  it.each(unavailable)('says the database is unavailable for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each(otherFailures)('does not blame the database for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('stops on an error whose cause points back at itself', () => {
    const error = new Error('loop') as Error & { cause?: unknown }
    error.cause = error
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})
