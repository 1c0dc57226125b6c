// `npm run serve`: serves an existing production build (`npm run build`) without migrating or seeding,
// as a deployment would after running `npm run db:migrate` once.
process.env.NODE_ENV = 'production'
const { bootCommand } = await import('./lib/boot.ts')
await bootCommand('production', { prepareDatabase: false })
