// `npm run serve`: serves an existing production build (`npm run build`) without migrating or seeding,
// as a deployment would after running `npm run db:migrate` once.
process.env.NODE_ENV = 'production'
const { ConfigError } = await import('../app/utils/env.server.ts')
const { boot } = await import('./lib/boot.ts')
try {
  await boot('production', { prepareDatabase: false })
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
