import { checkDatabase } from '~/utils/health.server'

// Load balancers and people ask this: 200 when the database answers, 503 when it does not.
export async function loader() {
  const database = await checkDatabase()
  return Response.json(
    { status: database.ok ? 'ok' : 'unavailable', database },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
