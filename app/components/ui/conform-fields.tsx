// Fields bound to a Conform form: the field's metadata gives the control its name, its errors and its
// Conform props (id, defaultValue, constraints), so a form names each field once.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { ComponentProps, ReactNode } from 'react'
import { Field, SelectField, TextareaField, type ControlProps, type SelectFieldProps } from './field'

// Conform's field metadata is generic over the whole form's shape; these fields work in any form that has them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConformFieldMeta = FieldMetadata<any, any, string[]>

type Bound = {
  field: ConformFieldMeta
  label: ReactNode
  hint?: ReactNode
  className?: string
}

type TextType = 'text' | 'email' | 'password' | 'url' | 'date' | 'search' | 'tel' | 'number' | 'file'

/** What a form says about one input besides its Conform props: autoComplete, placeholder, inputMode… */
type InputAttributes = Omit<ComponentProps<'input'>, 'name' | 'type' | 'id' | 'className' | 'children'>

export type ConformFieldProps = Bound & { type?: TextType; inputClassName?: string } & (
    | (InputAttributes & { children?: never })
    | {
        /** Render the control yourself (an input with a button beside it): spread the props onto it. */
        children: (input: ReturnType<typeof getInputProps> & ControlProps) => ReactNode
      }
  )

/** A labelled input for a Conform field; other props (autoComplete, placeholder) go to the input. */
export function ConformField({
  field,
  label,
  hint,
  className,
  type = 'text',
  inputClassName,
  children,
  ...attributes
}: ConformFieldProps) {
  const conform = getInputProps(field, { type })
  const frame = { label, hint, className, name: field.name, errors: field.errors }
  if (children) return <Field {...frame}>{(control) => children({ ...conform, ...control })}</Field>
  return <Field {...frame} inputProps={{ ...conform, ...attributes, className: inputClassName }} />
}

export type ConformTextareaFieldProps = Bound & {
  textareaProps?: Omit<ComponentProps<'textarea'>, 'name' | 'id'>
}

export function ConformTextareaField({ field, textareaProps, ...rest }: ConformTextareaFieldProps) {
  return (
    <TextareaField
      {...rest}
      name={field.name}
      errors={field.errors}
      textareaProps={{ ...getTextareaProps(field), ...textareaProps }}
    />
  )
}

export type ConformSelectFieldProps = Bound & Pick<SelectFieldProps, 'options' | 'placeholder'>

export function ConformSelectField({ field, ...rest }: ConformSelectFieldProps) {
  return <SelectField {...rest} name={field.name} errors={field.errors} selectProps={getSelectProps(field)} />
}
