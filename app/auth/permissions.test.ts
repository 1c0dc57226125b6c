// Checks the permission data against DESIGN.md's table, copied here by hand so a slip in either shows.
import { describe, expect, test } from '@jest/globals'
import { ClaimStatus, Role } from '~/generated/prisma/enums'
import {
  PERMISSIONS,
  ROLE_LABELS,
  can,
  canAssignClaim,
  canDeleteClaim,
  canEditArticle,
  canEditClaim,
  grantOf,
  type Grant,
  type Permission,
} from './permissions'

// Columns: REPORTER, FACT_CHECKER, EDITOR, ADMIN (R C E A in DESIGN.md).
const DESIGN_TABLE: Record<Permission, [Grant, Grant, Grant, Grant]> = {
  'dashboard:view': ['all', 'all', 'all', 'all'],
  'article:view': ['all', 'all', 'all', 'all'],
  'claim:view': ['all', 'all', 'all', 'all'],
  'source:view': ['all', 'all', 'all', 'all'],
  'article:create': ['all', 'all', 'all', 'all'],
  'claim:create': ['all', 'all', 'all', 'all'],
  'source:attach': ['all', 'all', 'all', 'all'],
  'comment:create': ['all', 'all', 'all', 'all'],
  'article:edit': ['own', 'own', 'all', 'all'],
  'claim:edit': ['own', 'all', 'all', 'all'],
  'claim:delete': ['own', 'own', 'all', 'all'],
  'claim:research': ['none', 'all', 'all', 'all'],
  'claim:propose': ['none', 'all', 'all', 'all'],
  'claim:assign': ['none', 'own', 'all', 'all'],
  'claim:approve': ['none', 'none', 'all', 'all'],
  'claim:return': ['none', 'none', 'all', 'all'],
  'claim:reopen': ['none', 'none', 'all', 'all'],
  'source:rate': ['none', 'none', 'all', 'all'],
  'export:run': ['none', 'none', 'all', 'all'],
  'user:manage': ['none', 'none', 'none', 'all'],
  'settings:edit': ['none', 'none', 'none', 'all'],
  'report:publish': ['none', 'none', 'all', 'all'],
}

const ROLES = [Role.REPORTER, Role.FACT_CHECKER, Role.EDITOR, Role.ADMIN] as const
const STATUSES = Object.values(ClaimStatus)

const rows = (Object.keys(DESIGN_TABLE) as Permission[]).flatMap((permission) =>
  ROLES.map((role, column) => ({ permission, role, expected: DESIGN_TABLE[permission][column]! })),
)

describe('permission table', () => {
  test('lists exactly the permissions of DESIGN.md', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(DESIGN_TABLE).sort())
  })

  test.each(rows)('$role has "$expected" on $permission', ({ permission, role, expected }) => {
    expect(grantOf(role, permission)).toBe(expected)
    expect(can(role, permission)).toBe(expected !== 'none')
  })

  test('only fact-checkers carry the "self, unassigned" scope, and only on claim:assign', () => {
    const scoped = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => PERMISSIONS[p].scope)
    expect(scoped).toEqual(['claim:assign'])
    expect(PERMISSIONS['claim:assign'].scope).toEqual({ FACT_CHECKER: 'self-unassigned' })
  })

  test('claims can be deleted only while unreviewed and edited only before review', () => {
    expect(PERMISSIONS['claim:delete'].onlyWhile).toEqual(['UNREVIEWED'])
    expect([...(PERMISSIONS['claim:edit'].onlyWhile ?? [])].sort()).toEqual(['IN_RESEARCH', 'UNREVIEWED'])
  })

  test('roles have the labels people see', () => {
    const labels = { REPORTER: 'Reporter', FACT_CHECKER: 'Fact-checker', EDITOR: 'Editor', ADMIN: 'Admin' }
    expect(ROLE_LABELS).toEqual(labels)
  })
})

const me = 'user-me'
const other = 'user-other'

describe('canEditArticle', () => {
  const untouched = { hasClaims: false, changesBody: true }

  test.each([Role.REPORTER, Role.FACT_CHECKER])('%s may edit an article they added', (role) => {
    expect(canEditArticle({ role, id: me }, { createdById: me, ...untouched })).toEqual({ ok: true })
  })

  test.each([Role.REPORTER, Role.FACT_CHECKER])('%s may not edit someone else’s article', (role) => {
    const decision = canEditArticle({ role, id: me }, { createdById: other, ...untouched })
    expect(decision).toEqual({ ok: false, reason: 'You can only edit articles you added yourself.' })
  })

  test.each([Role.EDITOR, Role.ADMIN])('%s may edit anyone’s article', (role) => {
    expect(canEditArticle({ role, id: me }, { createdById: other, ...untouched })).toEqual({ ok: true })
  })

  test.each(ROLES)('%s may not change the body once the article has claims', (role) => {
    const decision = canEditArticle({ role, id: me }, { createdById: me, hasClaims: true, changesBody: true })
    expect(decision.ok).toBe(false)
    if (!decision.ok) expect(decision.reason).toMatch(/article text can no longer change/)
  })

  test.each(ROLES)('%s may still edit the details of their article once it has claims', (role) => {
    const decision = canEditArticle({ role, id: me }, { createdById: me, hasClaims: true, changesBody: false })
    expect(decision).toEqual({ ok: true })
  })

  test('a reporter is told about ownership before the frozen body', () => {
    const decision = canEditArticle(
      { role: Role.REPORTER, id: me },
      { createdById: other, hasClaims: true, changesBody: true },
    )
    expect(decision).toEqual({ ok: false, reason: 'You can only edit articles you added yourself.' })
  })
})

