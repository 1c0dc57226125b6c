// The article forms' schemas, shared by the browser (Conform) and the actions, so a reporter sees
// the same message with or without JavaScript. No server-only imports: this file ships to the browser.
import { z } from 'zod'
import { calendarDateField } from '~/utils/dates'
import { normaliseArticleText } from './normalise.ts'

export const TITLE_MAX = 300
export const NAME_MAX = 200
export const URL_MAX = 2048
export const BODY_MAX = 200_000
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024
export const UPLOAD_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm']

const count = new Intl.NumberFormat('en-GB')

/** http(s) with a host: anything else (javascript:, file:, mailto:) must never become a link on the article page. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** A day counts as "in the future" only past tomorrow (UTC), so a story dated in a later time zone still passes. */
function isNotInFuture(value: string): boolean {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
  return value <= tomorrow
}

const TITLE_REQUIRED = 'Give the article a title.'
const BODY_REQUIRED = 'Paste the article text, upload a file or import it from its web address.'

const title = z
  .string({ error: TITLE_REQUIRED })
  .trim()
  .min(1, TITLE_REQUIRED)
  .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters or fewer.`)

const name = (what: string) =>
  z.string().trim().max(NAME_MAX, `Keep the ${what} to ${NAME_MAX} characters or fewer.`).default('')

const webAddress = (required?: string) =>
  z
    .string(required ? { error: required } : undefined)
    .trim()
    .max(URL_MAX, `That address is longer than ${count.format(URL_MAX)} characters.`)
    .refine(isWebAddress, 'Enter a web address that starts with http:// or https://.')

const publicationDate = calendarDateField('Enter a real date, for example 2024-12-01.').refine(
  isNotInFuture,
  'The publication date cannot be in the future.',
)

/** The body as it will be stored: normalised first, so the limit counts what claims will quote. */
export const articleBodySchema = z
  .string({ error: BODY_REQUIRED })
  .transform(normaliseArticleText)
  .pipe(
    // Conform reads an empty string here as missing, hence the message on the type as well.
    z
      .string({ error: BODY_REQUIRED })
      .min(1, BODY_REQUIRED)
      .max(BODY_MAX, {
        error: (issue) =>
          `The text is ${count.format(String(issue.input).length)} characters long; an article can have at most ${count.format(BODY_MAX)}.`,
      }),
  )

const articleFile = z
  .file({ error: 'Choose a .txt, .md or .html file to read.' })
  .max(UPLOAD_MAX_BYTES, 'That file is larger than 2 MB. Upload a smaller file or paste the text instead.')
  .refine(
    (file) => UPLOAD_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension)),
    'Upload a .txt, .md or .html file.',
  )

const articleFields = {
  title,
  outlet: name('outlet'),
  author: name('author'),
  url: webAddress().optional(),
  publishedAt: publicationDate.optional(),
}

// On import and upload the other fields are only carried along to be given back; they are checked on save.
const carried = {
  title: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  publishedAt: z.string().optional(),
  body: z.string().optional(),
}

export const INTAKE_INTENTS = ['save', 'import', 'upload'] as const
export type IntakeIntent = (typeof INTAKE_INTENTS)[number]

/**
 * The intake form has three buttons: save the article, fetch it from its URL, or read a file.
 * Import and upload fill the form in for review; only save writes anything.
 */
export const articleIntakeSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save'), ...articleFields, body: articleBodySchema }),
  z.object({
    intent: z.literal('import'),
    ...carried,
    url: webAddress('Enter the web address of the article to import.'),
  }),
  z.object({ intent: z.literal('upload'), ...carried, url: z.string().optional(), file: articleFile }),
])

export type ArticleIntake = z.infer<typeof articleIntakeSchema>
export type NewArticle = Extract<ArticleIntake, { intent: 'save' }>

function hasFile(value: FormDataEntryValue | null): value is File {
  return typeof value === 'object' && value !== null && (value.size > 0 || value.name !== '')
}

/**
 * The intent a submission really carries. A chosen file is always read into the form for review
 * first, even when the reporter pressed Save: saving it unseen could store a page's navigation as
 * the article. Used on both sides so the browser validates what the server will do.
 */
export function intakeIntent(formData: FormData): IntakeIntent {
  const intent = formData.get('intent')
  if (intent === 'import') return 'import'
  if (intent === 'upload' || hasFile(formData.get('file'))) return 'upload'
  return 'save'
}

/** A copy of the form data with its `intent` set to `intakeIntent(formData)`. */
export function withIntakeIntent(formData: FormData): FormData {
  const copy = new FormData()
  for (const [key, value] of formData) if (key !== 'intent') copy.append(key, value)
  copy.set('intent', intakeIntent(formData))
  return copy
}

/**
 * Editing: metadata always; the body only while no claim points into it. When it is locked the
 * textarea is disabled and sends nothing, and a body sent anyway is checked against the stored one.
 * `seenUpdatedAt` is the version the editor loaded, so a concurrent edit is not overwritten.
 */
export function articleEditSchema({ bodyLocked }: { bodyLocked: boolean }) {
  return z.object({
    ...articleFields,
    body: bodyLocked ? articleBodySchema.optional() : articleBodySchema,
    seenUpdatedAt: z.string({ error: 'Reload the page and make your changes again.' }),
  })
}

export type ArticleEdit = z.infer<ReturnType<typeof articleEditSchema>>
