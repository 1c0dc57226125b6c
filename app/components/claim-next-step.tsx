// What a claim needs next and who can do it, in one sentence, from the same workflow rules the
// action checks (workflow.ts). It sits at the top of the claim panel and stays in view while it scrolls.
import { can, rolesThatCan } from '~/auth/permissions'
import { TRANSITIONS, type WorkflowAction } from '~/claims/workflow'
import type { ClaimStatus, Role } from '~/generated/prisma/enums'
import { cx } from './ui/cx'

export type NextStepFacts = {
  status: ClaimStatus
  sourceCount: number
  /** The workflow steps open to this user now (allowedActions). */
  actions: readonly WorkflowAction[]
  role: Role
}

export type NextStep = {
  /** What the claim needs, or what it waits for. */
  need: string
  /** Who can do it: "you", or the roles. */
  who: string
  /** Whether the step is this user's to take. */
  yours: boolean
  /** The key that starts it in the workspace, when there is one. */
  shortcut?: { key: string; label: string }
}

const rolesFor = (action: WorkflowAction) => rolesThatCan(TRANSITIONS[action].permission)

export function nextStepOf({ status, sourceCount, actions, role }: NextStepFacts): NextStep {
  if (status === 'UNREVIEWED') {
    const yours = actions.includes('start')
    return {
      need: 'Needs someone to start research.',
      who: yours ? 'You can start it.' : `Only ${rolesFor('start')} can start it.`,
      yours,
      shortcut: yours ? { key: 's', label: 'start research' } : undefined,
    }
  }
  if (status === 'IN_RESEARCH') {
    const yours = actions.includes('propose')
    if (sourceCount === 0) {
      return {
        need: 'Needs a source before a verdict can be proposed.',
        who: yours
          ? 'Attach one, then propose a verdict.'
          : `Anyone on the desk can attach one; ${rolesFor('propose')} propose the verdict.`,
        yours: can(role, 'source:attach'),
        shortcut: can(role, 'source:attach') ? { key: 'a', label: 'attach a source' } : undefined,
      }
    }
    return {
      need: 'Needs a verdict and a rationale, sent for an editor’s review.',
      who: yours ? 'You can propose it.' : `Only ${rolesFor('propose')} can propose a verdict.`,
      yours,
    }
  }
  if (status === 'NEEDS_REVIEW') {
    if (actions.includes('approve')) {
      return { need: 'Waiting for your review.', who: 'Approve the verdict, or return it with a note.', yours: true }
    }
    // An editor who may approve but is not offered it proposed the verdict: the four-eyes rule.
    if (can(role, 'claim:approve')) {
      return {
        need: 'Waiting for an editor other than you.',
        who: 'You proposed this verdict, so someone else decides on it.',
        yours: false,
      }
    }
    return { need: 'Waiting for an editor’s review.', who: `Only ${rolesFor('approve')} can approve it.`, yours: false }
  }
  return {
    need: 'Done: the verdict is approved and counts towards the article’s credibility.',
    who: actions.includes('reopen') ? 'You can reopen it with a note.' : `Only ${rolesFor('reopen')} can reopen it.`,
    yours: false,
  }
}

export function ClaimNextStep({ step, className }: { step: NextStep; className?: string }) {
  return (
    <div
      data-testid="next-step-bar"
      className={cx(
        'flex flex-wrap items-baseline gap-x-2 gap-y-0.5 border-l-4 px-3 py-2 text-sm',
        step.yours ? 'border-l-brand bg-brand-soft text-brand-dark' : 'border-l-paper-line bg-paper-sunk text-ink',
        className,
      )}
    >
      <p className="font-semibold">{step.need}</p>
      <p className={step.yours ? '' : 'text-ink-muted'}>{step.who}</p>
      {step.shortcut ? (
        <p className="text-xs text-ink-muted">
          Press <kbd className="kbd">{step.shortcut.key}</kbd> to {step.shortcut.label}.
        </p>
      ) : null}
    </div>
  )
}
