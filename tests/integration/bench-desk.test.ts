// The bench's generated desk (scripts/bench/desk.ts): the size asked for, every index back after the
// bulk load, and the counters' recount hook honoured when the database has one.
import { describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { buildDesk, deskOfClaims } from '../../scripts/bench/desk'

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const indexNames = () =>
  withClient(async (client) =>
    (
      await client.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
      )
    ).rows.map((row) => row.name),
  )

describe('the bench desk', () => {
  it('has the claims asked for in 500-claim articles, and every index the migrations made, after a bulk load that rebuilt them', async () => {
    const before = await indexNames()
    // A counter kept by a row trigger, and the recount that rebuilds it: what the summary rows will look like.
    await withClient((client) =>
      client.query(`
        CREATE TABLE bench_counter (claims int NOT NULL, recounts int NOT NULL);
        INSERT INTO bench_counter VALUES (0, 0);
        CREATE FUNCTION bench_count_claim() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN UPDATE bench_counter SET claims = claims + 1; RETURN NEW; END $$;
        CREATE TRIGGER bench_count_claim AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION bench_count_claim();
        CREATE FUNCTION factdesk_recount() RETURNS void LANGUAGE sql AS $$
          UPDATE bench_counter SET claims = (SELECT count(*) FROM "Claim"), recounts = recounts + 1 $$;`),
    )
    const desk = await buildDesk(process.env.DATABASE_URL!, deskOfClaims(1_200), () => {})
    expect(desk.counts.claims).toBe(1_500)
    expect(await indexNames()).toEqual(before)
    await withClient(async (client) => {
      const { rows } = await client.query(`
        SELECT (SELECT count(*)::int FROM "Article") AS articles,
               (SELECT max(n)::int FROM (SELECT count(*) AS n FROM "Claim" GROUP BY "articleId") per) AS "largestArticle",
               (SELECT count(*)::int FROM "ClaimEvent") AS events,
               (SELECT row_to_json(bench_counter) FROM bench_counter) AS counter`)
      expect(rows[0]).toEqual({
        articles: 3,
        largestArticle: 500,
        events: desk.counts.events,
        // Whether the trigger ran per row or the recount rebuilt it, the counter matches the claims, recounted once.
        counter: { claims: 1_500, recounts: 1 },
      })
    })
  })

  it('sizes desks in whole 500-claim articles, with one source for every 50 claims', () => {
    expect(deskOfClaims(1_000_000)).toEqual({ articles: 2_000, claimsPerArticle: 500, sources: 20_000 })
    expect(deskOfClaims(100_000)).toEqual({ articles: 200, claimsPerArticle: 500, sources: 2_000 })
    expect(deskOfClaims(300)).toEqual({ articles: 1, claimsPerArticle: 300, sources: 100 })
  })
})
