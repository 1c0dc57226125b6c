// Only `prisma dev` imports this package, and Factdesk does not use `prisma dev` (it has its own embedded PostgreSQL).
export async function startLocalDurableStreamsServer() {
  throw new Error('`prisma dev` is not available in Factdesk: @prisma/streams-local needs Node 22. Use `npm run dev`.')
}
