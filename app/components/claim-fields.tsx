// The fields a person fills in about a claim, shared by the new-claim and edit forms.
import { MAX_TAG_LENGTH, MAX_TAGS } from '~/claims/tags'
import { ConformField, ConformTextareaField, type ConformFieldMeta } from './ui/conform-fields'

export type ClaimDetailsFieldsProps = {
  fields: { text: ConformFieldMeta; claimant: ConformFieldMeta; claimDate: ConformFieldMeta; tags: ConformFieldMeta }
  /** What an empty "claim" field falls back to, said in the hint. */
  textFallback?: string
}

export function ClaimDetailsFields({ fields, textFallback = 'the quote' }: ClaimDetailsFieldsProps) {
  return (
    <>
      <ConformTextareaField
        label="Claim, as a checkable statement"
        field={fields.text}
        hint={`Restate it so it can be checked on its own. Leave empty to use ${textFallback}.`}
        textareaProps={{ rows: 3 }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <ConformField
          label="Claimant"
          field={fields.claimant}
          hint="Who said it: a person or an organisation."
          autoComplete="off"
        />
        <ConformField
          label="Date of the claim"
          field={fields.claimDate}
          type="date"
          hint="Optional: when it was said or published."
        />
      </div>
      <ConformField
        label="Tags"
        field={fields.tags}
        hint={`Separate with commas, e.g. “prisoners, diplomacy”. Up to ${MAX_TAGS}, each up to ${MAX_TAG_LENGTH} characters.`}
        autoComplete="off"
      />
    </>
  )
}
