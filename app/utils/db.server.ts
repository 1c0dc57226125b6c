// One Prisma client for the process, over the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg'
import { data } from 'react-router'
import { PrismaClient } from '~/generated/prisma/client'
import { isDatabaseUnavailable } from './database-unavailable'
import { getEnv } from './env.server'

export { isDatabaseUnavailable }

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5

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
    ? data(
        { message: 'Nothing was lost. Try again in a moment; the page works again as soon as the database is back.' },
        { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
      )
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
