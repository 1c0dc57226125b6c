// The forms of the claim page's workflow (transitions, assignment, comments), shared by the page and
// its action. They check shape only; what a transition needs (a note, a source) is workflow.ts's rule.
import { z } from 'zod'
import { calendarDateField } from '~/utils/dates'
import { Verdict } from '~/generated/prisma/enums'

export const MAX_RATIONALE_LENGTH = 5_000
export const MAX_NOTE_LENGTH = 2_000
export const MAX_COMMENT_LENGTH = 5_000

const version = z.number({ error: 'Reload the page and try again.' }).int().min(1)

const note = z
  .string()
  .trim()
  .max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`)
  .optional()

export const startSchema = z.object({ intent: z.literal('start'), version })

export const proposeSchema = z.object({
  intent: z.literal('propose'),
  version,
  verdict: z.enum(Verdict, { error: 'Choose a verdict from the list.' }).optional(),
  rationale: z
    .string()
    .trim()
    .max(MAX_RATIONALE_LENGTH, `Keep the rationale under ${MAX_RATIONALE_LENGTH.toLocaleString('en')} characters.`)
    .optional(),
})

export const approveSchema = z.object({ intent: z.literal('approve'), version, note })
export const returnSchema = z.object({ intent: z.literal('return'), version, note })
export const reopenSchema = z.object({ intent: z.literal('reopen'), version, note })

export const TRANSITION_SCHEMAS = {
  start: startSchema,
  propose: proposeSchema,
  approve: approveSchema,
  return: returnSchema,
  reopen: reopenSchema,
} as const

const dueDate = calendarDateField('Enter a real due date as YYYY-MM-DD.')

export const assignSchema = z.object({
  intent: z.literal('assign'),
  version,
  /** Empty means nobody: the claim goes back to the pool. */
  assigneeId: z.string().trim().max(64).optional(),
  /** Only editors' form sends this field; taking a claim keeps its due date. */
  dueAt: dueDate.optional(),
  /** Present on the editors' form, so an emptied due date means "no due date" rather than "unchanged". */
  setDue: z.literal('on').optional(),
})

export type AssignInput = z.output<typeof assignSchema>

const commentBody = z
  .string({ error: 'Write a comment first.' })
  .trim()
  .min(1, 'Write a comment first.')
  .max(MAX_COMMENT_LENGTH, `Keep a comment under ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters.`)

export const commentSchema = z.object({ intent: z.literal('comment'), body: commentBody })

export const editCommentSchema = z.object({
  intent: z.literal('edit-comment'),
  commentId: z.string({ error: 'Reload the page and try again.' }).min(1),
  body: commentBody,
})
