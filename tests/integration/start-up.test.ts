// `npm start` with a setting that cannot work stops at once with one sentence naming the setting, and exit code 1:
// no stack trace, no half-started server. Each case spawns the real start script and reads what it prints.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/embedded-postgres.ts'

let dataDir: string

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-start-up-'))
})

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        FACTDESK_DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    // Bounded: a start script that hangs fails the test instead of holding the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output: output.trim() })
    })
  })
}

function listening(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port

function expectOneSentence(output: string, sentence: RegExp) {
  expect(output).toMatch(sentence)
  expect(output).not.toMatch(/\n\s+at |ECONNREFUSED|Error:/)
}

/** Starts with `env`, expects exit code 1 and one sentence, and that `secret` (if any) is not printed. */
async function expectRefusal(env: Record<string, string>, sentence: RegExp, secret?: string) {
  const { code, output } = await start(env)
  expect(code).toBe(1)
  expectOneSentence(output, sentence)
  if (secret) expect(output).not.toContain(secret)
}

/** The test server's admin address with one part changed. */
function adminUrl(change: (url: URL) => void) {
  const url = new URL(process.env.FACTDESK_TEST_ADMIN_URL!)
  change(url)
  return url.toString()
}

describe('npm start with a setting that cannot work', () => {
  it('names DATABASE_URL when nothing listens at its address', async () => {
    const port = await freePort()
    await expectRefusal(
      { DATABASE_URL: `postgresql://factdesk:secret@127.0.0.1:${port}/factdesk` },
      new RegExp(
        `^Factdesk cannot start: nothing is accepting connections at 127\\.0\\.0\\.1:${port}/factdesk; check DATABASE_URL, or unset it to use the embedded PostgreSQL\\.$`,
      ),
      'secret',
    )
  })

  it('names DATABASE_URL when its password is wrong', async () => {
    await expectRefusal(
      { DATABASE_URL: adminUrl((url) => (url.password = 'not-the-password')) },
      /^Factdesk cannot start: the database at 127\.0\.0\.1:\d+\/postgres refused the user name or password in DATABASE_URL \(user "factdesk"\)\.$/,
      'not-the-password',
    )
  })

  it('names DATABASE_URL when its database does not exist', async () => {
    await expectRefusal(
      { DATABASE_URL: adminUrl((url) => (url.pathname = '/no_such_database')) },
      /^Factdesk cannot start: the database named in DATABASE_URL \(127\.0\.0\.1:\d+\/no_such_database\) does not exist; create it or correct DATABASE_URL\.$/,
    )
  })

  it('names PORT when another program already listens there', async () => {
    const busy = await listening()
    try {
      await expectRefusal(
        { PORT: String(portOf(busy)), DATABASE_URL: process.env.FACTDESK_TEST_ADMIN_URL! },
        new RegExp(
          `^Factdesk cannot start: port ${portOf(busy)} is already in use by another program \\(set PORT to use another\\)\\.$`,
        ),
      )
    } finally {
      busy.close()
    }
  })

  it('names EMBEDDED_PG_PORT when another program already listens there', async () => {
    const busy = await listening()
    try {
      const { code, output } = await start({ EMBEDDED_PG_PORT: String(portOf(busy)), PORT: String(await freePort()) })
      expect(code).toBe(1)
      expect(output.split('\n').at(-1)).toBe(
        `Factdesk cannot start: port ${portOf(busy)} is already in use by another program, so the embedded PostgreSQL cannot listen on it (set EMBEDDED_PG_PORT to a free port).`,
      )
      expectOneSentence(output, /EMBEDDED_PG_PORT/)
    } finally {
      busy.close()
    }
  })

  it('names TRUST_PROXY when its value means nothing', async () => {
    await expectRefusal(
      { TRUST_PROXY: 'yes please', DATABASE_URL: process.env.FACTDESK_TEST_ADMIN_URL! },
      /^Factdesk cannot start, its configuration is wrong:\n {2}TRUST_PROXY: TRUST_PROXY must be 0 \(no proxy\), .* not "yes please"$/,
    )
  })
})
