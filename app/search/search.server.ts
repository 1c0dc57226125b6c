// One search over the desk's claims, sources and articles: PostgreSQL full text (websearch syntax) on the
// generated `searchVector` columns, plus trigram word similarity on claims' text and claimant and on
// sources' and articles' titles, so partial words and typos are found ("prisonrs" finds "prisoners").
// Each kind reads at most CANDIDATE_LIMIT full-text matches from its GIN indexes, and near spellings only
// while there are fewer, so a word found in every claim costs what a rare one costs; the page says when a
// bound was reached. Ranked, with facet counts over the same matches, and keyset pages on (rank, kind, id).
import { Prisma } from '~/generated/prisma/client'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { parseQuery } from '~/utils/form.server'
import { decodeDecimalCursor, encodeCursor } from '~/utils/keyset-cursor'
import { highlightSegments, START, STOP, type Segment } from './highlight'
import {
  APPROVED_DAYS,
  CANDIDATE_LIMIT,
  NEAR_CANDIDATE_LIMIT,
  FACET_NAMES,
  FACET_VALUES,
  fuzzyText,
  kindsSearched,
  parseSearch,
  SEARCH_MAX_LENGTH,
  SEARCH_PAGE_SIZE,
  searchQuerySchema,
  toSearchQuery,
  type ApprovedRange,
  type FacetName,
  type ResultKind,
  type SearchFilters,
  type SearchQuery,
} from './query'

/** A full-text match outranks a near spelling: similarity (0–1) counts for this much of a rank. */
const SIMILARITY_WEIGHT = 0.3

/** Claims and titles are shown whole; an article's body and a source's line as their best fragments. */
const WHOLE = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`
const FRAGMENTS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`
/**
 * How alike a typed word and a stretch of text must be (pg_trgm word similarity, 0–1) to count as a near
 * spelling. PostgreSQL's default, 0.6, misses one dropped letter in a long word ("civilans"); 0.5 does not.
 */
export const NEAR_SPELLING_THRESHOLD = 0.5

type Count<Value> = { value: Value; count: number }

export type SearchFacets = {
  type: Array<Count<ResultKind>>
  status: Array<Count<ClaimStatus>>
  verdict: Array<Count<Verdict>>
  article: Array<Count<string> & { label: string }>
  claimant: Array<Count<string>>
  tag: Array<Count<string>>
  approved: Array<Count<ApprovedRange>>
}

export type SearchResult =
  | {
      kind: 'claim'
      id: string
      href: string
      snippet: Segment[]
      status: ClaimStatus
      verdict: Verdict | null
      claimant: string
      tags: string[]
      article: { id: string; title: string }
      approvedAt: Date | null
    }
  | { kind: 'source'; id: string; href: string; title: Segment[]; snippet: Segment[]; publisher: string; url: string }
  | { kind: 'article'; id: string; href: string; title: Segment[]; snippet: Segment[]; outlet: string }

export type SearchResults = {
  results: SearchResult[]
  facets: SearchFacets
  /** The kinds whose matches reached CANDIDATE_LIMIT or NEAR_CANDIDATE_LIMIT: there are more than were counted. */
  capped: ResultKind[]
  nextCursor: string | null
  words: string[]
}

type Hit = { kind: ResultKind; id: string; rank: string; key: string }

function claimConditions(filters: SearchFilters, now: Date): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`t."deletedAt" IS NULL`]
  if (filters.status) conditions.push(Prisma.sql`t."status" = ${filters.status}::"ClaimStatus"`)
  if (filters.verdict) conditions.push(Prisma.sql`t."verdict" = ${filters.verdict}::"Verdict"`)
  if (filters.article) conditions.push(Prisma.sql`t."articleId" = ${filters.article}`)
  if (filters.claimant) conditions.push(Prisma.sql`t."claimant" = ${filters.claimant}`)
  if (filters.tag) conditions.push(Prisma.sql`t."tags" @> ARRAY[${filters.tag}]::text[]`)
  if (filters.approved) {
    const cutoff = daysBefore(now, filters.approved === 'older' ? 365 : APPROVED_DAYS[filters.approved])
    conditions.push(Prisma.sql`t."status" = 'APPROVED'`)
    conditions.push(
      filters.approved === 'older' ? Prisma.sql`t."approvedAt" < ${cutoff}` : Prisma.sql`t."approvedAt" >= ${cutoff}`,
    )
  }
  return conditions
}

