// Comments on a claim: anyone on the desk adds one; only its author edits it, and the edit shows.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { db } from '~/utils/db.server'
import { createArticleWithClaim, loadClaimPage, postToClaim } from '../helpers/claims'
import { createUsers, type TestUser } from '../helpers/users'

let users: Awaited<ReturnType<typeof createUsers>>
let claimId: string

beforeAll(async () => {
  users = await createUsers()
  claimId = (await createArticleWithClaim(users.reporter, { title: 'Comments' })).claimId
})

function post(user: TestUser, form: Record<string, string>) {
  return postToClaim(user, claimId, form)
}

describe('comments', () => {
  it('adds comments and lists them oldest first with their author and time', async () => {
    const first = await post(users.reporter, { intent: 'comment', body: '  Where does 71 come from?  ' })
    expect(first.status).toBe(302)
    expect(first.location).toMatch(new RegExp(`^/claims/${claimId}#comment-`))
    expect((await post(users.checker, { intent: 'comment', body: 'The electoral commission.' })).status).toBe(302)
    const page = await loadClaimPage(users.checker, claimId)
    expect(
      page.data.comments.map((comment: { author: string; body: string; editedAt: string | null; mine: boolean }) => [
        comment.author,
        comment.body,
        comment.editedAt,
        comment.mine,
      ]),
    ).toEqual([
      [users.reporter.name, 'Where does 71 come from?', null, false],
      [users.checker.name, 'The electoral commission.', null, true],
    ])
    expect(typeof page.data.comments[0].createdAt).toBe('string')
  })

  it('refuses an empty comment and one over 5,000 characters (400)', async () => {
    const before = await db.comment.count({ where: { claimId } })
    const empty = await post(users.editor, { intent: 'comment', body: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.data.result.error.body).toEqual(['Write a comment first.'])
    const long = await post(users.editor, { intent: 'comment', body: 'x'.repeat(5001) })
    expect(long.status).toBe(400)
    expect(long.data.result.error.body).toEqual(['Keep a comment under 5,000 characters.'])
    expect((await post(users.editor, { intent: 'comment', body: 'x'.repeat(5000) })).status).toBe(302)
    expect(await db.comment.count({ where: { claimId } })).toBe(before + 1)
  })

  it('lets the author edit their comment and marks it edited', async () => {
    const comment = await db.comment.create({ data: { claimId, authorId: users.checker.id, body: 'Turnout was 17%.' } })
    const result = await post(users.checker, {
      intent: 'edit-comment',
      commentId: comment.id,
      body: 'Turnout was 71%.',
    })
    expect(result.status).toBe(302)
    const saved = await db.comment.findUniqueOrThrow({ where: { id: comment.id } })
    expect(saved.body).toBe('Turnout was 71%.')
    expect(saved.editedAt).toBeInstanceOf(Date)
  })

  it('refuses anyone else editing a comment, an admin included (403), and changes nothing', async () => {
    const comment = await db.comment.create({ data: { claimId, authorId: users.reporter.id, body: 'Mine.' } })
    for (const user of [users.checker, users.admin]) {
      const result = await post(user, { intent: 'edit-comment', commentId: comment.id, body: 'Not mine.' })
      expect(result.status).toBe(403)
      expect(result.data.message).toBe('You can only edit your own comments.')
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      body: 'Mine.',
      editedAt: null,
    })
  })

  it('answers 404 for a comment of another claim', async () => {
    const other = await createArticleWithClaim(users.reporter, { title: 'Other' })
    const comment = await db.comment.create({
      data: { claimId: other.claimId, authorId: users.reporter.id, body: 'Elsewhere.' },
    })
    const result = await post(users.reporter, { intent: 'edit-comment', commentId: comment.id, body: 'Moved?' })
    expect(result.status).toBe(404)
  })
})
