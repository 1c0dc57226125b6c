// Builds a large, realistic desk for the bench with set-based SQL (INSERT … SELECT generate_series):
// users of every role, articles, claims in a believable mix of statuses, verdicts, tags, assignees
// and due dates, sources, claim sources and the audit trail. Seeded, so every run builds the same desk.
// The secondary indexes of the loaded tables are dropped first and built again once at the end, which
// is what makes a million claims take minutes rather than an hour.
import { performance } from 'node:perf_hooks'
import pg from 'pg'

export type DeskSize = { articles: number; claimsPerArticle: number; sources: number }

/** Claims per article on the bench desk: the workspace section opens one of these 500-claim articles. */
export const CLAIMS_PER_ARTICLE = 500

/** A desk of about `claims` claims: 500-claim articles, and one source for every 50 claims. */
export function deskOfClaims(claims: number): DeskSize {
  const total = Math.max(1, Math.floor(claims))
  return {
    articles: Math.ceil(total / CLAIMS_PER_ARTICLE),
    claimsPerArticle: Math.min(CLAIMS_PER_ARTICLE, total),
    sources: Math.max(100, Math.round(total / 50)),
  }
}

export const DEFAULT_DESK: DeskSize = deskOfClaims(100_000)

export type BuiltDesk = {
  editorId: string
  counts: Record<'users' | 'articles' | 'claims' | 'sources' | 'claimSources' | 'events', number>
  seconds: number
}

const TAGS = [
  'economy',
  'health',
  'crime',
  'climate',
  'education',
  'housing',
  'immigration',
  'energy',
  'transport',
  'defence',
  'elections',
  'taxes',
  'jobs',
  'prices',
  'science',
  'diplomacy',
  'prisoners',
  'history',
  'russia',
  'budget',
  'water',
  'farming',
  'trade',
  'courts',
]

// Prisma keeps DateTime as UTC wall-clock values in `timestamp(3)`.
const NOW = `(now() AT TIME ZONE 'UTC')`

// 1 admin, 3 editors, 12 fact-checkers (one of them deactivated), 8 reporters.
const USERS_SQL = `
INSERT INTO "User" ("id", "email", "name", "role", "active", "updatedAt")
SELECT 'bench-user-' || u,
       'bench-' || u || '@factdesk.example',
       (ARRAY['Ada','Ben','Chen','Dana','Eddie','Femi','Gita','Hugo','Ines','Jon','Kemi','Lars','Mia','Nils','Ola','Pia','Quin','Rita','Sam','Tara','Uma','Vik','Wen','Yara'])[u]
         || ' ' || (ARRAY['Nwosu','Marsh','Okafor','Petrova','Reyes','Silva','Kowalski','Haddad'])[1 + u % 8],
       (CASE WHEN u = 1 THEN 'ADMIN' WHEN u <= 4 THEN 'EDITOR' WHEN u <= 16 THEN 'FACT_CHECKER' ELSE 'REPORTER' END)::"Role",
       u <> 16,
       ${NOW}
  FROM generate_series(1, 24) AS u`

function articlesSql(size: DeskSize) {
  return `
INSERT INTO "Article" ("id", "title", "outlet", "author", "url", "publishedAt", "body", "createdById", "createdAt", "updatedAt")
SELECT 'bench-article-' || lpad(a::text, 4, '0'),
       (ARRAY['Council budget', 'Hospital waiting lists', 'Crime figures', 'Flood defences', 'School funding', 'Housing targets', 'Energy prices', 'Rail strikes'])[1 + a % 8]
         || ': what the minister said, number ' || a,
       (ARRAY['The Courier', 'Daily Ledger', 'Evening Post', 'Wire Service'])[1 + a % 4],
       'Staff reporter',
       'https://news.example/bench/' || a,
       ${NOW} - (a || ' days')::interval,
       repeat('The council said spending rose by 4% in 2023 and would rise again. ', 40),
       'bench-user-' || (17 + a % 8),
       ${NOW} - (a || ' days')::interval,
       ${NOW}
  FROM generate_series(1, ${size.articles}) AS a`
}

