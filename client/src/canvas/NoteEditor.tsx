import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import {
  diffText,
  NOTE_SIZE,
  NoteField,
  NoteLimits,
  notesOf,
  spliceNoteText,
  type BoardOrigin,
  type NoteId,
} from '@sparboard/board-model'
import { NOTE_TEXT } from '@sparboard/board-scene'
import { transformIndex, type DeltaOp } from './transformIndex.js'

export interface NoteEditorProps {
  readonly doc: Y.Doc
  readonly noteId: NoteId
  readonly origin: BoardOrigin
  /** The note's top-left corner on screen and the zoom. */
  readonly left: number
  readonly top: number
  readonly scale: number
  readonly onClose: () => void
}

/**
 * A textarea over the note, bound to its Y.Text: local typing becomes one splice per input,
 * remote typing is merged in without moving the caret off the character it was at, and during
 * IME composition remote changes wait until the composition ends.
 */
export function NoteEditor({ doc, noteId, origin, left, top, scale, onClose }: NoteEditorProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLTextAreaElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const area = ref.current
    const text = notesOf(doc).get(noteId)?.get(NoteField.text)
    if (!area || !(text instanceof Y.Text)) {
      onCloseRef.current()
      return
    }
    // `shown` is the Y.Text as the textarea last reflected it; local diffs are taken against it.
    let shown = text.toString()
    let composing = false
    let missed: DeltaOp[][] = []
    area.value = shown
    area.focus()
    area.setSelectionRange(shown.length, shown.length)

    const pushLocal = () => {
      const splice = diffText(shown, area.value)
      // Remote changes that arrived during an IME composition shift where the splice lands.
      for (const delta of missed) splice.index = transformIndex(splice.index, delta)
      missed = []
      spliceNoteText(doc, noteId, splice, origin)
      shown = text.toString()
      if (area.value !== shown) showRemote([])
    }
    const showRemote = (delta: readonly DeltaOp[]) => {
      const start = transformIndex(area.selectionStart, delta)
      const end = transformIndex(area.selectionEnd, delta)
      shown = text.toString()
      area.value = shown
      if (document.activeElement === area) area.setSelectionRange(start, end)
    }
    const onChange = (event: Y.YTextEvent, tr: Y.Transaction) => {
      if (tr.origin === origin) return
      if (composing) missed.push(event.delta as DeltaOp[])
      else showRemote(event.delta as DeltaOp[])
    }
    const onInput = () => {
      if (!composing) pushLocal()
    }
    const onCompositionStart = () => {
      composing = true
    }
    const onCompositionEnd = () => {
      composing = false
      pushLocal()
    }
    const onDeleted = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      if (event.keysChanged.has(noteId) && !notesOf(doc).has(noteId)) onCloseRef.current()
    }
    text.observe(onChange)
    notesOf(doc).observe(onDeleted)
    area.addEventListener('input', onInput)
    area.addEventListener('compositionstart', onCompositionStart)
    area.addEventListener('compositionend', onCompositionEnd)
    return () => {
      text.unobserve(onChange)
      notesOf(doc).unobserve(onDeleted)
      area.removeEventListener('input', onInput)
      area.removeEventListener('compositionstart', onCompositionStart)
      area.removeEventListener('compositionend', onCompositionEnd)
    }
  }, [doc, noteId, origin])

  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label={t('board.editHint')}
      title={t('board.editHint')}
      maxLength={NoteLimits.maxTextLength}
      style={{
        left,
        top,
        width: NOTE_SIZE.width,
        height: NOTE_SIZE.height - 24,
        transform: `scale(${scale})`,
        // The size and spacing the note draws its text in (the board's one size).
        fontSize: NOTE_TEXT.font.size,
        lineHeight: `${NOTE_TEXT.lineHeight}px`,
        padding: `${NOTE_TEXT.y}px ${NOTE_TEXT.x}px`,
      }}
      onBlur={() => onClose()}
      onKeyDown={(e) => {
        if (
          e.key === 'Escape' ||
          (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing)
        ) {
          e.preventDefault()
          onClose()
        }
        e.stopPropagation()
      }}
    />
  )
}
