// The article body as readable text with every claim marked: in its status colour while the work goes on,
// in its verdict's colour once approved. Each claim's number names its verdict too ("Misleading", or
// "Draft: Misleading" before approval), so colour is never the only sign. Overlapping claims nest (each
// adds its own tint and underline), so a stretch inside two claims reads darker and shows both.
// Selecting text offers "Add claim"; offsets are counted in the body's text, whatever marks split it.
// Highlights are not links themselves: Chromium will not start a text selection on a link, and marking
// a phrase inside an existing claim is everyday work. Each claim's number after its text is the link
// (the keyboard's way in); a click on the words opens the claim too. The marks use the short classes of
// app.css (.hl, .cm): an article can carry hundreds of them.
import { useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react'
import { Link, useNavigate } from 'react-router'
import { STATUS_LABELS } from '~/claims/workflow'
import { segmentBody, trimSpan, type Span } from '~/claims/quotes'
import { verdictShownAs, verdictStanding } from '~/claims/verdicts'
import type { ClaimStatus, Verdict } from '~/generated/prisma/enums'
import { STATUS_STYLES } from './status-badge'
import { buttonClasses } from './ui/button'
import { cx } from './ui/cx'
import { escapeHtml } from '~/utils/html'
import { VERDICT_STYLES } from './verdict-badge'

export type HighlightedClaim = Span & {
  id: string
  /** The claim's number in the side list (body order), so text and list name it alike. */
  number: number
  status: ClaimStatus
  verdict: Verdict | null
}

export type ArticleHighlighterProps = {
  body: string
  claims: readonly HighlightedClaim[]
  /** Where a claim opens (its number links there, and a click on its words goes there). */
  hrefOf: (claimId: string) => string
  /** The claim open beside the text, outlined. */
  selectedId?: string | null
  /** Where "Add claim" goes for a selected span; leave out when the user may not add claims. */
  addClaimHref?: (span: Span) => string
  className?: string
}

/** "Approved, Misleading" or "Needs review, Draft: Misleading": the status, then the verdict as it stands. */
function standingOf(claim: HighlightedClaim): string {
  const verdict = verdictShownAs(claim)
  return verdict ? `${STATUS_LABELS[claim.status]}, ${verdict}` : STATUS_LABELS[claim.status]
}

const TITLE_LISTS_UP_TO = 3

function claimLabel(claims: readonly HighlightedClaim[]): string {
  if (claims.length === 1) return `Claim ${claims[0]!.number}: ${standingOf(claims[0]!)}`
  // Past a few, the list would outweigh the text it describes; each claim's number still says it all.
  if (claims.length > TITLE_LISTS_UP_TO) return `${claims.length} claims overlap here`
  return `Claims ${claims.map((claim) => `${claim.number} (${standingOf(claim)})`).join('; ')}`
}

/** How a claim's span is marked: by its verdict once approved, by its status until then (app.css). */
export function highlightClasses(claim: { status: ClaimStatus; verdict: Verdict | null }): string {
  const standing = verdictStanding(claim)
  if (standing && !standing.draft) return `hl ${VERDICT_STYLES[standing.verdict].highlight}`
  return `hl ${STATUS_STYLES[claim.status].highlight}`
}

/** The body's text as HTML; a carriage return as its reference, since the parser would drop it and shift every offset. */
const escapeText = (text: string) => escapeHtml(text).replace(/\r/g, '&#13;')

/**
 * The body marked up, as one HTML string: the server writes it straight into the page and the client
 * builds the same string to take it over, so hundreds of marks cost no more than the text around them.
 * Each mark names its claim by number (`data-n`); the first also carries the anchor `quote-<id>`.
 * The claim open beside the text is not part of it (see `ArticleHighlighter`).
 */
export function articleBodyHtml(
  body: string,
  claims: readonly HighlightedClaim[],
  hrefOf: (claimId: string) => string,
): string {
  const segments = segmentBody(body, claims)
  const byId = new Map(claims.map((claim) => [claim.id, claim]))

  // Paragraphs get a gap, but their line breaks stay in the text (hidden spacers), so the body
  // element's text is still the body character for character and offsets count true.
  // Bodies that separate paragraphs with a blank line keep single newlines as line breaks.
  const paragraphBreak = body.includes('\n\n') ? /(\n{2,})/ : /(\n+)/
  type Piece = { at: number; text: string; covering: HighlightedClaim[] }
  const pieces: Piece[] = []
  for (const segment of segments) {
    const covering = segment.claimIds.map((id) => byId.get(id)).filter((claim) => claim !== undefined)
    let at = segment.startOffset
    for (const text of segment.text.split(paragraphBreak)) {
      if (text) pieces.push({ at, text, covering: paragraphBreak.test(text) ? [] : covering })
      at += text.length
    }
  }
  // Each claim's number follows the last piece of its text, like a footnote mark. That piece's last word
  // becomes a piece of its own, kept on one line with the number, so the number never starts a line
  // (a word joiner does not hold an inline-block to the text before it in Chromium).
  const lastPieceOf = new Map<string, number>()
  for (const piece of pieces) for (const claim of piece.covering) lastPieceOf.set(claim.id, piece.at)
  const ending = new Set(lastPieceOf.values())
  const split: Piece[] = []
  for (const piece of pieces) {
    const lastWord = ending.has(piece.at) ? piece.text.search(/\S+$/) : -1
    if (lastWord <= 0) {
      split.push(piece)
      continue
    }
    split.push(
      { ...piece, text: piece.text.slice(0, lastWord) },
      { ...piece, at: piece.at + lastWord, text: piece.text.slice(lastWord) },
    )
    for (const claim of piece.covering)
      if (lastPieceOf.get(claim.id) === piece.at) lastPieceOf.set(claim.id, piece.at + lastWord)
  }

  const started = new Set<string>()
  let html = ''
  for (const piece of split) {
    if (paragraphBreak.test(piece.text)) {
      html += `<span class="block h-3 overflow-hidden" aria-hidden="true">${piece.text}</span>`
      continue
    }
    // Outermost claim first; each claim's number closes its mark.
    let open = ''
    let close = ''
    let numbered = false
    const depth = piece.covering.length
    piece.covering.forEach((claim, level) => {
      const first = !started.has(claim.id)
      started.add(claim.id)
      open +=
        `<mark${first ? ` id="quote-${escapeHtml(claim.id)}"` : ''} data-n="${claim.number}"` +
        (level === 0 ? ` data-depth="${depth}" title="${escapeHtml(claimLabel(piece.covering))}"` : '') +
        ` class="${highlightClasses(claim)}">`
      const ends = lastPieceOf.get(claim.id) === piece.at
      numbered ||= ends
      close = `</mark>${ends ? claimMarkerHtml(claim, hrefOf(claim.id)) : ''}${close}`
    })
    const marked = `${open}${escapeText(piece.text)}${close}`
    html += numbered ? `<span class="cw">${marked}</span>` : marked
  }
  return html
}

/**
 * The claim's number after its text, opening the claim, with the verdict beside it once there is one.
 * It is not part of the article: it cannot be selected or copied, and offsets skip it (`.cm`).
 */
function claimMarkerHtml(claim: HighlightedClaim, href: string): string {
  const standing = verdictStanding(claim)
  const className = standing ? `cm ${standing.draft ? 'draft-tag' : VERDICT_STYLES[standing.verdict].tag}` : 'cm'
  const verdict = standing ? `<span> · ${escapeHtml(verdictShownAs(claim)!)}</span>` : ''
  return `<a href="${escapeHtml(href)}" aria-label="${escapeHtml(claimLabel([claim]))}" class="${className}">${claim.number}${verdict}</a>`
}

export function ArticleHighlighter({
  body,
  claims,
  hrefOf,
  selectedId,
  addClaimHref,
  className,
}: ArticleHighlighterProps) {
  const navigate = useNavigate()
  const rootRef = useRef<HTMLDivElement>(null)
  const latest = useMemo(() => ({ html: articleBodyHtml(body, claims, hrefOf), claims }), [body, claims, hrefOf])
  // New markup replaces the old wholesale, which would drop a selection being made in the text or the focus
  // on a claim's number; so while either is in the body, the change waits for it to end.
  const [shown, setShown] = useState(latest)
  useEffect(() => {
    if (shown === latest) return
    const busy = () => {
      const root = rootRef.current
      if (!root) return false
      const selection = window.getSelection()
      const selecting =
        selection && !selection.isCollapsed && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(root)
      return Boolean(selecting) || root.contains(document.activeElement)
    }
    if (!busy()) {
      setShown(latest)
      return
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    // Looked at once the focus has landed: while it moves, it is on neither element.
    const retry = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (!busy()) setShown(latest)
      }, 0)
    }
    document.addEventListener('selectionchange', retry)
    document.addEventListener('focusout', retry)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('selectionchange', retry)
      document.removeEventListener('focusout', retry)
    }
  }, [latest, shown])
  const selectedNumber = shown.claims.find((claim) => claim.id === selectedId)?.number

  // A click on a highlight (not the end of a drag) opens its claim, as the number does; inside two
  // claims, the innermost one. A plain click on a number opens its claim here, as a <Link> would, and
  // other clicks keep the browser's meaning.
  const followHighlight = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as Element
    const marker = target.closest?.('a.cm')
    if (marker) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      event.preventDefault()
      void navigate(marker.getAttribute('href')!, { preventScrollReset: true })
      return
    }
    const selection = window.getSelection()
    if (selection && !selection.isCollapsed) return
    if (target.closest?.('a')) return
    const number = Number(target.closest?.('mark[data-n]')?.getAttribute('data-n'))
    const claim = shown.claims.find((candidate) => candidate.number === number)
    if (claim) void navigate(hrefOf(claim.id), { preventScrollReset: true })
  }

  return (
    <div className={cx('relative', className)}>
      {/* The claim open beside the text, washed in blue (app.css: --selected-wash). A rule rather than an
          attribute on its marks, so opening another claim leaves the body's markup as it is. */}
      {selectedNumber !== undefined ? (
        <style>{`[data-article-body] mark[data-n="${selectedNumber}"]{background-image:linear-gradient(var(--selected-wash),var(--selected-wash))}`}</style>
      ) : null}
      {/* The keyboard reaches each claim through its number link; clicking the text is a shortcut for the mouse. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div
        ref={rootRef}
        data-article-body
        onClick={followHighlight}
        className="max-w-reading font-serif text-reading break-words whitespace-pre-wrap text-ink"
        dangerouslySetInnerHTML={{ __html: shown.html }}
      />
      {addClaimHref ? <AddClaimButton rootRef={rootRef} body={body} hrefFor={addClaimHref} /> : null}
    </div>
  )
}

/** The text nodes that make up the body, in order; claim numbers and other additions are skipped. */
function bodyTextNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.cm') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  })
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/**
 * The body offset of a DOM boundary point. Highlights split the body into many text nodes, so the
 * offset is the length of all the body's text before the point; a point outside the body clamps to its edge.
 */
export function bodyOffset(root: Node, container: Node, offset: number): number {
  const nodes = bodyTextNodes(root)
  let total = 0
  const index = nodes.indexOf(container as Text)
  if (index >= 0) {
    for (const node of nodes.slice(0, index)) total += node.length
    return total + offset
  }
  // An element boundary (a triple-click), a point in a claim number, or one outside the body:
  // count the body's text before it.
  const point = root.ownerDocument!.createRange()
  point.setStart(container, offset)
  for (const node of nodes) {
    if (point.comparePoint(node, 0) >= 0) break
    total += node.length
  }
  return total
}

type Pending = { span: Span; top: number; left: number }

function AddClaimButton({
  rootRef,
  body,
  hrefFor,
}: {
  rootRef: RefObject<HTMLDivElement | null>
  body: string
  hrefFor: (span: Span) => string
}) {
  const [pending, setPending] = useState<Pending | null>(null)

  useEffect(() => {
    const read = () => {
      const root = rootRef.current
      const selection = window.getSelection()
      if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null
      const range = selection.getRangeAt(0)
      if (!range.intersectsNode(root)) return null
      const raw = {
        startOffset: bodyOffset(root, range.startContainer, range.startOffset),
        endOffset: bodyOffset(root, range.endContainer, range.endOffset),
      }
      const span = trimSpan(body, raw)
      if (!span) return null
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0)
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect()
      const frame = root.parentElement!.getBoundingClientRect()
      return {
        span,
        top: last.bottom - frame.top + 6,
        left: Math.max(0, Math.min(last.right - frame.left - 48, frame.width - 112)),
      }
    }
    const show = () => {
      // The selection settles after mouseup; read it on the next frame.
      requestAnimationFrame(() => setPending(read()))
    }
    const hideIfGone = () => {
      const selection = window.getSelection()
      if (!selection || selection.isCollapsed) setPending(null)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPending(null)
      else if (event.shiftKey || event.key === 'Shift') show()
    }
    document.addEventListener('mouseup', show)
    document.addEventListener('touchend', show)
    document.addEventListener('keyup', onKey)
    document.addEventListener('selectionchange', hideIfGone)
    return () => {
      document.removeEventListener('mouseup', show)
      document.removeEventListener('touchend', show)
      document.removeEventListener('keyup', onKey)
      document.removeEventListener('selectionchange', hideIfGone)
    }
  }, [rootRef, body])

  if (!pending) return null
  return (
    <Link
      to={hrefFor(pending.span)}
      // Pressing the button must not clear the selection before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      className={buttonClasses({ variant: 'primary', size: 'sm', className: 'absolute z-10 shadow-md' })}
      style={{ top: pending.top, left: pending.left }}
    >
      {/* An SVG, not the ＋ character: Debian's default fonts have no glyph for it. */}
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <path d="M8 3v10M3 8h10" />
      </svg>
      Add claim
    </Link>
  )
}
