// `npm start`: the production build on http://localhost:3000 (PORT to change), on DATABASE_URL or the embedded PostgreSQL.
// NODE_ENV is set before anything loads React, which picks its build when first imported.
process.env.NODE_ENV = 'production'
const { bootCommand } = await import('./lib/boot.ts')
await bootCommand('production')
