// The article form's metadata fields, shared by intake and editing so both ask the same way.
// No maxLength on the inputs: a pasted value would be cut silently; the schema says what is too long.
import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { Field } from './ui/field'

// Conform's field metadata is generic over the whole form's shape; these fields work in any form that has them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TextField = FieldMetadata<any, any, string[]>

export type ArticleDetailsFieldsProps = {
  title: TextField
  outlet: TextField
  author: TextField
  publishedAt: TextField
  /** Given when the URL belongs with the details (editing); intake shows it beside the import button. */
  url?: TextField
}

export function ArticleDetailsFields({ title, outlet, author, publishedAt, url }: ArticleDetailsFieldsProps) {
  return (
    <div className="space-y-4">
      <Field
        label="Title"
        name={title.name}
        errors={title.errors}
        inputProps={{ ...getInputProps(title, { type: 'text' }) }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Outlet"
          name={outlet.name}
          hint="The newspaper, site or broadcaster."
          errors={outlet.errors}
          inputProps={{ ...getInputProps(outlet, { type: 'text' }) }}
        />
        <Field
          label="Author"
          name={author.name}
          hint="Who wrote it, as the byline says."
          errors={author.errors}
          inputProps={{ ...getInputProps(author, { type: 'text' }) }}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {url ? (
          <Field
            label="Web address"
            name={url.name}
            hint="Where the article was published."
            errors={url.errors}
            inputProps={{ ...getInputProps(url, { type: 'url' }), placeholder: 'https://' }}
          />
        ) : null}
        <Field
          label="Publication date"
          name={publishedAt.name}
          hint="The day it was published or broadcast."
          errors={publishedAt.errors}
          inputProps={{ ...getInputProps(publishedAt, { type: 'date' }), className: 'sm:max-w-56' }}
        />
      </div>
    </div>
  )
}
