// Labelled form controls. Each control is tied to its hint and errors with aria-describedby and
// flagged with aria-invalid, so a screen reader hears the problem when it reaches the field.
import { useId, type ComponentProps, type ReactNode } from 'react'
import { cx } from './cx'

export type FieldErrors = string[] | undefined | null

const LABEL = 'block text-sm font-medium text-ink'
const HINT = 'text-sm text-ink-muted'
/**
 * The look of every text control (app.css's `.control`); exported for controls laid out outside a Field
 * (search boxes, inline inputs). Utilities given beside it win where the two disagree.
 */
export const CONTROL = 'control'

/** The props a custom control needs to join a Field: pass them straight to the element. */
export type ControlProps = {
  id: string
  name: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

type FieldBase = {
  label: ReactNode
  name: string
  /** Defaults to a generated id; set it when a test or a link needs to find the control. */
  id?: string
  hint?: ReactNode
  errors?: FieldErrors
  className?: string
}

function hasErrors(errors: FieldErrors): errors is string[] {
  return Array.isArray(errors) && errors.length > 0
}

function useControl(name: string, ...ids: Array<string | undefined>) {
  const generated = useId()
  const id = ids.find((candidate) => candidate) ?? `${generated}${name}`
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` }
}

function controlProps(
  { id, hintId, errorId }: ReturnType<typeof useControl>,
  name: string,
  hint: ReactNode,
  errors: FieldErrors,
): ControlProps {
  const invalid = hasErrors(errors)
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ')
  return {
    id,
    name,
    // Ours win over any aria-describedby passed in (Conform's points at elements we do not render).
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy || undefined,
  }
}

/** Field errors, each read out as "Error: …". Renders nothing when there are none. */
export function ErrorList({ id, errors, className }: { id?: string; errors?: FieldErrors; className?: string }) {
  if (!hasErrors(errors)) return null
  return (
    <ul id={id} className={cx('space-y-0.5 text-sm font-medium text-red-700', className)}>
      {errors.map((error, index) => (
        <li key={`${index}:${error}`}>
          <span className="sr-only">Error: </span>
          {error}
        </li>
      ))}
    </ul>
  )
}

/** A problem with the whole form (stale version, permission), shown above or below its fields. */
export function FormError({
  errors,
  title = 'This could not be saved',
  id,
  className,
}: {
  errors?: FieldErrors | string
  title?: ReactNode
  id?: string
  className?: string
}) {
  const messages = typeof errors === 'string' ? [errors] : hasErrors(errors) ? errors : []
  if (messages.length === 0) return null
  return (
    <div
      id={id}
      role="alert"
      className={cx(
        'rounded-md border border-red-300 border-l-4 border-l-red-700 bg-red-50 px-4 py-3 text-sm text-red-900',
        className,
      )}
    >
      <p className="font-semibold">{title}</p>
      {messages.length === 1 ? (
        <p className="mt-1">{messages[0]}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {messages.map((message, index) => (
            <li key={`${index}:${message}`}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null
  return (
    <p id={id} className={HINT}>
      {children}
    </p>
  )
}

/** The label above a control, its hint and its errors: the frame every stacked field shares. */
function Labelled({
  ids,
  label,
  hint,
  errors,
  className,
  children,
}: Pick<FieldBase, 'label' | 'hint' | 'errors' | 'className'> & {
  ids: ReturnType<typeof useControl>
  children: ReactNode
}) {
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={ids.id} className={LABEL}>
        {label}
      </label>
      <Hint id={ids.hintId}>{hint}</Hint>
      {children}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export type FieldProps = FieldBase &
  (
    | { inputProps?: Omit<ComponentProps<'input'>, 'name'>; children?: never }
    | {
        /** Render a custom control; give it the props so the label, hint and errors point at it. */
        children: (control: ControlProps) => ReactNode
        inputProps?: never
      }
  )

/** A labelled text input (any `type` other than checkbox), or a custom control via `children`. */
export function Field({ label, name, id, hint, errors, className, inputProps, children }: FieldProps) {
  const ids = useControl(name, id, inputProps?.id)
  const control = controlProps(ids, name, hint, errors)
  return (
    <Labelled ids={ids} label={label} hint={hint} errors={errors} className={className}>
      {children ? (
        children(control)
      ) : (
        <input type="text" {...inputProps} {...control} className={cx(CONTROL, inputProps?.className)} />
      )}
    </Labelled>
  )
}

export type TextareaFieldProps = FieldBase & { textareaProps?: Omit<ComponentProps<'textarea'>, 'name'> }

export function TextareaField({ label, name, id, hint, errors, className, textareaProps }: TextareaFieldProps) {
  const ids = useControl(name, id, textareaProps?.id)
  const control = controlProps(ids, name, hint, errors)
  return (
    <Labelled ids={ids} label={label} hint={hint} errors={errors} className={className}>
      <textarea
        rows={4}
        {...textareaProps}
        {...control}
        className={cx(CONTROL, 'leading-relaxed', textareaProps?.className)}
      />
    </Labelled>
  )
}

export type SelectOption = { value: string; label: string; disabled?: boolean }

export type SelectFieldProps = FieldBase & {
  options: readonly SelectOption[]
  /** A first, empty option such as "Choose a verdict…"; submitting it sends "". */
  placeholder?: string
  selectProps?: Omit<ComponentProps<'select'>, 'name' | 'children'>
}

export function SelectField({
  label,
  name,
  id,
  hint,
  errors,
  className,
  options,
  placeholder,
  selectProps,
}: SelectFieldProps) {
  const ids = useControl(name, id, selectProps?.id)
  const control = controlProps(ids, name, hint, errors)
  return (
    <Labelled ids={ids} label={label} hint={hint} errors={errors} className={className}>
      <div className="relative">
        <select
          {...selectProps}
          {...control}
          className={cx(CONTROL, 'cursor-pointer appearance-none pr-9', selectProps?.className)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
        <svg
          viewBox="0 0 16 16"
          aria-hidden="true"
          focusable="false"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-ink-muted"
        >
          <path
            d="m4 6 4 4 4-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </div>
    </Labelled>
  )
}

export type CheckboxFieldProps = FieldBase & { inputProps?: Omit<ComponentProps<'input'>, 'name' | 'type'> }

/** A checkbox with its label beside it; the whole label is the click target. */
export function CheckboxField({ label, name, id, hint, errors, className, inputProps }: CheckboxFieldProps) {
  const ids = useControl(name, id, inputProps?.id)
  const control = controlProps(ids, name, hint, errors)
  return (
    <div className={cx('space-y-1', className)}>
      <div className="flex items-start gap-2.5">
        <input
          type="checkbox"
          {...inputProps}
          {...control}
          className={cx(
            'mt-0.5 size-4 shrink-0 cursor-pointer rounded border-paper-line accent-brand disabled:cursor-not-allowed',
            inputProps?.className,
          )}
        />
        <div className="space-y-0.5">
          <label htmlFor={ids.id} className="cursor-pointer text-sm font-medium text-ink">
            {label}
          </label>
          <Hint id={ids.hintId}>{hint}</Hint>
        </div>
      </div>
      <ErrorList id={ids.errorId} errors={errors} className="pl-6.5" />
    </div>
  )
}

export type CompactSelectProps = Omit<ComponentProps<'select'>, 'children'> & { options: readonly SelectOption[] }

/** A small select in a row's own form (a user's role, a source's rating); the caller labels it. */
export function CompactSelect({ options, className, ...props }: CompactSelectProps) {
  return (
    <select {...props} className={cx('rounded-md border border-paper-line bg-paper px-2 py-1 text-sm', className)}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
}