/** `days` before `now`, as the UTC wall-clock timestamp Prisma stores DateTime in. */
function daysBefore(now: Date, days: number): Prisma.Sql {
  const at = new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
  return Prisma.sql`${at.toISOString().slice(0, -1)}::timestamp`
}

/** The words as a tsquery, written inline so the planner sees a constant it can look up in the GIN index. */
function tsquery(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`
}

type Candidates = {
  /** The CTE's name; `${name}_words` and `${name}_near` are its two halves. */
  name: string
  /** What each match carries besides its rank, with the table aliased `t`. */
  columns: Prisma.Sql
  table: 'Claim' | 'Source' | 'Article'
  /** The trigram-indexed columns a near spelling is looked for in, and ranked by. */
  near: [Prisma.Sql, ...Prisma.Sql[]]
  conditions?: Prisma.Sql[]
}

/**
 * The matches of one kind as three CTEs: `_words`, at most CANDIDATE_LIMIT full-text matches; `_near`,
 * at most NEAR_CANDIDATE_LIMIT near spellings (plain words only) that are not full-text matches, looked
 * for only while the full-text matches are fewer than CANDIDATE_LIMIT; and the kind's name, both together.
 * A word in a quarter of the desk ("minister") then costs one GIN lookup, not a trigram comparison per row.
 */
function candidates(q: string, fuzzy: string | null, kind: Candidates): Prisma.Sql {
  const vector = Prisma.raw('t."searchVector"')
  const name = Prisma.raw(kind.name)
  const words = Prisma.raw(`${kind.name}_words`)
  const near = Prisma.raw(`${kind.name}_near`)
  const where = kind.conditions?.length ? Prisma.sql`AND ${Prisma.join(kind.conditions, ' AND ')}` : Prisma.empty
  // A full-text match counts as a whole-word one (similarity 1) beside a near spelling, which is ranked by
  // its closest column: comparing every full-text match's wording too would cost more than finding them.
  const bonus = fuzzy ? SIMILARITY_WEIGHT : 0
  const rank = Prisma.sql`round((ts_rank(${vector}, ${tsquery(q)}, 32) + ${bonus})::numeric, 6)`
  const nearRank = fuzzy
    ? Prisma.sql`round((${SIMILARITY_WEIGHT} * greatest(${Prisma.join(
        kind.near.map((column) => Prisma.sql`word_similarity(${fuzzy}, ${column})`),
        ', ',
      )}))::numeric, 6)`
    : Prisma.sql`0::numeric`
  const nearMatch = fuzzy
    ? Prisma.sql`(${Prisma.join(
        kind.near.map((column) => Prisma.sql`${fuzzy} <% ${column}`),
        ' OR ',
      )}) AND (${vector} @@ ${tsquery(q)}) IS NOT TRUE AND (SELECT count(*) FROM ${words}) < ${CANDIDATE_LIMIT}`
    : Prisma.sql`false`
  const from = Prisma.raw(`"${kind.table}" t`)
  return Prisma.sql`
    ${words} AS MATERIALIZED (
      SELECT ${kind.columns}, ${rank} AS rank FROM ${from}
       WHERE ${vector} @@ ${tsquery(q)} ${where}
       LIMIT ${CANDIDATE_LIMIT}),
    ${near} AS MATERIALIZED (
      SELECT ${kind.columns}, ${nearRank} AS rank FROM ${from}
       WHERE ${nearMatch} ${where}
       LIMIT ${NEAR_CANDIDATE_LIMIT}),
    ${name} AS MATERIALIZED (SELECT * FROM ${words} UNION ALL SELECT * FROM ${near})`
}

/** Whether a kind's matches reached either bound, so there are more than were counted. */
function cappedOf(name: string): Prisma.Sql {
  return Prisma.sql`((SELECT count(*) FROM ${Prisma.raw(`${name}_words`)}) >= ${CANDIDATE_LIMIT}
    OR (SELECT count(*) FROM ${Prisma.raw(`${name}_near`)}) >= ${NEAR_CANDIDATE_LIMIT})`
}

/** The matches of each kind searched, with facet counts and one page, in one statement. */
async function findHits(query: SearchQuery, fuzzy: string | null, now: Date) {
  const kinds = kindsSearched({ ...query, type: null })
  const shown = query.type ? kinds.filter((kind) => kind === query.type) : kinds
  const none = (name: string, columns: string) =>
    Prisma.sql`${Prisma.raw(name)} AS MATERIALIZED (SELECT ${Prisma.raw(columns)} WHERE false)`
  const claims = kinds.includes('claim')
    ? candidates(query.q, fuzzy, {
        name: 'claims',
        table: 'Claim',
        columns: Prisma.sql`t."id", t."articleId", t."status", t."verdict", t."claimant", t."tags", t."approvedAt"`,
        near: [Prisma.sql`t."text"`, Prisma.sql`t."claimant"`],
        conditions: claimConditions(query, now),
      })
    : none(
        'claims',
        `NULL::text AS id, NULL::text AS "articleId", NULL::"ClaimStatus" AS status, NULL::"Verdict" AS verdict,
         NULL::text AS claimant, NULL::text[] AS tags, NULL::timestamp AS "approvedAt", NULL::numeric AS rank`,
      )
  const titled = (kind: 'source' | 'article', table: 'Source' | 'Article', second: 'publisher' | 'outlet') =>
    kinds.includes(kind)
      ? candidates(query.q, fuzzy, {
          name: `${kind}s`,
          table,
          columns: Prisma.sql`t."id"`,
          near: [Prisma.sql`t."title"`, Prisma.raw(`t."${second}"`)],
        })
      : none(`${kind}s`, 'NULL::text AS id, NULL::numeric AS rank')
  const capped = (['claim', 'source', 'article'] as const).map((kind) =>
    kinds.includes(kind) ? Prisma.sql`CASE WHEN ${cappedOf(`${kind}s`)} THEN ${kind} END` : Prisma.sql`NULL::text`,
  )
  const after = decodeDecimalCursor(query.after)
  const keyset =
    after && after.key !== null
      ? Prisma.sql`AND (rank < ${after.key}::numeric OR (rank = ${after.key}::numeric AND key > ${after.id}))`
      : Prisma.empty
  const shownKinds = shown.length ? shown : ['none']
  const weekAgo = daysBefore(now, 7)
  const monthAgo = daysBefore(now, 30)
  const yearAgo = daysBefore(now, 365)
  const [row] = await db.$transaction(async (tx) => {
    // Word similarity costs far more per row than the planner assumes, so reading a whole table and
    // comparing every row looks cheaper than the trigram index; on the bench's 10,000 sources it is 85 ms
    // against 2. Sequential scans are therefore off for this statement (SET LOCAL: this transaction only).
    await tx.$executeRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('pg_trgm.word_similarity_threshold', ${String(NEAR_SPELLING_THRESHOLD)}, true)`
    return tx.$queryRaw<
      Array<{
        page: Hit[] | null
        kinds: Array<{ value: ResultKind; count: number }> | null
        statuses: Array<Count<ClaimStatus>> | null
        verdicts: Array<Count<Verdict>> | null
        articles: Array<Count<string> & { label: string }> | null
        claimants: Array<Count<string>> | null
        tags: Array<Count<string>> | null
        approved: Record<ApprovedRange, number> | null
        capped: ResultKind[]
      }>
    >`
    WITH ${claims},
    ${titled('source', 'Source', 'publisher')},
    ${titled('article', 'Article', 'outlet')},
    hits AS (
      SELECT 'claim' AS kind, id, rank, 'c-' || id AS key FROM claims
      UNION ALL SELECT 'source', id, rank, 's-' || id FROM sources
      UNION ALL SELECT 'article', id, rank, 'a-' || id FROM articles
    )
    SELECT
      (SELECT json_agg(p) FROM (
         SELECT kind, id, rank::text AS rank, key FROM hits
          WHERE kind = ANY(${shownKinds}::text[]) ${keyset}
          ORDER BY hits.rank DESC, hits.key
          LIMIT ${SEARCH_PAGE_SIZE + 1}) p) AS page,
      (SELECT json_agg(k) FROM (SELECT kind AS value, count(*)::int AS count FROM hits GROUP BY kind) k) AS kinds,
      (SELECT json_agg(f ORDER BY f.count DESC, f.value) FROM (
         SELECT status AS value, count(*)::int AS count FROM claims GROUP BY status) f) AS statuses,
      (SELECT json_agg(f ORDER BY f.count DESC, f.value) FROM (
         SELECT verdict AS value, count(*)::int AS count FROM claims WHERE verdict IS NOT NULL GROUP BY verdict) f) AS verdicts,
      (SELECT json_agg(f ORDER BY f.count DESC, f.label) FROM (
         SELECT c."articleId" AS value, min(a."title") AS label, count(*)::int AS count
           FROM claims c JOIN "Article" a ON a."id" = c."articleId"
          GROUP BY c."articleId" ORDER BY count(*) DESC, min(a."title") LIMIT ${FACET_VALUES}) f) AS articles,
      (SELECT json_agg(f ORDER BY f.count DESC, f.value) FROM (
         SELECT claimant AS value, count(*)::int AS count FROM claims WHERE claimant <> ''
          GROUP BY claimant ORDER BY count(*) DESC, claimant LIMIT ${FACET_VALUES}) f) AS claimants,
      (SELECT json_agg(f ORDER BY f.count DESC, f.value) FROM (
         SELECT tag AS value, count(*)::int AS count FROM claims, unnest(tags) AS tag
          GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${FACET_VALUES}) f) AS tags,
      (SELECT json_build_object(
         '7d', count(*) FILTER (WHERE "approvedAt" >= ${weekAgo}),
         '30d', count(*) FILTER (WHERE "approvedAt" >= ${monthAgo}),
         '1y', count(*) FILTER (WHERE "approvedAt" >= ${yearAgo}),
         'older', count(*) FILTER (WHERE "approvedAt" < ${yearAgo}))
         FROM claims WHERE status = 'APPROVED') AS approved,
      array_remove(ARRAY[${Prisma.join(capped)}]::text[], NULL) AS capped`
  })
  return { row: row!, kinds }
}