// Statuses: 45% approved, 10% waiting for review, 20% in research, 25% unreviewed; the newest
// twentieth of the articles has nothing approved yet (unrated). Verdicts lean per article, so
// scores spread out. Due dates fall from a week ago to three weeks ahead; about 1% is deleted.
function claimsSql(size: DeskSize) {
  const sentence = 68
  const unratedFrom = size.articles - Math.max(1, Math.floor(size.articles / 20))
  return `
INSERT INTO "Claim" ("id", "articleId", "quote", "startOffset", "endOffset", "text", "claimant", "tags", "checkworthiness",
                     "assigneeId", "dueAt", "status", "verdict", "rationale", "createdById", "proposedById", "proposedAt",
                     "approvedById", "approvedAt", "deletedAt", "createdAt", "updatedAt")
SELECT id, "articleId", substr(body, start + 1, ${sentence - 1}), start, start + ${sentence - 1},
       'Claim ' || n || ' of article ' || a || ': spending rose by ' || (n % 9 + 1) || '% in ' || (2015 + n % 10) || '.',
       (ARRAY['The minister', 'The council', 'The article', 'A spokesperson'])[1 + n % 4],
       tags, checkworthiness, "assigneeId", "dueAt", status, verdict,
       CASE WHEN verdict IS NULL THEN '' ELSE 'The figures in the published accounts bear this out only in part.' END,
       'bench-user-' || (17 + a % 8),
       CASE WHEN status IN ('NEEDS_REVIEW', 'APPROVED') THEN "assigneeId" END,
       CASE WHEN status IN ('NEEDS_REVIEW', 'APPROVED') THEN "createdAt" + interval '2 days' END,
       CASE WHEN status = 'APPROVED' THEN 'bench-user-' || (2 + n % 3) END,
       CASE WHEN status = 'APPROVED' THEN "createdAt" + interval '3 days' END,
       CASE WHEN r_deleted < 0.01 THEN "createdAt" + interval '1 day' END,
       "createdAt", "createdAt"
  FROM (
    SELECT *,
           ((n - 1) % 40) * ${sentence} AS start,
           CASE WHEN status = 'APPROVED' THEN "createdAt" + interval '7 days'
                WHEN r_due < 0.8 THEN ${NOW} + ((r_due * 35 - 7) * interval '1 day') END AS "dueAt",
           CASE WHEN status = 'UNREVIEWED' AND r_assign < 0.6 THEN NULL
                ELSE 'bench-user-' || (2 + floor(r_assign * 15)::int) END AS "assigneeId",
           CASE WHEN status IN ('APPROVED', 'NEEDS_REVIEW') OR (status = 'IN_RESEARCH' AND r_draft < 0.1) THEN
             (CASE WHEN v < 0.20 THEN 'TRUE' WHEN v < 0.40 THEN 'MOSTLY_TRUE' WHEN v < 0.55 THEN 'HALF_TRUE'
                   WHEN v < 0.67 THEN 'MISLEADING' WHEN v < 0.77 THEN 'MOSTLY_FALSE' WHEN v < 0.90 THEN 'FALSE'
                   WHEN v < 0.96 THEN 'UNPROVEN' ELSE 'NOT_A_CLAIM' END)::"Verdict"
           END AS verdict
      FROM (
        SELECT *,
               'bench-claim-' || lpad(a::text, 4, '0') || '-' || lpad(n::text, 4, '0') AS id,
               'bench-article-' || lpad(a::text, 4, '0') AS "articleId",
               (CASE WHEN a > ${unratedFrom} THEN (CASE WHEN r_status < 0.7 THEN 'UNREVIEWED' ELSE 'IN_RESEARCH' END)
                     WHEN r_status < 0.45 THEN 'APPROVED' WHEN r_status < 0.55 THEN 'NEEDS_REVIEW'
                     WHEN r_status < 0.75 THEN 'IN_RESEARCH' ELSE 'UNREVIEWED' END)::"ClaimStatus" AS status,
               -- Bending the verdict draw by article gives each article its own lean, true or false.
               power(r_verdict, 0.3 + (a % 10) * 0.3) AS v,
               ARRAY[tag_list[1 + t1]]
                 || CASE WHEN r_tags < 0.6 THEN ARRAY[tag_list[1 + (t1 + 1 + t2) % 24]] ELSE ARRAY[]::text[] END
                 || CASE WHEN r_tags < 0.2 THEN ARRAY[tag_list[1 + (t1 + 13) % 24]] ELSE ARRAY[]::text[] END AS tags,
               -- At least two days old, so the whole audit trail below lies in the past.
               ${NOW} - ((2 + r_created * 363) * interval '1 day') AS "createdAt",
               round(r_worth::numeric, 2)::float8 AS checkworthiness,
               repeat('The council said spending rose by 4% in 2023 and would rise again. ', 40) AS body
          FROM (
            SELECT a, n, random() AS r_status, random() AS r_verdict, random() AS r_tags, random() AS r_assign,
                   random() AS r_due, random() AS r_created, random() AS r_deleted, random() AS r_draft, random() AS r_worth,
                   floor(random() * 24)::int AS t1, floor(random() * 11)::int AS t2,
                   ARRAY['${TAGS.join("','")}'] AS tag_list
              FROM generate_series(1, ${size.articles}) AS a CROSS JOIN generate_series(1, ${size.claimsPerArticle}) AS n
          ) draws
      ) shaped
  ) final`
}

