// Keeps the embedded PostgreSQL running under `npm start`, `npm run dev` and `npm run serve`: when it exits
// without being asked to, it is started again, waiting longer after each failed attempt. Its log goes to a
// file beside its data, capped in size, so a crash can be read about afterwards.
import fs from 'node:fs'
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.ts'

export const LOG_MAX_BYTES = 5 * 1024 * 1024

/** Appends to `file`; once it passes `maxBytes` it becomes `file.1` (replacing the previous one) and a new file starts. */
export function cappedLog(file: string, maxBytes = LOG_MAX_BYTES) {
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0
  return (text: string) => {
    const line = text.endsWith('\n') ? text : `${text}\n`
    if (size + Buffer.byteLength(line) > maxBytes && size > 0) {
      fs.renameSync(file, `${file}.1`)
      size = 0
    }
    fs.appendFileSync(file, line)
    size += Buffer.byteLength(line)
  }
}

export type Backoff = { initialMs: number; maxMs: number }

export async function superviseEmbeddedPostgres(options: {
  dataDir: string
  port: number
  logFile: string
  /** Where the supervisor says what it does (the console). */
  report: (line: string) => void
  backoff?: Backoff
}): Promise<RunningPostgres> {
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 500, maxMs: 30_000 }
  const writeLog = cappedLog(options.logFile)
  const log = (line: string) => writeLog(line)
  const start = () => startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, persistent: true, log })

  let current = await start()
  let stopping = false
  // Ctrl-C reaches PostgreSQL too (same process group): its exit after a signal is a stop, not a crash.
  const markStopping = () => {
    stopping = true
  }
  process.once('SIGINT', markStopping)
  process.once('SIGTERM', markStopping)

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const watch = async () => {
    while (!stopping) {
      await current.exited
      if (stopping) return
      options.report(`The embedded PostgreSQL stopped unexpectedly (log: ${options.logFile}); restarting it…`)
      log(`factdesk: PostgreSQL exited unexpectedly; restarting`)
      for (let attempt = 1, delay = initialMs; !stopping; attempt++, delay = Math.min(delay * 2, maxMs)) {
        await sleep(delay)
        if (stopping) return
        try {
          current = await start()
          options.report(`The embedded PostgreSQL is running again (attempt ${attempt}).`)
          break
        } catch (error) {
          log(`factdesk: restart attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
    }
  }
  void watch()

  return {
    urlFor: (database) => current.urlFor(database),
    get pid() {
      return current.pid
    },
    get exited() {
      return current.exited
    },
    stop: async () => {
      stopping = true
      process.off('SIGINT', markStopping)
      process.off('SIGTERM', markStopping)
      await current.stop()
    },
  }
}
