// The desk settings page: who may see it, what it refuses (with the reason next to the field), and that a
// good change is saved, redirected with a message, and used by the ClaimReview export at once.
import { beforeAll, describe, expect, it } from '@jest/globals'
import * as settingsRoute from '~/routes/admin/settings'
import * as claimReviewRoute from '~/routes/exports/claimreview[.]jsonld'
import { getSettings } from '~/settings/settings.server'
import { db } from '~/utils/db.server'
import { readToast } from '~/utils/toast.server'
import { callAction, callLoader } from '../helpers/route'
import { createUsers } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>

beforeAll(async () => {
  users = await createUsers()
})

const URL_PATH = '/admin/settings'

function save(form: Record<string, string>, user = users.admin) {
  return callAction(settingsRoute.action, { url: URL_PATH, user, form })
}

describe('the settings page', () => {
  it('shows the current settings to an admin', async () => {
    const result = await callLoader(settingsRoute.loader, { url: URL_PATH, user: users.admin })
    expect(result.status).toBe(200)
    expect(result.data.settings).toMatchObject({
      organizationName: 'Factdesk',
      organizationUrl: 'https://factdesk.example',
      urlImportAllowList: [],
    })
  })

  it('is refused to everyone but admins, and they change nothing', async () => {
    for (const user of [users.reporter, users.checker, users.editor]) {
      expect((await callLoader(settingsRoute.loader, { url: URL_PATH, user })).status).toBe(403)
      const posted = await save({ organizationName: 'Hijacked', organizationUrl: 'https://evil.example' }, user)
      expect(posted.status).toBe(403)
    }
    expect((await getSettings()).organizationName).toBe('Factdesk')
  })

  it('refuses bad values with 400 and says what is wrong with each field, keeping the old settings', async () => {
    const allowList = 'cms.example.org\nhttps://intranet.example.org/news\n10.0.0.5:99999\n*.example.org'
    const result = await save({
      organizationName: '   ',
      organizationUrl: 'javascript:alert(1)',
      urlImportAllowList: allowList,
    })
    expect(result.status).toBe(400)
    const errors = result.data.result.error
    expect(errors.organizationName).toEqual(['Enter the name your desk publishes under.'])
    expect(errors.organizationUrl[0]).toMatch(/starting with https:\/\//)
    expect(errors.urlImportAllowList).toEqual([
      'Line 2, “https://intranet.example.org/news”: write the host only, without http:// (for example intranet.example.org or 10.0.0.5:8080).',
      'Line 3, “10.0.0.5:99999”: the port must be a number from 1 to 65535.',
      'Line 4, “*.example.org”: wildcards are not supported; list each host on its own line.',
    ])
    // The form keeps what was typed.
    expect(result.data.result.initialValue.urlImportAllowList).toContain('*.example.org')
    expect(await getSettings()).toMatchObject({ organizationName: 'Factdesk', urlImportAllowList: [] })
  })

  it('saves good values in canonical form, then redirects back with a message (post/redirect/get)', async () => {
    const result = await save({
      organizationName: '  Перевірка фактів Desk ',
      organizationUrl: 'https://factcheck.example.org/',
      urlImportAllowList: 'Intranet.Example.org\r\n\r\n10.0.0.5:8080\n::1\nintranet.example.org',
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(URL_PATH)
    const { toast } = await readToast(
      new Request('http://localhost/', { headers: { Cookie: result.headers.get('Set-Cookie')!.split(';')[0]! } }),
    )
    expect(toast).toMatchObject({ kind: 'success', message: 'Settings saved.' })
    const settings = await db.settings.findUniqueOrThrow({ where: { id: 1 } })
    expect(settings).toMatchObject({
      organizationName: 'Перевірка фактів Desk',
      organizationUrl: 'https://factcheck.example.org/',
      urlImportAllowList: ['intranet.example.org', '10.0.0.5:8080', '[::1]'],
      updatedById: users.admin.id,
    })
    const page = await callLoader(settingsRoute.loader, { url: URL_PATH, user: users.admin })
    expect(page.data.settings.updatedBy).toBe(users.admin.name)
  })

  it('accepts an empty allow-list', async () => {
    const result = await save({ organizationName: 'Desk', organizationUrl: 'https://desk.example.org' })
    expect(result.status).toBe(302)
    expect((await getSettings()).urlImportAllowList).toEqual([])
  })

  it('names the organization as the author of exported ClaimReviews', async () => {
    await save({ organizationName: 'The Verification Desk', organizationUrl: 'https://verify.example.org' })
    const article = await db.article.create({ data: { title: 'A', body: 'Body.', createdById: users.reporter.id } })
    await db.claim.create({
      data: {
        articleId: article.id,
        quote: 'Body',
        text: 'Body',
        startOffset: 0,
        endOffset: 4,
        createdById: users.reporter.id,
        status: 'APPROVED',
        verdict: 'TRUE',
        approvedAt: new Date(),
        approvedById: users.editor.id,
      },
    })
    const result = await callAction(claimReviewRoute.action, {
      url: '/exports/claimreview.jsonld',
      user: users.editor,
      form: {},
    })
    expect(result.status).toBe(200)
    expect(result.data[0].author).toEqual({
      '@type': 'Organization',
      name: 'The Verification Desk',
      url: 'https://verify.example.org',
    })
  })
})