describe('canEditClaim', () => {
  const editable = [ClaimStatus.UNREVIEWED, ClaimStatus.IN_RESEARCH]

  test.each(editable)('a reporter may edit their own claim while %s', (status) => {
    expect(canEditClaim({ role: Role.REPORTER, id: me }, { createdById: me, status })).toEqual({ ok: true })
  })

  test.each(editable)('a reporter may not edit someone else’s claim while %s', (status) => {
    expect(canEditClaim({ role: Role.REPORTER, id: me }, { createdById: other, status })).toEqual({
      ok: false,
      reason: 'You can only edit claims you added yourself.',
    })
  })

  test.each(
    [Role.FACT_CHECKER, Role.EDITOR, Role.ADMIN].flatMap((role) => editable.map((status) => ({ role, status }))),
  )('$role may edit anyone’s claim while $status', ({ role, status }) => {
    expect(canEditClaim({ role, id: me }, { createdById: other, status })).toEqual({ ok: true })
  })

  test.each(ROLES)('%s may not edit a claim waiting for review', (role) => {
    const decision = canEditClaim({ role, id: me }, { createdById: me, status: ClaimStatus.NEEDS_REVIEW })
    expect(decision).toEqual({
      ok: false,
      reason: 'This claim is waiting for review and cannot be edited. An editor can return it to research first.',
    })
  })

  test.each(ROLES)('%s may not edit an approved claim until it is reopened', (role) => {
    const decision = canEditClaim({ role, id: me }, { createdById: me, status: ClaimStatus.APPROVED })
    expect(decision).toEqual({
      ok: false,
      reason: 'This claim is approved and cannot be edited. An editor can reopen it first.',
    })
  })
})

describe('canDeleteClaim', () => {
  test.each([Role.REPORTER, Role.FACT_CHECKER])('%s may delete their own unreviewed claim', (role) => {
    const decision = canDeleteClaim({ role, id: me }, { createdById: me, status: ClaimStatus.UNREVIEWED })
    expect(decision).toEqual({ ok: true })
  })

  test.each([Role.REPORTER, Role.FACT_CHECKER])('%s may not delete someone else’s claim', (role) => {
    const decision = canDeleteClaim({ role, id: me }, { createdById: other, status: ClaimStatus.UNREVIEWED })
    expect(decision).toEqual({ ok: false, reason: 'You can only delete claims you added yourself.' })
  })

  test.each([Role.EDITOR, Role.ADMIN])('%s may delete anyone’s unreviewed claim', (role) => {
    const decision = canDeleteClaim({ role, id: me }, { createdById: other, status: ClaimStatus.UNREVIEWED })
    expect(decision).toEqual({ ok: true })
  })

  const later = STATUSES.filter((status) => status !== ClaimStatus.UNREVIEWED)
  test.each(ROLES.flatMap((role) => later.map((status) => ({ role, status }))))(
    '$role may not delete their own claim once it is $status',
    ({ role, status }) => {
      const decision = canDeleteClaim({ role, id: me }, { createdById: me, status })
      expect(decision).toEqual({
        ok: false,
        reason: 'Only unreviewed claims can be deleted; research on this claim has already started.',
      })
    },
  )
})

describe('canAssignClaim', () => {
  test('a reporter may not assign claims, not even to themselves', () => {
    const decision = canAssignClaim({ role: Role.REPORTER, id: me }, { assigneeId: null }, me)
    expect(decision).toEqual({ ok: false, reason: 'Only fact-checkers, editors and admins can assign claims.' })
  })

  test('a fact-checker may take an unassigned claim', () => {
    expect(canAssignClaim({ role: Role.FACT_CHECKER, id: me }, { assigneeId: null }, me)).toEqual({ ok: true })
  })

  test('a fact-checker may not assign an unassigned claim to someone else', () => {
    const decision = canAssignClaim({ role: Role.FACT_CHECKER, id: me }, { assigneeId: null }, other)
    expect(decision).toEqual({
      ok: false,
      reason: 'You can only assign a claim to yourself. An editor can assign it to someone else.',
    })
  })

  test('a fact-checker may not take a claim someone else holds', () => {
    const decision = canAssignClaim({ role: Role.FACT_CHECKER, id: me }, { assigneeId: other }, me)
    expect(decision).toEqual({
      ok: false,
      reason: 'This claim is already assigned to someone else. An editor can reassign it.',
    })
  })

  test('a fact-checker is told when the claim is already theirs', () => {
    const decision = canAssignClaim({ role: Role.FACT_CHECKER, id: me }, { assigneeId: me }, me)
    expect(decision).toEqual({ ok: false, reason: 'This claim is already assigned to you.' })
  })

  test('a fact-checker may not unassign a claim', () => {
    const decision = canAssignClaim({ role: Role.FACT_CHECKER, id: me }, { assigneeId: me }, null)
    expect(decision.ok).toBe(false)
  })

  test.each(
    [Role.EDITOR, Role.ADMIN].flatMap((role) =>
      [null, me, other].flatMap((current) => [null, me, other, 'user-third'].map((next) => ({ role, current, next }))),
    ),
  )('$role may assign a claim held by $current to $next', ({ role, current, next }) => {
    expect(canAssignClaim({ role, id: me }, { assigneeId: current }, next)).toEqual({ ok: true })
  })
})
