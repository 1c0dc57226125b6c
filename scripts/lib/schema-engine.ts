// Prisma's schema engine, loaded from its WebAssembly build: the native binary cannot be downloaded here.
// Used to write new migrations (`npm run db:diff`) and to prove the migrated database matches schema.prisma.
import { PrismaPg } from '@prisma/adapter-pg'
import { bindSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const schemaPath = path.join(root, 'prisma/schema.prisma')
export const migrationsDir = path.join(root, 'prisma/migrations')

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>
  free(): void
}

/** The engine could not be loaded or refused a diff: the wiring below no longer fits the installed Prisma. */
export class SchemaEngineError extends Error {
  override name = 'SchemaEngineError'
}

function engineVersion(): string {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules/@prisma/schema-engine-wasm/package.json'), 'utf8'),
    )
    return String(manifest.version)
  } catch {
    return 'not installed'
  }
}

function engineFailure(what: string, cause: unknown): SchemaEngineError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new SchemaEngineError(
    `Prisma's schema engine (@prisma/schema-engine-wasm ${engineVersion()}) ${what}: ${reason}`,
    { cause },
  )
}

// Postgres catalogs use the one-byte "char" type (OID 18), which the pg adapter refuses; the engine reads
// such columns as "Character". Report them as text to the adapter, then tell the engine what they really are.
const CHAR_OID = 18
const TEXT_OID = 25
const CHARACTER_COLUMN = 6 // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumns = Symbol('charColumns')

type RawResult = { columnTypes: number[]; rows: unknown[][] & { [charColumns]?: number[] } }
type PgAdapter = {
  performIO(query: unknown): Promise<{ fields: pg.FieldDef[]; rows: unknown[][] & { [charColumns]?: number[] } }>
  queryRaw(query: unknown): Promise<RawResult>
}

function readCatalogCharColumns(adapter: PgAdapter) {
  const performIO = adapter.performIO.bind(adapter)
  adapter.performIO = async (query) => {
    const result = await performIO(query)
    const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []))
    for (const index of indexes) result.fields[index]!.dataTypeID = TEXT_OID
    if (indexes.length) result.rows[charColumns] = indexes
    return result
  }
  const queryRaw = adapter.queryRaw.bind(adapter)
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query)
    for (const index of result.rows[charColumns] ?? []) result.columnTypes[index] = CHARACTER_COLUMN
    return result
  }
  return adapter
}

function catalogAwareFactory(connectionString: string) {
  const base = new PrismaPg({ connectionString, max: 2 })
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => readCatalogCharColumns((await base.connect()) as unknown as PgAdapter),
    connectToShadowDb: async () => readCatalogCharColumns((await base.connectToShadowDb()) as unknown as PgAdapter),
  }
}

type Bindings = { __wbg_set_wasm(exports: unknown): void; SchemaEngine: { 'new'(...args: unknown[]): Promise<Engine> } }

// The bindings module holds the instance's memory: instantiate once per process, and start every
// engine from it (a second instantiation under the same module corrupts the first one's strings).
let wasm: Promise<Bindings> | undefined

function loadBindings(): Promise<Bindings> {
  wasm ??= (async () => {
    const pkgDir = path.join(root, 'node_modules/@prisma/schema-engine-wasm')
    const bindings = await import(path.join(pkgDir, 'schema_engine_bg.js'))
    if (typeof bindings.__wbg_set_wasm !== 'function' || typeof bindings.SchemaEngine?.new !== 'function') {
      throw new Error('its JavaScript bindings no longer export __wbg_set_wasm and SchemaEngine.new')
    }
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')), {
      './schema_engine_bg.js': bindings,
    })
    bindings.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start(): void }).__wbindgen_start()
    return bindings as Bindings
  })()
  wasm.catch(() => {
    wasm = undefined
  })
  return wasm
}

async function loadEngine(connectionString: string, schema: string): Promise<Engine> {
  try {
    const bindings = await loadBindings()
    const content = fs.readFileSync(schema, 'utf8')
    const adapter = bindSqlAdapterFactory(catalogAwareFactory(connectionString) as unknown as PrismaPg)
    return await bindings.SchemaEngine.new({ datamodels: [['schema.prisma', content]] }, () => {}, adapter)
  } catch (error) {
    throw engineFailure('could not be started', error)
  }
}

/** Runs one diff and insists on a clean exit, so a changed engine API fails loudly instead of diffing nothing. */
async function runDiff(engine: Engine, params: Record<string, unknown>): Promise<string> {
  let result: Awaited<ReturnType<Engine['diff']>>
  try {
    result = await engine.diff({ script: true, exitCode: null, filters: noFilters, ...params })
  } catch (error) {
    throw engineFailure('refused the diff', error)
  }
  if (!result || result.exitCode !== 0 || typeof result.stdout !== 'string') {
    throw engineFailure(
      'refused the diff',
      new Error(`exit code ${result?.exitCode}, output ${JSON.stringify(result?.stdout ?? null)}`),
    )
  }
  return cleanScript(result.stdout)
}

const noFilters = { externalTables: [], externalEnums: [] }

function schemaTarget(schema: string) {
  return { tag: 'schemaDatamodel', files: [{ path: schema, content: fs.readFileSync(schema, 'utf8') }] }
}

/** SQL that would bring the database at `databaseUrl` to the schema ('' when they already match). */
export async function diffDatabaseToSchema(databaseUrl: string, schema = schemaPath): Promise<string> {
  const engine = await loadEngine(databaseUrl, schema)
  try {
    // The engine reads the live database through the driver adapter it was started with.
    return await runDiff(engine, {
      from: { tag: 'schemaDatasource', files: schemaTarget(schema).files, configDir: root },
      to: schemaTarget(schema),
    })
  } finally {
    engine.free()
  }
}

/** SQL from an empty database to the schema; `connectionString` is only used to start the engine. */
export async function diffEmptyToSchema(connectionString: string, schema = schemaPath): Promise<string> {
  const engine = await loadEngine(connectionString, schema)
  try {
    return await runDiff(engine, { from: { tag: 'empty' }, to: schemaTarget(schema) })
  } finally {
    engine.free()
  }
}

// The engine reports an empty diff as a comment; treat that as "no changes".
function cleanScript(script: string) {
  const meaningful = script
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('--'))
    .join('\n')
  return meaningful.trim() ? script.trim() : ''
}
