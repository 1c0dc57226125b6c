// The fields a person fills in about a claim, shared by the new-claim and edit forms.
import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { MAX_TAG_LENGTH, MAX_TAGS } from '~/claims/tags'
import { Field, TextareaField } from './ui/field'

// Conform's field metadata is generic over the whole form's shape; these fields work in any form that has them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TextField = FieldMetadata<string | undefined, any, string[]>

export type ClaimDetailsFieldsProps = {
  fields: { text: TextField; claimant: TextField; claimDate: TextField; tags: TextField }
  /** What an empty "claim" field falls back to, said in the hint. */
  textFallback?: string
}

export function ClaimDetailsFields({ fields, textFallback = 'the quote' }: ClaimDetailsFieldsProps) {
  return (
    <>
      <TextareaField
        label="Claim, as a checkable statement"
        name={fields.text.name}
        errors={fields.text.errors}
        hint={`Restate it so it can be checked on its own. Leave empty to use ${textFallback}.`}
        textareaProps={{ ...getTextareaProps(fields.text), rows: 3 }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Claimant"
          name={fields.claimant.name}
          errors={fields.claimant.errors}
          hint="Who said it: a person or an organisation."
          inputProps={{ ...getInputProps(fields.claimant, { type: 'text' }), autoComplete: 'off' }}
        />
        <Field
          label="Date of the claim"
          name={fields.claimDate.name}
          errors={fields.claimDate.errors}
          hint="Optional: when it was said or published."
          inputProps={getInputProps(fields.claimDate, { type: 'date' })}
        />
      </div>
      <Field
        label="Tags"
        name={fields.tags.name}
        errors={fields.tags.errors}
        hint={`Separate with commas, e.g. “prisoners, diplomacy”. Up to ${MAX_TAGS}, each up to ${MAX_TAG_LENGTH} characters.`}
        inputProps={{ ...getInputProps(fields.tags, { type: 'text' }), autoComplete: 'off' }}
      />
    </>
  )
}
