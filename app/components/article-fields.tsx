// The article form's cards, shared by intake and editing so both ask the same way and look alike.
// No maxLength on the inputs: a pasted value would be cut silently; the schema says what is too long.
import { Button, ButtonLink } from './ui/button'
import { Card, CardHeader } from './ui/card'
import { ConformField, ConformTextareaField, type ConformFieldMeta } from './ui/conform-fields'
import { TextareaField } from './ui/field'

export type ArticleDetailsCardProps = {
  fields: Record<'title' | 'outlet' | 'author' | 'publishedAt' | 'url', ConformFieldMeta>
  /** Editing shows the web address with the details; intake shows it beside the import button instead. */
  withUrl?: boolean
}

export function ArticleDetailsCard({ fields, withUrl = false }: ArticleDetailsCardProps) {
  const { title, outlet, author, publishedAt, url } = fields
  return (
    <Card>
      <CardHeader title="Details" />
      <div className="space-y-4">
        <ConformField label="Title" field={title} />
        <div className="grid gap-4 sm:grid-cols-2">
          <ConformField label="Outlet" field={outlet} hint="The newspaper, site or broadcaster." />
          <ConformField label="Author" field={author} hint="Who wrote it, as the byline says." />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {withUrl ? (
            <ConformField
              label="Web address"
              field={url}
              type="url"
              hint="Where the article was published."
              placeholder="https://"
            />
          ) : null}
          <ConformField
            label="Publication date"
            field={publishedAt}
            type="date"
            hint="The day it was published or broadcast."
            inputClassName="sm:max-w-56"
          />
        </div>
      </div>
    </Card>
  )
}

const BODY_LOOK = { rows: 18, className: 'font-serif' }

export type ArticleTextCardProps = {
  body: ConformFieldMeta
  hint: string
  /** The saved text, when claims quote it and it can no longer change: shown, disabled, and never sent. */
  lockedText?: string
}

export function ArticleTextCard({ body, hint, lockedText }: ArticleTextCardProps) {
  return (
    <Card>
      <CardHeader title="Article text" />
      {lockedText === undefined ? (
        <ConformTextareaField label="Text" field={body} hint={hint} textareaProps={BODY_LOOK} />
      ) : (
        <TextareaField
          label="Text"
          name="body"
          hint={hint}
          errors={body.errors}
          textareaProps={{ ...BODY_LOOK, defaultValue: lockedText, disabled: true }}
        />
      )}
    </Card>
  )
}

export type ArticleFormFooterProps = {
  cancelTo: string
  saveLabel: string
  saving: boolean
  disabled: boolean
  /** The `intent` the save button sends, on a form whose other buttons send their own. */
  intent?: string
}

/** Cancel and Save, at the right on a wide screen and with Save on top on a phone. */
export function ArticleFormFooter({ cancelTo, saveLabel, saving, disabled, intent }: ArticleFormFooterProps) {
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <ButtonLink to={cancelTo} variant="ghost">
        Cancel
      </ButtonLink>
      <Button type="submit" name={intent ? 'intent' : undefined} value={intent} variant="primary" disabled={disabled}>
        {saving ? 'Saving…' : saveLabel}
      </Button>
    </div>
  )
}
