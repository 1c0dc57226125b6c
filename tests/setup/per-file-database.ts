// Gives each test file its own database, cloned from the migrated template, and points the app at it.
import { afterAll, beforeAll } from '@jest/globals'
import pg from 'pg'
import { disconnectDb } from '~/utils/db.server'
import { resetEnvForTests } from '~/utils/env.server'

const adminUrl = process.env.FACTDESK_TEST_ADMIN_URL
const template = process.env.FACTDESK_TEST_TEMPLATE
const database = `factdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`

async function admin<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  if (!adminUrl || !template) throw new Error('The test database server was not started (tests/setup/global-setup.ts).')
  await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`))
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  process.env.DATABASE_URL = url.toString()
  process.env.NODE_ENV = 'test'
  resetEnvForTests()
})

afterAll(async () => {
  await disconnectDb()
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
})