/** The page's rows with their highlighted wording, in the order of `page`. */
async function describeHits(page: Hit[], q: string, words: string[]): Promise<SearchResult[]> {
  const ids = (kind: ResultKind) => page.filter((hit) => hit.kind === kind).map((hit) => hit.id)
  const claimIds = ids('claim')
  const sourceIds = ids('source')
  const articleIds = ids('article')
  const headline = (column: Prisma.Sql, options = WHOLE) =>
    Prisma.sql`ts_headline('english', translate(${column}, ${START + STOP}, ''), ${tsquery(q)}, ${options})`
  const [claims, sources, articles] = await Promise.all([
    claimIds.length
      ? db.$queryRaw<
          Array<{
            id: string
            snippet: string
            status: ClaimStatus
            verdict: Verdict | null
            claimant: string
            tags: string[]
            approvedAt: Date | null
            articleId: string
            articleTitle: string
          }>
        >`
          SELECT c."id", ${headline(Prisma.sql`c."text"`)} AS snippet, c."status", c."verdict", c."claimant", c."tags",
                 c."approvedAt", c."articleId", a."title" AS "articleTitle"
            FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
           WHERE c."id" = ANY(${claimIds}::text[])`
      : [],
    sourceIds.length
      ? db.$queryRaw<Array<{ id: string; title: string; snippet: string; publisher: string; url: string }>>`
          SELECT s."id", ${headline(Prisma.sql`s."title"`)} AS title,
                 ${headline(Prisma.sql`s."publisher" || ' · ' || s."url"`, FRAGMENTS)} AS snippet, s."publisher", s."url"
            FROM "Source" s WHERE s."id" = ANY(${sourceIds}::text[])`
      : [],
    articleIds.length
      ? db.$queryRaw<Array<{ id: string; title: string; snippet: string; outlet: string }>>`
          SELECT a."id", ${headline(Prisma.sql`a."title"`)} AS title,
                 ${headline(Prisma.sql`left(a."body", 20000)`, FRAGMENTS)} AS snippet, a."outlet"
            FROM "Article" a WHERE a."id" = ANY(${articleIds}::text[])`
      : [],
  ])
  const marks = (text: string) => highlightSegments(text, words)
  const byKey = new Map<string, SearchResult>()
  for (const claim of claims) {
    byKey.set(`c-${claim.id}`, {
      kind: 'claim',
      id: claim.id,
      href: `/articles/${claim.articleId}/claims/${claim.id}`,
      snippet: marks(claim.snippet),
      status: claim.status,
      verdict: claim.verdict,
      claimant: claim.claimant,
      tags: claim.tags,
      article: { id: claim.articleId, title: claim.articleTitle },
      approvedAt: claim.approvedAt,
    })
  }
  for (const source of sources) {
    byKey.set(`s-${source.id}`, {
      kind: 'source',
      id: source.id,
      href: `/sources?q=${encodeURIComponent(source.url.slice(0, 200))}#source-${source.id}`,
      title: marks(source.title),
      snippet: marks(source.snippet),
      publisher: source.publisher,
      url: source.url,
    })
  }
  for (const article of articles) {
    byKey.set(`a-${article.id}`, {
      kind: 'article',
      id: article.id,
      href: `/articles/${article.id}`,
      title: marks(article.title),
      snippet: marks(article.snippet),
      outlet: article.outlet,
    })
  }
  return page.flatMap((hit) => byKey.get(hit.key) ?? [])
}

