// Live updates for every signed-in page, across every app process. Each process keeps one dedicated
// pg client that LISTENs on one channel; a write stores a LiveEvent row (in the writer's transaction,
// mostly through triggers) and the row's trigger NOTIFYs its id, delivered at commit. The hub reads the
// row and hands it to the streams it concerns. Because events are stored, a stream that reconnects with
// Last-Event-ID is sent what it missed.
import pg from 'pg'

export const LIVE_CHANNEL = 'factdesk_live'

/** How long events are kept for replay; the job queue forgets older ones (forget_live_events). */
export const LIVE_EVENT_KEPT_MS = 24 * 60 * 60 * 1000

export type LiveEventRow = { id: string; userId: string | null; type: string; claimId: string | null; data: unknown }

/** Who a stream belongs to, and how to tell whether their session still stands. */
export type StreamOwner = { id: string; sessionId: string }

export type LiveHubOptions = {
  connectionString: string
  /** Streams one person may hold at once (tabs, windows); a new one beyond it ends their oldest. */
  maxStreamsPerUser?: number
  heartbeatMs?: number
  /** Events a reconnect is sent at most; older gaps are closed by the page reloading its data. */
  maxReplay?: number
  /** How far back a reconnect is replayed from. */
  retentionMs?: number
}

type Stream = {
  owner: StreamOwner
  openedAt: number
  /** Ids already sent, so an event that arrives live during the replay is not sent twice. */
  sent: Set<string>
  replaying: LiveEventRow[] | null
  write(chunk: string): void
  end(): void
}

const encoder = new TextEncoder()

