// Prisma's schema engine, loaded from its WebAssembly build: the native binary cannot be downloaded here.
// Used to write new migrations (`npm run db:diff`) and to prove the migrated database matches schema.prisma.
import { PrismaPg } from '@prisma/adapter-pg'
import { bindSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const schemaPath = path.join(root, 'prisma/schema.prisma')
export const migrationsDir = path.join(root, 'prisma/migrations')

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>
  free(): void
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

async function loadEngine(connectionString: string): Promise<Engine> {
  const pkgDir = path.join(root, 'node_modules/@prisma/schema-engine-wasm')
  const bindings = await import(path.join(pkgDir, 'schema_engine_bg.js'))
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bindings,
  })
  bindings.__wbg_set_wasm(instance.exports)
  ;(instance.exports as { __wbindgen_start(): void }).__wbindgen_start()
  const content = fs.readFileSync(schemaPath, 'utf8')
  const adapter = bindSqlAdapterFactory(catalogAwareFactory(connectionString) as unknown as PrismaPg)
  return bindings.SchemaEngine.new({ datamodels: [['schema.prisma', content]] }, () => {}, adapter)
}

const noFilters = { externalTables: [], externalEnums: [] }

function schemaTarget() {
  return { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }] }
}

/** SQL that would bring the database at `databaseUrl` to schema.prisma ('' when they already match). */
export async function diffDatabaseToSchema(databaseUrl: string): Promise<string> {
  const engine = await loadEngine(databaseUrl)
  try {
    const result = await engine.diff({
      // The engine reads the live database through the driver adapter it was started with.
      from: { tag: 'schemaDatasource', files: schemaTarget().files, configDir: root },
      to: schemaTarget(),
      script: true,
      exitCode: null,
      filters: noFilters,
    })
    return cleanScript(result.stdout ?? '')
  } finally {
    engine.free()
  }
}

/** SQL from an empty database to schema.prisma; `connectionString` is only used to start the engine. */
export async function diffEmptyToSchema(connectionString: string): Promise<string> {
  const engine = await loadEngine(connectionString)
  try {
    const result = await engine.diff({ from: { tag: 'empty' }, to: schemaTarget(), script: true, exitCode: null, filters: noFilters })
    return cleanScript(result.stdout ?? '')
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
