// Keeps what a person types in a claim form as a draft in this browser (see app/claims/drafts.ts), gives
// it back after a reload or a new sign-in, and lets it go only when the form was accepted or the person
// discards it. A refusal (400, 409), an expired session sending them to the login page, or an error page
// keeps it.
import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigation } from 'react-router'
import { clearDraft, differsFrom, readDraft, saveDraft, type DraftValues } from '~/claims/drafts'
import { Button } from './ui/button'

/** Where the server sends a request it did not act on: the draft was not sent. */
const NOT_SENT_PATHS = ['/login', '/account']

export type FormDraftOptions = {
  /** From draftKey(); the user, the claim and the form. */
  storageKey: string
  /** The id of the <form> element. */
  formId: string
  /** The fields a person types in: there is a draft while one of them differs from what the form showed. */
  fields: readonly string[]
  /** Hidden fields kept and given back with the draft (the version and values the user started from). */
  carry?: readonly string[]
  /** Whether a submission's form data is this form's. */
  isMine: (formData: FormData) => boolean
  /** True while the page shows a refusal of this form. */
  refused: boolean
  /** Runs once the form was accepted, after the draft is cleared. */
  onSent?: () => void
}

export type FormDraft = { kept: boolean; restored: boolean; discard: () => void }

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function formElement(formId: string): HTMLFormElement | null {
  const element = document.getElementById(formId)
  return element instanceof HTMLFormElement ? element : null
}

function snapshot(form: HTMLFormElement, names: readonly string[]): DraftValues {
  const data = new FormData(form)
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '')]))
}

function fill(form: HTMLFormElement, values: DraftValues, names: readonly string[]) {
  for (const name of names) {
    const element = form.elements.namedItem(name)
    const value = values[name]
    if (
      value === undefined ||
      !(
        element instanceof HTMLInputElement ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement
      )
    ) {
      continue
    }
    element.value = value
    // Conform follows the form's values through input events.
    element.dispatchEvent(new Event('input', { bubbles: true }))
  }
}

/**
 * Calls onAccepted once the server accepted a submission of the form: it answered with a redirect to
 * another page (not the login page), or the page came back without a refusal of this form.
 */
export function useAcceptedSubmission({
  isMine,
  refused,
  onAccepted,
}: {
  isMine: (formData: FormData) => boolean
  refused: (formData: FormData) => boolean
  onAccepted: (formData: FormData, leaving: boolean) => void
}) {
  const navigation = useNavigation()
  const location = useLocation()
  const sending = useRef<FormData | null>(null)
  const latest = useRef({ isMine, refused, onAccepted })
  latest.current = { isMine, refused, onAccepted }
  useEffect(() => {
    // A submission is seen while it is sent or while the page reloads after it. The router's state changes
    // are transitions, so on a busy machine React may render only the second of the two.
    if (navigation.state !== 'idle' && navigation.formData) {
      sending.current = latest.current.isMine(navigation.formData) ? navigation.formData : null
    }
    const sent = sending.current
    if (!sent) return
    if (navigation.state === 'loading' && navigation.location.pathname !== location.pathname) {
      sending.current = null
      if (!NOT_SENT_PATHS.includes(navigation.location.pathname)) latest.current.onAccepted(sent, true)
    } else if (navigation.state === 'idle') {
      sending.current = null
      if (!latest.current.refused(sent)) latest.current.onAccepted(sent, false)
    }
    // The form data is read only when the navigation's state moves on; it changes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigation.state, navigation.location?.pathname, location.pathname])
}

export function useFormDraft({
  storageKey,
  formId,
  fields,
  carry = [],
  isMine,
  refused,
  onSent,
}: FormDraftOptions): FormDraft {
  const [kept, setKept] = useState(false)
  const [restored, setRestored] = useState(false)
  const start = useRef<DraftValues>({})
  const latest = useRef({ fields, names: [...fields, ...carry], isMine, refused, onSent })
  latest.current = { fields, names: [...fields, ...carry], isMine, refused, onSent }

  useEffect(() => {
    const store = storage()
    const form = formElement(formId)
    if (!store || !form) return
    const { fields, names } = latest.current
    start.current = snapshot(form, names)
    const stored = readDraft(store, storageKey)
    if (stored && differsFrom(stored, start.current, fields)) {
      fill(form, stored, names)
      setKept(true)
      setRestored(true)
    } else if (stored) {
      clearDraft(store, storageKey)
    }
    const save = (event: Event) => {
      const target = event.target as { form?: HTMLFormElement | null } | null
      if (target?.form?.id !== formId) return
      const { fields, names } = latest.current
      setKept(saveDraft(store, storageKey, snapshot(target.form, names), start.current, fields))
    }
    document.addEventListener('input', save)
    document.addEventListener('change', save)
    return () => {
      document.removeEventListener('input', save)
      document.removeEventListener('change', save)
    }
  }, [storageKey, formId])

  const forget = (reset: boolean) => {
    const store = storage()
    if (store) clearDraft(store, storageKey)
    setKept(false)
    setRestored(false)
    const form = formElement(formId)
    if (!reset || !form) return
    form.reset()
    // Hidden fields have no default of their own to go back to.
    fill(form, start.current, carry)
  }

  useAcceptedSubmission({
    isMine: (formData) => latest.current.isMine(formData),
    refused: () => latest.current.refused,
    onAccepted: (_formData, leaving) => {
      forget(!leaving)
      latest.current.onSent?.()
    },
  })

  return { kept, restored, discard: () => forget(true) }
}

/** Says that a draft is kept, and offers to discard it. */
export function DraftNotice({ draft, what }: { draft: FormDraft; what: string }) {
  if (!draft.kept) return null
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-muted">
      <p role="status">
        {draft.restored ? 'Your unsent draft is back. ' : 'Draft saved on this device. '}
        It stays until you send it or discard it.
      </p>
      <Button
        size="sm"
        variant="ghost"
        onClick={draft.discard}
        aria-label={`Discard draft ${what}`}
        className="underline"
      >
        Discard draft
      </Button>
    </div>
  )
}
