// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations`
// exactly as Prisma does, so `prisma migrate deploy` can take over wherever its engine is available.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Logger, runMigrations } from 'graphile-worker'
import pg from 'pg'
import { migrationsDir as defaultMigrationsDir } from './schema-engine.ts'

// The key Prisma Migrate itself locks on, so our runs and Prisma's exclude each other too.
const ADVISORY_LOCK_KEY = 72707369

export class MigrationError extends Error {}

export type MigrationFile = { name: string; sql: string; checksum: string }

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, 'migration.sql'))
      return { name, sql: bytes.toString('utf8'), checksum: crypto.createHash('sha256').update(bytes).digest('hex') }
    })
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }

/** Applies pending migrations; returns the names it applied. Throws MigrationError when history and files disagree. */
export async function migrate(databaseUrl: string, options: { dir?: string; log?: (line: string) => void } = {}) {
  const files = readMigrations(options.dir)
  const log = options.log ?? (() => {})
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const applied: string[] = []
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY])
    try {
      await client.query(CREATE_TABLE)
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
      )
      const done = new Map<string, AppliedRow>()
      for (const row of rows) {
        if (row.rolled_back_at) continue
        if (!row.finished_at) {
          throw new MigrationError(
            `Migration ${row.migration_name} started but did not finish. Fix the database by hand, then mark it rolled back in _prisma_migrations.`,
          )
        }
        done.set(row.migration_name, row)
      }
      const known = new Set(files.map((file) => file.name))
      for (const name of done.keys()) {
        if (!known.has(name)) {
          throw new MigrationError(
            `Migration ${name} is recorded as applied but prisma/migrations/${name}/migration.sql does not exist. Restore that folder.`,
          )
        }
      }
      for (const file of files) {
        const row = done.get(file.name)
        if (row && row.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was edited after it was applied (its checksum no longer matches). ` +
              `Restore prisma/migrations/${file.name}/migration.sql and put the change in a new migration.`,
          )
        }
      }
      for (const file of files) {
        if (done.has(file.name)) continue
        log(`Applying migration ${file.name}`)
        try {
          await client.query('BEGIN')
          await client.query(file.sql)
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, now(), 1)`,
            [crypto.randomUUID(), file.checksum, file.name],
          )
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {})
          throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`)
        }
        applied.push(file.name)
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => {})
    }
  } finally {
    await client.end()
  }
  // The job queue's own schema (graphile_worker), which graphile-worker versions and upgrades itself.
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger })
  return applied
}

const quietLogger = new Logger(() => () => {})