/** The desk's claims, sources and articles that match, best first, with facet counts and the next page. */
export async function searchDesk(query: SearchQuery, now = new Date()): Promise<SearchResults> {
  const parsed = parseSearch(query.q)
  const fuzzy = fuzzyText(parsed)
  const { row, kinds } = await findHits(query, fuzzy, now)
  const page = row.page ?? []
  const hasMore = page.length > SEARCH_PAGE_SIZE
  const shown = page.slice(0, SEARCH_PAGE_SIZE)
  const last = shown[shown.length - 1]
  const kindCounts = row.kinds ?? []
  const approved = row.approved ?? { '7d': 0, '30d': 0, '1y': 0, older: 0 }
  return {
    results: await describeHits(shown, query.q, parsed.words),
    facets: {
      type: kinds.map((kind) => ({ value: kind, count: kindCounts.find((k) => k.value === kind)?.count ?? 0 })),
      status: row.statuses ?? [],
      verdict: row.verdicts ?? [],
      article: row.articles ?? [],
      claimant: row.claimants ?? [],
      tag: row.tags ?? [],
      approved: (['7d', '30d', '1y', 'older'] as const)
        .map((value) => ({ value, count: approved[value] }))
        .filter((facet) => facet.count > 0),
    },
    capped: row.capped,
    nextCursor: hasMore && last ? encodeCursor(last.rank, last.key) : null,
    words: parsed.words,
  }
}