function sourcesSql(size: DeskSize) {
  return `
INSERT INTO "Source" ("id", "url", "title", "publisher", "kind", "reliability", "createdById", "createdAt", "updatedAt")
SELECT 'bench-source-' || s,
       'https://sources.example/bench/' || s,
       'Source document ' || s,
       (ARRAY['Office for National Statistics', 'Ministry of Finance', 'Reuters', 'University of Leeds', 'City Council'])[1 + s % 5],
       (ARRAY['PRIMARY_DOCUMENT', 'OFFICIAL_STATEMENT', 'NEWS_REPORT', 'EXPERT', 'DATASET', 'OTHER'])[1 + s % 6]::"SourceKind",
       (ARRAY['HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'])[1 + s % 4]::"Reliability",
       'bench-user-' || (5 + s % 11),
       ${NOW} - (s % 400 || ' days')::interval,
       ${NOW}
  FROM generate_series(1, ${size.sources}) AS s`
}

// One to three sources per claim that research has started on; 331·j apart, so never the same twice.
function claimSourcesSql(size: DeskSize) {
  return `
INSERT INTO "ClaimSource" ("claimId", "sourceId", "stance", "excerpt", "note", "addedById", "createdAt")
SELECT c."id",
       'bench-source-' || (1 + (abs(hashtext(c."id")) + j * 331) % ${size.sources}),
       (ARRAY['SUPPORTS', 'REFUTES', 'CONTEXT'])[1 + j % 3]::"Stance",
       '', '', c."assigneeId", c."createdAt" + interval '1 day'
  FROM "Claim" c CROSS JOIN generate_series(1, 3) AS j
 WHERE c."id" LIKE 'bench-claim-%' AND c."status" <> 'UNREVIEWED' AND c."assigneeId" IS NOT NULL
   AND j <= 1 + abs(hashtext(c."id")) % 3`
}

// The audit trail each claim's status implies: created, assigned, research started, a source
// attached, verdict proposed, approved; hours apart, the second within the hour varying by claim.
const EVENTS_SQL = `
INSERT INTO "ClaimEvent" ("id", "claimId", "actorId", "type", "fromStatus", "toStatus", "note", "createdAt")
SELECT c."id" || ':' || e.k, c."id", e.actor, e.type::"ClaimEventType", e.from_status::"ClaimStatus", e.to_status::"ClaimStatus", '',
       c."createdAt" + e.k * interval '6 hours' + (abs(hashtext(c."id")) % 3600) * interval '1 second'
  FROM "Claim" c
 CROSS JOIN LATERAL (VALUES
   (1, 'CREATED', NULL, 'UNREVIEWED', c."createdById", true),
   (2, 'ASSIGNED', NULL, NULL, 'bench-user-2', c."assigneeId" IS NOT NULL),
   (3, 'STATUS_CHANGED', 'UNREVIEWED', 'IN_RESEARCH', c."assigneeId", c."status" <> 'UNREVIEWED' AND c."assigneeId" IS NOT NULL),
   (4, 'SOURCE_ATTACHED', NULL, NULL, c."assigneeId", c."status" <> 'UNREVIEWED' AND c."assigneeId" IS NOT NULL),
   (5, 'VERDICT_PROPOSED', 'IN_RESEARCH', 'NEEDS_REVIEW', c."proposedById", c."status" IN ('NEEDS_REVIEW', 'APPROVED') AND c."proposedById" IS NOT NULL),
   (6, 'APPROVED', 'NEEDS_REVIEW', 'APPROVED', c."approvedById", c."status" = 'APPROVED')
 ) AS e(k, type, from_status, to_status, actor, applies)
 WHERE c."id" LIKE 'bench-claim-%' AND e.applies`

