// `npm run dev`: the app with hot reload, on DATABASE_URL or the embedded PostgreSQL.
process.env.NODE_ENV = 'development'
const { bootCommand } = await import('./lib/boot.ts')
await bootCommand('development')
