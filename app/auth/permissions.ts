// The permission table of DESIGN.md as data, plus the ownership and status rules the table's
// notes add. Pure: callers pass plain values, so loaders, actions and the UI all share one answer.
import type { ClaimActor } from '~/claims/writes'
import { ClaimStatus, Role } from '~/generated/prisma/enums'

export type Permission =
  | 'dashboard:view'
  | 'article:view'
  | 'claim:view'
  | 'source:view'
  | 'article:create'
  | 'claim:create'
  | 'source:attach'
  | 'comment:create'
  | 'article:edit'
  | 'claim:edit'
  | 'claim:delete'
  | 'claim:research'
  | 'claim:propose'
  | 'claim:assign'
  | 'claim:approve'
  | 'claim:return'
  | 'claim:reopen'
  | 'source:rate'
  | 'export:run'
  | 'user:manage'
  | 'settings:edit'
  | 'report:publish'

/** 'own': only on what the user created (or, for claim:assign, see `scope`). */
export type Grant = 'all' | 'own' | 'none'

/** A fact-checker may assign a claim only to themselves, and only while nobody holds it. */
export type GrantScope = 'self-unassigned'

export type PermissionRule = { readonly [R in Role]: Grant } & {
  readonly scope?: { readonly [R in Role]?: GrantScope }
  /** Statuses in which the permission can be used at all, whatever the role. */
  readonly onlyWhile?: readonly ClaimStatus[]
}

const EVERYONE = { REPORTER: 'all', FACT_CHECKER: 'all', EDITOR: 'all', ADMIN: 'all' } as const
const CHECKERS = { REPORTER: 'none', FACT_CHECKER: 'all', EDITOR: 'all', ADMIN: 'all' } as const
const EDITORS = { REPORTER: 'none', FACT_CHECKER: 'none', EDITOR: 'all', ADMIN: 'all' } as const
const ADMINS = { REPORTER: 'none', FACT_CHECKER: 'none', EDITOR: 'none', ADMIN: 'all' } as const

export const PERMISSIONS: { readonly [P in Permission]: PermissionRule } = {
  'dashboard:view': EVERYONE,
  'article:view': EVERYONE,
  'claim:view': EVERYONE,
  'source:view': EVERYONE,
  'article:create': EVERYONE,
  'claim:create': EVERYONE,
  'source:attach': EVERYONE,
  'comment:create': EVERYONE,
  'article:edit': { REPORTER: 'own', FACT_CHECKER: 'own', EDITOR: 'all', ADMIN: 'all' },
  'claim:edit': {
    REPORTER: 'own',
    FACT_CHECKER: 'all',
    EDITOR: 'all',
    ADMIN: 'all',
    // A claim under review or approved is frozen so the reviewer approves what they read.
    onlyWhile: [ClaimStatus.UNREVIEWED, ClaimStatus.IN_RESEARCH],
  },
  'claim:delete': {
    REPORTER: 'own',
    FACT_CHECKER: 'own',
    EDITOR: 'all',
    ADMIN: 'all',
    onlyWhile: [ClaimStatus.UNREVIEWED],
  },
  'claim:research': CHECKERS,
  'claim:propose': CHECKERS,
  'claim:assign': {
    REPORTER: 'none',
    FACT_CHECKER: 'own',
    EDITOR: 'all',
    ADMIN: 'all',
    scope: { FACT_CHECKER: 'self-unassigned' },
  },
  'claim:approve': EDITORS,
  'claim:return': EDITORS,
  'claim:reopen': EDITORS,
  'source:rate': EDITORS,
  'export:run': EDITORS,
  'user:manage': ADMINS,
  'settings:edit': ADMINS,
  'report:publish': EDITORS,
}

export const ROLE_LABELS: { readonly [R in Role]: string } = {
  REPORTER: 'Reporter',
  FACT_CHECKER: 'Fact-checker',
  EDITOR: 'Editor',
  ADMIN: 'Admin',
}

const ROLES_IN_ORDER: readonly Role[] = [Role.REPORTER, Role.FACT_CHECKER, Role.EDITOR, Role.ADMIN]