// The tables the desk fills; their secondary indexes (whoever declared them) are rebuilt after loading.
const LOADED_TABLES = ['Article', 'Claim', 'Source', 'ClaimSource', 'ClaimEvent']

/** The hook the counters keep: rebuilds every summary row from the claims, when the database has one. */
const RECOUNT_FUNCTION = 'factdesk_recount'

/**
 * Builds the desk into an empty, migrated database, in one transaction. When the database has a
 * recount function, row triggers are switched off for the load (where the role may do so) and the
 * counters are rebuilt once from the loaded rows; otherwise every trigger runs as for any write.
 */
export async function buildDesk(
  databaseUrl: string,
  size: DeskSize = DEFAULT_DESK,
  log: (line: string) => void = console.log,
): Promise<BuiltDesk> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const started = performance.now()
  const counts = {} as BuiltDesk['counts']
  const timed = async (label: string, work: () => Promise<string>) => {
    const t = performance.now()
    const what = await work()
    log(`  ${label.padEnd(12)} ${what.padStart(8)}  ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  try {
    const step = (name: keyof BuiltDesk['counts'], sql: string) =>
      timed(name, async () => {
        counts[name] = (await client.query(sql)).rowCount ?? 0
        return `${counts[name]} rows`
      })
    await client.query('BEGIN')
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`)
    await client.query('SET LOCAL synchronous_commit = off')
    const recount = await hasFunction(client, RECOUNT_FUNCTION)
    const triggersOff = recount && (await switchOffTriggers(client))
    // Same desk every run: random() follows the seed for the rest of this session.
    await client.query('SELECT setseed(0.2026)')
    const indexes = await dropSecondaryIndexes(client)
    await step('users', USERS_SQL)
    await step('articles', articlesSql(size))
    await step('claims', claimsSql(size))
    await step('sources', sourcesSql(size))
    await step('claimSources', claimSourcesSql(size))
    await step('events', EVENTS_SQL)
    await timed('indexes', async () => {
      for (const definition of indexes) await client.query(definition)
      return `${indexes.length} built`
    })
    if (triggersOff) await client.query('SET LOCAL session_replication_role = origin')
    if (recount) {
      await timed('recount', async () => {
        await client.query(`SELECT ${RECOUNT_FUNCTION}()`)
        return triggersOff ? 'rebuilt' : 'checked'
      })
    }
    await client.query('COMMIT')
    await timed('analyze', async () => {
      await client.query('VACUUM ANALYZE')
      return 'done'
    })
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
  return { editorId: 'bench-user-2', counts, seconds: (performance.now() - started) / 1000 }
}

async function hasFunction(client: pg.Client, name: string) {
  const { rows } = await client.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE p.proname = $1 AND n.nspname = current_schema()) AS found`,
    [name],
  )
  return rows[0]!.found
}

/** Replica mode skips row triggers (and foreign-key checks) for this transaction; it needs a superuser. */
async function switchOffTriggers(client: pg.Client) {
  await client.query('SAVEPOINT replica')
  try {
    await client.query('SET LOCAL session_replication_role = replica')
    await client.query('RELEASE SAVEPOINT replica')
    return true
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT replica')
    return false
  }
}

/** Drops the loaded tables' indexes other than their keys and unique ones; returns how to build them again. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1) AND NOT i.indisprimary AND NOT i.indisunique
      ORDER BY name`,
    [LOADED_TABLES],
  )
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`)
  return rows.map((row) => row.definition)
}
