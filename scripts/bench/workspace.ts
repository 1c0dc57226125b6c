// The workspace section of the bench: an article with 500 claims opened as a signed-in editor, through
// the production build's request handler, as the browser asks for it: the whole document with a claim
// open, and the panel's own data request when another claim is opened. Each is timed by turns with a
// baseline from the same run (the /account page's document, the shell every page shares) and its size
// is given beside the baseline's. Needs `npm run build` first.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { createRequestHandler, type ServerBuild } from 'react-router'
import { summarise, timePaired, type BenchContext, type BenchRow, type RunOptions } from './timing.ts'

/** The targets for the workspace of a 500-claim article. */
export const WORKSPACE_TARGETS = { p95Ms: 150, htmlKb: 400 }

export type WorkspaceBenchRow = BenchRow & { bytes?: number }

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

export async function benchWorkspace(ctx: BenchContext, options: RunOptions = {}): Promise<WorkspaceBenchRow[]> {
  const buildFile = path.resolve('build/server/index.js')
  if (!fs.existsSync(buildFile)) throw new Error('No production build: run `npm run build` first.')
  const build = (await import(buildFile)) as ServerBuild
  const handle = createRequestHandler(build, 'production')

  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  let articleId: string
  let claimIds: string[]
  try {
    // The article with the most claims, and two of them to open.
    const { rows } = await client.query<{ articleId: string; ids: string[] }>(
      `SELECT "articleId", (array_agg(id ORDER BY "startOffset"))[1:2] AS ids
         FROM "Claim" WHERE "deletedAt" IS NULL
        GROUP BY "articleId" ORDER BY count(*) DESC, "articleId" LIMIT 1`,
    )
    articleId = rows[0]!.articleId
    claimIds = rows[0]!.ids
  } finally {
    await client.end()
  }

  /** Asks for `url` as the signed-in editor and reads the whole answer; resolves to its size in bytes. */
  const fetchText = (url: string) => async () => {
    const response = await handle(
      new Request(`http://localhost:3000${url}`, { headers: { Cookie: ctx.editorCookie, Accept: 'text/html' } }),
    )
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    return Buffer.byteLength(await response.text())
  }

  const baseline = fetchText('/account')
  const workspaceUrl = `/articles/${articleId}/claims/${claimIds[0]}`
  const document = fetchText(workspaceUrl)
  const panelRoute = encodeURIComponent('routes/articles/$articleId/claims.$claimId')
  const panel = fetchText(`/articles/${articleId}/claims/${claimIds[1] ?? claimIds[0]}.data?_routes=${panelRoute}`)

  const [baseBytes, documentBytes, panelBytes] = [await baseline(), await document(), await panel()]
  const [documentTimes, baseTimes] = await timePaired(document, baseline, options)
  const [panelTimes] = await timePaired(panel, baseline, options)
  const base = summarise(baseTimes)
  const row = (name: string, times: number[], bytes: number, what: string): WorkspaceBenchRow => {
    const own = summarise(times)
    return {
      name,
      ...own,
      bytes,
      note: `${kb(bytes)} (${(bytes / baseBytes).toFixed(1)}× the baseline's ${kb(baseBytes)}); p95 ${(own.p95 / base.p95).toFixed(1)}× the baseline's; ${what}`,
    }
  }
  return [
    row('workspace document (500 claims, one open)', documentTimes, documentBytes, 'HTML of the whole page'),
    row('workspace panel data (another claim)', panelTimes, panelBytes, 'the panel route’s .data only'),
    { name: 'baseline: /account document', ...base, bytes: baseBytes, note: `${kb(baseBytes)}, the shared shell` },
  ]
}
