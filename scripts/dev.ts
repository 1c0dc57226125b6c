// `npm run dev`: the app with hot reload, on DATABASE_URL or the embedded PostgreSQL.
process.env.NODE_ENV = 'development'
const { ConfigError } = await import('../app/utils/env.server.ts')
const { boot } = await import('./lib/boot.ts')
try {
  await boot('development')
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