/** One event as the stream writes it; the claim it is about travels in its data. */
export function formatEvent(event: LiveEventRow): string {
  const data = event.claimId ? { ...(event.data as object), claimId: event.claimId } : event.data
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`
}

export class LiveHub {
  readonly options: Required<LiveHubOptions>
  private readonly pool: pg.Pool
  private listener: pg.Client | null = null
  private starting: Promise<void> | null = null
  private readonly streams = new Map<string, Set<Stream>>()
  private heartbeat: NodeJS.Timeout | null = null
  private retry: NodeJS.Timeout | null = null
  private retryDelay = 500
  private highestId = 0n
  private closed = false

  constructor(options: LiveHubOptions) {
    this.options = {
      maxStreamsPerUser: 5,
      heartbeatMs: 25_000,
      maxReplay: 500,
      retentionMs: LIVE_EVENT_KEPT_MS,
      ...options,
    }
    // Its own small pool, apart from Prisma's, so streams never queue behind page loads.
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: 3, connectionTimeoutMillis: 5_000 })
    this.pool.on('error', () => {})
  }

  /** How many streams are open, in all or for one person. */
  streamCount(userId?: string): number {
    if (userId) return this.streams.get(userId)?.size ?? 0
    let total = 0
    for (const set of this.streams.values()) total += set.size
    return total
  }

  private ensureListening(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve()
    this.starting ??= this.listen().finally(() => {
      this.starting = null
    })
    return this.starting
  }

  private async listen() {
    const client = new pg.Client({ connectionString: this.options.connectionString })
    client.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL && message.payload && /^\d{1,19}$/.test(message.payload)) {
        void this.deliverById(message.payload)
      }
    })
    client.on('error', () => this.lostListener(client))
    client.on('end', () => this.lostListener(client))
    try {
      await client.connect()
      await client.query(`LISTEN ${LIVE_CHANNEL}`)
    } catch {
      this.lostListener(client)
      return
    }
    const reconnected = this.highestId > 0n
    this.listener = client
    this.retryDelay = 500
    // What was committed while nobody listened is fetched once the channel is open again.
    if (reconnected) void this.deliverSince(this.highestId)
    else await this.markHighest()
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs)
    this.heartbeat.unref?.()
  }

  private lostListener(client: pg.Client) {
    if (this.listener === client) this.listener = null
    client.removeAllListeners('end')
    client.end().catch(() => {})
    if (this.closed || this.retry || this.streamCount() === 0) return
    // The database may be restarting: try again, waiting longer each time, up to 30 seconds.
    this.retry = setTimeout(() => {
      this.retry = null
      void this.ensureListening()
    }, this.retryDelay)
    this.retry.unref?.()
    this.retryDelay = Math.min(this.retryDelay * 2, 30_000)
  }

  private async markHighest() {
    try {
      const { rows } = await this.pool.query<{ id: string | null }>('SELECT max(id)::text AS id FROM "LiveEvent"')
      const highest = BigInt(rows[0]?.id ?? '0')
      if (highest > this.highestId) this.highestId = highest
    } catch {
      // Nothing to catch up on yet; the next event sets it.
    }
  }

  private async deliverById(id: string) {
    const rows = await this.query(
      'SELECT id::text AS id, "userId", type, "claimId", data FROM "LiveEvent" WHERE id = $1',
      [id],
    )
    for (const row of rows) await this.dispatch(row)
  }

  private async deliverSince(after: bigint) {
    const rows = await this.query(
      // By the number, not the text the id is sent as: 10 comes after 9.
      'SELECT id::text AS id, "userId", type, "claimId", data FROM "LiveEvent" WHERE id > $1 ORDER BY "LiveEvent".id LIMIT $2',
      [after.toString(), this.options.maxReplay],
    )
    for (const row of rows) await this.dispatch(row)
  }

  private async query(sql: string, params: unknown[]): Promise<LiveEventRow[]> {
    try {
      return (await this.pool.query<LiveEventRow>(sql, params)).rows
    } catch {
      return []
    }
  }

  private async dispatch(row: LiveEventRow) {
    if (BigInt(row.id) > this.highestId) this.highestId = BigInt(row.id)
    const targets = row.userId
      ? [...(this.streams.get(row.userId) ?? [])]
      : [...this.streams.values()].flatMap((set) => [...set])
    if (targets.length === 0) return
    const event = row.type === 'notification' && row.userId ? await this.withUnread(row) : row
    for (const stream of targets) this.send(stream, event)
  }

  /** A notification carries the bell's new figure, counted when it is sent. */
  private async withUnread(row: LiveEventRow): Promise<LiveEventRow> {
    try {
      const { rows } = await this.pool.query<{ unread: number; countedAt: string }>(
        `SELECT count(*)::int AS unread,
                to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "countedAt"
           FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`,
        [row.userId],
      )
      return { ...row, data: { ...(row.data as object), ...rows[0] } }
    } catch {
      return row
    }
  }

  private send(stream: Stream, event: LiveEventRow) {
    if (stream.replaying) {
      stream.replaying.push(event)
      return
    }
    if (stream.sent.has(event.id)) return
    stream.sent.add(event.id)
    // Only the recent ids matter for duplicates; keep the set small on a long-lived stream.
    if (stream.sent.size > 2 * this.options.maxReplay) stream.sent.clear()
    stream.write(formatEvent(event))
  }

  private async beat() {
    const all = [...this.streams.values()].flatMap((set) => [...set])
    if (all.length === 0) return
    const sessions = [...new Set(all.map((stream) => stream.owner.sessionId))]
    let live: Set<string> | null = null
    try {
      // A signed-out or deactivated person's streams end at the next heartbeat. Reading the session here
      // does not touch it, so an open tab alone never keeps a session from going idle.
      const { rows } = await this.pool.query<{ id: string }>(
        `SELECT s.id FROM "Session" s JOIN "User" u ON u.id = s."userId"
          WHERE s.id = ANY($1) AND u.active AND s."expiresAt" > now()
            AND s."lastSeenAt" + make_interval(mins => $2) > now()`,
        [sessions, Number(process.env.SESSION_IDLE_MINUTES ?? 480)],
      )
      live = new Set(rows.map(({ id }) => id))
    } catch {
      live = null
    }
    for (const stream of all) {
      if (live && !live.has(stream.owner.sessionId)) stream.end()
      else stream.write(': heartbeat\n\n')
    }
  }

  /**
   * The event stream for one person: replays what they missed after `lastEventId`, then sends what
   * happens as it happens, with a heartbeat comment so proxies keep the connection open.
   */
  async open(owner: StreamOwner, { lastEventId, signal }: { lastEventId?: string | null; signal?: AbortSignal } = {}) {
    await this.ensureListening()
    let stream!: Stream
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        let ended = false
        stream = {
          owner,
          openedAt: Date.now(),
          sent: new Set(),
          replaying: [],
          write: (chunk) => {
            if (ended) return
            try {
              controller.enqueue(encoder.encode(chunk))
            } catch {
              stream.end()
            }
          },
          end: () => {
            if (ended) return
            ended = true
            this.remove(stream)
            try {
              controller.close()
            } catch {
              // Already closed by the client.
            }
          },
        }
        this.add(stream)
        stream.write('retry: 3000\n\n')
      },
      cancel: () => stream.end(),
    })
    signal?.addEventListener('abort', () => stream.end(), { once: true })

    const after = lastEventId && /^\d{1,19}$/.test(lastEventId) ? lastEventId : null
    const missed = after
      ? await this.query(
          `SELECT id::text AS id, "userId", type, "claimId", data FROM "LiveEvent"
            WHERE id > $1 AND ("userId" IS NULL OR "userId" = $2) AND "createdAt" > now() - make_interval(secs => $3)
            -- By the number, not the text the id is sent as: 10 comes after 9.
            ORDER BY "LiveEvent".id LIMIT $4`,
          [after, owner.id, this.options.retentionMs / 1000, this.options.maxReplay],
        )
      : []
    const arrived = stream.replaying ?? []
    stream.replaying = null
    for (const row of missed) this.send(stream, row.type === 'notification' ? await this.withUnread(row) : row)
    for (const event of arrived) this.send(stream, event)
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform keeps the compression middleware from buffering the stream.
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    })
  }

  private add(stream: Stream) {
    if (!this.listener) void this.ensureListening()
    const set = this.streams.get(stream.owner.id) ?? new Set()
    this.streams.set(stream.owner.id, set)
    set.add(stream)
    if (set.size > this.options.maxStreamsPerUser) {
      const oldest = [...set].sort((a, b) => a.openedAt - b.openedAt)[0]!
      oldest.end()
    }
  }

  private remove(stream: Stream) {
    const set = this.streams.get(stream.owner.id)
    set?.delete(stream)
    if (set && set.size === 0) this.streams.delete(stream.owner.id)
  }

  /** Ends every stream (the browsers reconnect, to this process or another) and stops listening. */
  async close() {
    this.closed = true
    if (this.heartbeat) clearInterval(this.heartbeat)
    if (this.retry) clearTimeout(this.retry)
    for (const set of [...this.streams.values()]) for (const stream of [...set]) stream.end()
    const listener = this.listener
    this.listener = null
    if (listener) {
      listener.removeAllListeners('end')
      await listener.end().catch(() => {})
    }
    await this.pool.end().catch(() => {})
  }
}