export type SearchErrors = Partial<Record<'q' | FacetName | 'after', string>>

/**
 * A /search address read into a query and its results. A facet that cannot be used is left out and
 * explained in `errors`, so the search still answers; words that cannot be searched give no results
 * but a message, and status 400.
 */
export async function searchPage(search: URLSearchParams, now = new Date()) {
  const params = new URLSearchParams(search)
  const typed = params.get('q') ?? ''
  if (!typed.trim()) return { status: 200, q: '', query: null, errors: {} as SearchErrors, found: null }
  let submission = parseQuery(params, searchQuerySchema)
  const errors: SearchErrors = {}
  if (submission.status !== 'success') {
    for (const name of ['q', ...FACET_NAMES, 'after'] as const) {
      const message = submission.error?.[name]?.[0]
      if (message) errors[name] = message
      if (message && name !== 'q') params.delete(name)
    }
    if (errors.q) return { status: 400, q: typed.slice(0, SEARCH_MAX_LENGTH * 2), query: null, errors, found: null }
    params.delete('after')
    submission = parseQuery(params, searchQuerySchema)
  }
  if (submission.status !== 'success') {
    return { status: 400, q: typed, query: null, errors: { q: 'That search cannot be read.' }, found: null }
  }
  const query = toSearchQuery(submission.value)
  return { status: 200, q: query.q, query, errors, found: await searchDesk(query, now) }
}
