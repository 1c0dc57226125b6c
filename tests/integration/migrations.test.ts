import { describe, expect, it } from '@jest/globals'
import internals from '@prisma/internals'
import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { MigrationError, migrate, readMigrations } from '../../scripts/lib/migrate.ts'
import { diffDatabaseToSchema, migrationsDir, schemaPath } from '../../scripts/lib/schema-engine.ts'

const run = promisify(execFile)

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows
  } finally {
    await client.end()
  }
}

async function emptyDatabase() {
  const admin = process.env.FACTDESK_TEST_ADMIN_URL!
  const name = `factdesk_mig_${crypto.randomBytes(5).toString('hex')}`
  await query(admin, `CREATE DATABASE "${name}"`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

function copyOfMigrations() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-migrations-'))
  fs.cpSync(migrationsDir, dir, { recursive: true })
  return dir
}

describe('migrations', () => {
  it('produce a database that matches schema.prisma exactly (Prisma finds nothing to change)', async () => {
    const url = await emptyDatabase()
    await migrate(url)
    expect(await diffDatabaseToSchema(url)).toBe('')
  })

  it('are checked by a schema engine that still sees drift: a schema with an extra column gives the SQL to add it', async () => {
    const url = await emptyDatabase()
    await migrate(url)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-drift-'))
    const drifted = path.join(dir, 'schema.prisma')
    const schema = fs.readFileSync(schemaPath, 'utf8')
    fs.writeFileSync(drifted, schema.replace(/^model Article \{\n/m, 'model Article {\n  driftCanary String?\n'))
    expect(fs.readFileSync(drifted, 'utf8')).not.toBe(schema)
    expect(await diffDatabaseToSchema(url, drifted)).toMatch(/ALTER TABLE "Article" ADD COLUMN\s+"driftCanary" TEXT/)
  })

  it('create every model, column, nullability, enum and unique index that schema.prisma declares', async () => {
    const url = await emptyDatabase()
    await migrate(url)
    const dmmf = await internals.getDMMF({ datamodel: fs.readFileSync(schemaPath, 'utf8') })
    const columns = await query<{
      table_name: string
      column_name: string
      is_nullable: string
      udt_name: string
      data_type: string
    }>(
      url,
      `SELECT table_name, column_name, is_nullable, udt_name, data_type FROM information_schema.columns WHERE table_schema = 'public'`,
    )
    const scalarTypes: Record<string, string[]> = {
      String: ['text'],
      Int: ['int4'],
      BigInt: ['int8'],
      Float: ['float8'],
      Boolean: ['bool'],
      DateTime: ['timestamp', 'date'],
      Json: ['jsonb'],
    }
    for (const model of dmmf.datamodel.models) {
      const tableColumns = columns.filter((column) => column.table_name === model.name)
      expect(tableColumns.length).toBeGreaterThan(0)
      for (const field of model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum')) {
        const column = tableColumns.find((c) => c.column_name === field.name)
        expect({ model: model.name, field: field.name, found: Boolean(column) }).toEqual({
          model: model.name,
          field: field.name,
          found: true,
        })
        const udt = column!.udt_name.replace(/^_/, '')
        const expected = field.kind === 'enum' ? [field.type] : scalarTypes[field.type]!
        expect({ field: `${model.name}.${field.name}`, type: udt, list: column!.data_type === 'ARRAY' }).toEqual({
          field: `${model.name}.${field.name}`,
          type: expected.includes(udt) ? udt : expected[0],
          list: field.isList,
        })
        expect({ field: `${model.name}.${field.name}`, nullable: column!.is_nullable === 'YES' }).toEqual({
          field: `${model.name}.${field.name}`,
          // Prisma leaves scalar-list columns nullable.
          nullable: !field.isRequired || field.isList,
        })
      }
    }
    const enums = await query<{ typname: string; labels: string[] }>(
      url,
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    )
    expect(Object.fromEntries(enums.map((e) => [e.typname, e.labels]))).toEqual(
      Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)])),
    )
    const uniques = await query<{ indexname: string }>(
      url,
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'`,
    )
    expect(uniques.map((u) => u.indexname)).toEqual(expect.arrayContaining(['User_email_key', 'Source_url_key']))
  })

  it('record each migration in _prisma_migrations with the checksum Prisma uses, and apply nothing twice', async () => {
    const url = await emptyDatabase()
    const files = readMigrations()
    expect(await migrate(url)).toEqual(files.map((f) => f.name))
    expect(await migrate(url)).toEqual([])
    const rows = await query<{
      migration_name: string
      checksum: string
      applied_steps_count: number
      finished_at: Date | null
    }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(rows).toEqual(
      files.map((file) => ({
        migration_name: file.name,
        checksum: crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(migrationsDir, file.name, 'migration.sql')))
          .digest('hex'),
        applied_steps_count: 1,
        finished_at: expect.any(Date),
      })),
    )
  })

  it('apply each migration once when two processes start at the same time', async () => {
    const url = await emptyDatabase()
    const [first, second] = await Promise.all([migrate(url), migrate(url)])
    expect([...first, ...second].sort()).toEqual(readMigrations().map((f) => f.name))
    const rows = await query(url, 'SELECT 1 FROM "_prisma_migrations"')
    expect(rows).toHaveLength(readMigrations().length)
  })

  it('roll back a failing migration completely and leave no record of it', async () => {
    const url = await emptyDatabase()
    const dir = copyOfMigrations()
    fs.mkdirSync(path.join(dir, '29991231000000_broken'))
    fs.writeFileSync(
      path.join(dir, '29991231000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n',
    )
    await expect(migrate(url, { dir })).rejects.toThrow(/29991231000000_broken failed and was rolled back/)
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0)
    expect(
      await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`),
    ).toHaveLength(0)
  })

  it('make `npm run db:migrate` refuse, with a clear message, when an applied migration file was edited', async () => {
    const url = await emptyDatabase()
    const dir = copyOfMigrations()
    await migrate(url, { dir })
    const [first] = readMigrations(dir)
    fs.appendFileSync(path.join(dir, first!.name, 'migration.sql'), '\n-- an afterthought\n')
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError)
    const outcome = await run('npx', ['tsx', 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url, FACTDESK_MIGRATIONS_DIR: dir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    )
    expect(outcome.code).toBe(1)
    expect(outcome.stderr).toContain(`Migration refused: Migration ${first!.name} was edited after it was applied`)
  })

  it('keep the claim history append-only: updating or deleting an event is refused by the database', async () => {
    const url = process.env.DATABASE_URL!
    await query(url, `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'a@example.org', 'A', now())`)
    await query(
      url,
      `INSERT INTO "Article" (id, title, body, "createdById", "updatedAt") VALUES ('a1', 'T', 'Body text.', 'u1', now())`,
    )
    await query(
      url,
      `INSERT INTO "Claim" (id, "articleId", quote, "startOffset", "endOffset", text, "createdById", "updatedAt") VALUES ('c1', 'a1', 'Body', 0, 4, 'Body', 'u1', now())`,
    )
    await query(url, `INSERT INTO "ClaimEvent" (id, "claimId", "actorId", type) VALUES ('e1', 'c1', 'u1', 'CREATED')`)
    await expect(query(url, `UPDATE "ClaimEvent" SET note = 'rewritten' WHERE id = 'e1'`)).rejects.toThrow(
      /append-only/,
    )
    await expect(query(url, `DELETE FROM "ClaimEvent" WHERE id = 'e1'`)).rejects.toThrow(/append-only/)
    expect(await query(url, `SELECT note FROM "ClaimEvent" WHERE id = 'e1'`)).toEqual([{ note: '' }])
  })
})
