import { db } from './db.server'

export async function checkDatabase(timeoutMs = 3_000): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the database did not answer in time')), timeoutMs)
      }),
    ])
    return { ok: true, latencyMs: Math.round(performance.now() - started) }
  } catch {
    return { ok: false, error: 'The database is not answering.' }
  } finally {
    clearTimeout(timer)
  }
}