export function grantOf(role: Role, permission: Permission): Grant {
  return PERMISSIONS[permission][role]
}

/** True when the role holds the permission in any form, 'own' included. */
export function can(role: Role, permission: Permission): boolean {
  return grantOf(role, permission) !== 'none'
}

/** "editors and admins": for messages that tell a person who could do it instead. */
export function rolesThatCan(permission: Permission): string {
  const names = ROLES_IN_ORDER.filter((role) => can(role, permission)).map(
    (role) => `${ROLE_LABELS[role].toLowerCase()}s`,
  )
  if (names.length <= 1) return names[0] ?? 'nobody'
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export type Decision = { ok: true } | { ok: false; reason: string }

const ALLOWED: Decision = { ok: true }

function refuse(reason: string): Decision {
  return { ok: false, reason }
}

export function canEditArticle(
  user: ClaimActor,
  article: { createdById: string; hasClaims: boolean; changesBody: boolean },
): Decision {
  const grant = grantOf(user.role, 'article:edit')
  if (grant === 'none') return refuse(`Only ${rolesThatCan('article:edit')} can edit articles.`)
  if (grant === 'own' && article.createdById !== user.id) {
    return refuse('You can only edit articles you added yourself.')
  }
  // Claims point into the body by offset; changing the text would move every quote.
  if (article.hasClaims && article.changesBody) {
    return refuse(
      'The article text can no longer change because claims have been marked in it. You can still edit its title, outlet, author, link and date.',
    )
  }
  return ALLOWED
}

type ClaimOwnership = { createdById: string; status: ClaimStatus }

/** The role, then ownership where the role only grants it for one's own claims, then the status the rule allows. */
function claimDecision(
  user: ClaimActor,
  claim: ClaimOwnership,
  permission: 'claim:edit' | 'claim:delete',
  doWhat: 'edit' | 'delete',
  wrongStatus: (status: ClaimStatus) => string,
): Decision {
  const grant = grantOf(user.role, permission)
  if (grant === 'none') return refuse(`Only ${rolesThatCan(permission)} can ${doWhat} claims.`)
  if (grant === 'own' && claim.createdById !== user.id)
    return refuse(`You can only ${doWhat} claims you added yourself.`)
  if (!PERMISSIONS[permission].onlyWhile?.includes(claim.status)) return refuse(wrongStatus(claim.status))
  return ALLOWED
}

export function canEditClaim(user: ClaimActor, claim: ClaimOwnership): Decision {
  return claimDecision(user, claim, 'claim:edit', 'edit', (status) =>
    status === ClaimStatus.APPROVED
      ? 'This claim is approved and cannot be edited. An editor can reopen it first.'
      : 'This claim is waiting for review and cannot be edited. An editor can return it to research first.',
  )
}

export function canDeleteClaim(user: ClaimActor, claim: ClaimOwnership): Decision {
  // Once research has started the claim carries work and an audit trail worth keeping.
  return claimDecision(
    user,
    claim,
    'claim:delete',
    'delete',
    () => 'Only unreviewed claims can be deleted; research on this claim has already started.',
  )
}

/** `assigneeId` null means taking the claim off whoever holds it. */
export function canAssignClaim(
  user: ClaimActor,
  claim: { assigneeId: string | null },
  assigneeId: string | null,
): Decision {
  const grant = grantOf(user.role, 'claim:assign')
  if (grant === 'none') return refuse(`Only ${rolesThatCan('claim:assign')} can assign claims.`)
  if (PERMISSIONS['claim:assign'].scope?.[user.role] === 'self-unassigned') {
    if (assigneeId !== user.id) {
      return refuse('You can only assign a claim to yourself. An editor can assign it to someone else.')
    }
    if (claim.assigneeId === user.id) return refuse('This claim is already assigned to you.')
    if (claim.assigneeId !== null) {
      return refuse('This claim is already assigned to someone else. An editor can reassign it.')
    }
  }
  return ALLOWED
}
