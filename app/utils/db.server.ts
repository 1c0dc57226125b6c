// One Prisma client for the process, over the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg'
import { data } from 'react-router'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from './env.server'

const globalForDb = globalThis as unknown as { factdeskDb?: PrismaClient }

function createClient() {
  const adapter = new PrismaPg({
    connectionString: getEnv().DATABASE_URL,
    // Fail fast when the database is down so pages answer 503 at once instead of hanging.
    connectionTimeoutMillis: 5_000,
    max: 10,
  })
  const base = new PrismaClient({ adapter })
  // A query that fails because the database is down becomes a 503 the pages understand, rather than a 500.
  const extended = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args)
        } catch (error) {
          throw asUnavailable(error)
        }
      },
    },
  })
  return extended as unknown as PrismaClient
}

function asUnavailable(error: unknown) {
  return isDatabaseUnavailable(error)
    ? data({ message: 'Nothing was lost. Try again in a moment; the page works again as soon as the database is back.' }, { status: 503 })
    : error
}

function client(): PrismaClient {
  // Kept on globalThis so development reloads do not open a new pool each time.
  globalForDb.factdeskDb ??= createClient()
  return globalForDb.factdeskDb
}

// Created on first use, so importing a module never opens a connection (tests pick their database first).
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client()
    const value = Reflect.get(target, property, target)
    if (property === '$transaction' && typeof value === 'function') {
      // Opening a transaction is not a query, so the extension above does not see it fail.
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error) => {
          throw asUnavailable(error)
        })
    }
    return typeof value === 'function' ? value.bind(target) : value
  },
})

export async function disconnectDb() {
  const existing = globalForDb.factdeskDb
  globalForDb.factdeskDb = undefined
  await existing?.$disconnect()
}

/** True when an error means the database could not be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const { code, name, message, kind } = current as { code?: unknown; name?: unknown; message?: unknown; kind?: unknown }
    if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'P1001', 'P1002', 'P1017', '57P01', '57P03', '08006', '08001', '08003'].includes(code)) {
      return true
    }
    if (kind === 'DatabaseNotReachable' || kind === 'ConnectionClosed' || name === 'PrismaClientInitializationError') return true
    if (typeof message === 'string' && /ECONNREFUSED|Connection terminated|connection timeout|Can't reach database|DatabaseNotReachable|terminating connection/i.test(message)) {
      return true
    }
    current = (current as { cause?: unknown }).cause ?? (current as { originalError?: unknown }).originalError
  }
  return false
}
