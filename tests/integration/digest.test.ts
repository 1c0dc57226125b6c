// The daily digest email: sent through the SMTP server in SMTP_URL (here one the test runs on 127.0.0.1),
// once per person and day, listing their unread notifications with links; nothing at all without SMTP settings.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { parseCrontab } from 'graphile-worker'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { CRONTAB, TASKS } from '~/jobs/queue.server'
import { sendDigests } from '~/notifications/digest.server'
import { db } from '~/utils/db.server'
import * as accountRoute from '~/routes/account'
import { resetEnvForTests } from '~/utils/env.server'
import { createArticle, createClaim } from '../helpers/claims'
import { callAction, callLoader } from '../helpers/route'
import { createUser, type TestUser } from '../helpers/users'

type Mail = { from: string; to: string[]; raw: string }
const inbox: Mail[] = []
let server: SMTPServer
let port = 0

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  port = (server.server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function configureSmtp(on: boolean) {
  if (on) {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
    process.env.MAIL_FROM = 'Factdesk <desk@factdesk.test>'
    process.env.APP_ORIGIN = 'https://desk.factdesk.test'
  } else {
    delete process.env.SMTP_URL
    delete process.env.MAIL_FROM
  }
  resetEnvForTests()
}

afterEach(async () => {
  configureSmtp(false)
  inbox.length = 0
  // Each test starts with no digests sent and no unread notifications, whoever made them.
  await db.digestSent.deleteMany({})
  await db.notification.updateMany({ where: { readAt: null }, data: { readAt: new Date() } })
})

async function notify(user: TestUser, bodies: string[]) {
  const reporter = await createUser('REPORTER')
  const article = await createArticle(reporter, 'Digest article', 'Turnout rose. Prices fell.')
  const claimId = await createClaim(article, 'Turnout rose', reporter)
  for (const body of bodies) {
    await db.notification.create({ data: { userId: user.id, kind: 'ASSIGNED', claimId, body } })
  }
  return claimId
}

/** The message's text part, with quoted-printable soft breaks and escapes undone. */
function textOf(mail: Mail): string {
  const latin1 = mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(latin1, 'latin1').toString('utf8')
}

describe('the daily digest', () => {
  it('is on the crontab, for a task the queue knows', () => {
    const names = parseCrontab(CRONTAB).map((item) => item.task)
    expect(names).toContain('send_digests')
    expect(Object.keys(TASKS)).toContain('send_digests')
  })

  it('arrives with the recipient, subject and each unread notification with a link to its claim', async () => {
    const checker = await createUser('FACT_CHECKER')
    const claimId = await notify(checker, ['Ann assigned “Turnout rose” to you.', 'Bo commented on <b>it</b> & more.'])
    configureSmtp(true)

    expect(await sendDigests()).toBe(1)

    const mails = inbox.filter((mail) => mail.to.includes(checker.email))
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.from).toBe('desk@factdesk.test')
    const text = textOf(mail)
    expect(text).toMatch(/Subject: Factdesk: 2 unread notifications/)
    expect(text).toContain('Ann assigned “Turnout rose” to you.')
    expect(text).toContain(`https://desk.factdesk.test/claims/${claimId}`)
    // The HTML part escapes the notification's words.
    expect(text).toContain('Bo commented on &lt;b&gt;it&lt;/b&gt; &amp; more.')
    expect(text).not.toContain('<b>it</b></a>')
  })

  it('is not sent twice on a second run the same day, even when two runs overlap', async () => {
    const checker = await createUser('FACT_CHECKER')
    await notify(checker, ['Ann assigned “Turnout rose” to you.'])
    configureSmtp(true)

    const [first, second] = await Promise.all([sendDigests(), sendDigests()])
    expect(first + second).toBe(1)
    expect(await sendDigests()).toBe(0)
    expect(inbox.filter((mail) => mail.to.includes(checker.email))).toHaveLength(1)
  })

  it('next day lists only the notifications that came since the last digest', async () => {
    const checker = await createUser('FACT_CHECKER')
    await notify(checker, ['Ann assigned “Turnout rose” to you.'])
    configureSmtp(true)
    const today = new Date()
    expect(await sendDigests({ now: today })).toBe(1)
    const tomorrow = new Date(today.getTime() + 24 * 60 * 60 * 1000)
    expect(await sendDigests({ now: tomorrow })).toBe(0)

    await notify(checker, ['Cy returned “Turnout rose” to you: check the date'])
    expect(await sendDigests({ now: tomorrow })).toBe(1)
    const latest = textOf(inbox.at(-1)!)
    expect(latest).toMatch(/Subject: Factdesk: 1 unread notification\r?\n/)
    expect(latest).toContain('Cy returned')
    expect(latest).not.toContain('Ann assigned')
  })

  it('lists at most 50 notifications and says how many more there are', async () => {
    const checker = await createUser('FACT_CHECKER')
    await notify(
      checker,
      Array.from({ length: 53 }, (_, i) => `Notification number ${i + 1}.`),
    )
    configureSmtp(true)
    expect(await sendDigests()).toBe(1)
    const text = textOf(inbox[0]!)
    expect(text).toMatch(/Subject: Factdesk: 53 unread notifications/)
    expect(text).toContain('and 3 more')
    expect(text.match(/Notification number \d+\./g)!.length / 2).toBe(50)
  })

  it('sends nothing and fails nothing when SMTP is not configured', async () => {
    const checker = await createUser('FACT_CHECKER')
    await notify(checker, ['Ann assigned “Turnout rose” to you.'])
    configureSmtp(false)
    await expect(sendDigests()).resolves.toBe(0)
    await expect(TASKS.send_digests!({}, {} as never)).resolves.toBeUndefined()
    expect(inbox).toHaveLength(0)
    expect(await db.digestSent.count()).toBe(0)
  })

  it('sends nothing to a person with no unread notifications, nor to a deactivated or opted-out one', async () => {
    const quiet = await createUser('FACT_CHECKER')
    await notify(quiet, ['Already read.'])
    await db.notification.updateMany({ where: { userId: quiet.id }, data: { readAt: new Date() } })
    const gone = await createUser('FACT_CHECKER', { active: false })
    await notify(gone, ['Ann assigned “Turnout rose” to you.'])
    const optedOut = await createUser('FACT_CHECKER')
    await notify(optedOut, ['Ann assigned “Turnout rose” to you.'])
    await db.digestOptOut.create({ data: { userId: optedOut.id } })
    configureSmtp(true)

    expect(await sendDigests()).toBe(0)
    expect(inbox).toHaveLength(0)
  })

  it('is turned off and on again from the notification settings on /account', async () => {
    const checker = await createUser('FACT_CHECKER')
    await notify(checker, ['Ann assigned “Turnout rose” to you.'])
    const page = await callLoader(accountRoute.loader, { url: '/account', user: checker })
    expect((page.data as { digest: boolean }).digest).toBe(true)

    const off = await callAction(accountRoute.action, {
      url: '/account',
      user: checker,
      form: { intent: 'notifications', kinds: ['ASSIGNED'] },
    })
    expect(off.status).toBe(302)
    const after = await callLoader(accountRoute.loader, { url: '/account', user: checker })
    expect((after.data as { digest: boolean }).digest).toBe(false)
    configureSmtp(true)
    expect(await sendDigests()).toBe(0)

    const on = await callAction(accountRoute.action, {
      url: '/account',
      user: checker,
      form: { intent: 'notifications', kinds: ['ASSIGNED'], digest: 'on' },
    })
    expect(on.status).toBe(302)
    expect(await sendDigests()).toBe(1)
  })

  it('refuses a digest setting that is not the checkbox’s value with a 400', async () => {
    const checker = await createUser('FACT_CHECKER')
    const result = await callAction(accountRoute.action, {
      url: '/account',
      user: checker,
      form: { intent: 'notifications', kinds: ['ASSIGNED'], digest: 'sometimes' },
    })
    expect(result.status).toBe(400)
  })
})
