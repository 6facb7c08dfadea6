import type Konva from 'konva'
import type { KonvaEventObject } from 'konva/lib/Node'
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react'
import { Layer, Stage } from 'react-konva'
import type * as Y from 'yjs'
import {
  addNote,
  asNoteId,
  deleteNotes,
  NOTE_SIZE,
  notesOf,
  readNote,
  placeNote,
  TEMPLATE_BOUNDS,
  zoneAt,
  ZONES,
  type BoardOrigin,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { NoteEditor } from './NoteEditor.js'
import { NoteShape } from './NoteShape.js'
import { useElementSize } from './useElementSize.js'
import { fitViewport, toWorld, unionRects, zoomAt, type Viewport } from './viewport.js'
import { ZoneLayer } from './ZoneLayer.js'

export interface BoardCanvasHandle {
  addNoteAtCenter(): void
  zoomBy(factor: number): void
  zoomToFit(): void
}

export interface BoardCanvasProps {
  readonly doc: Y.Doc
  readonly notes: readonly NoteSnapshot[]
  readonly origin: BoardOrigin
  readonly author: string
  readonly canWrite: boolean
  readonly zoneLabels: readonly string[]
  readonly handle?: Ref<BoardCanvasHandle>
}

/** The zone a note belongs to when its centre is at (x, y); outside all zones, the nearest. */
function zoneForDrop(x: number, y: number) {
  const cx = x + NOTE_SIZE.width / 2
  const cy = y + NOTE_SIZE.height / 2
  return (
    zoneAt(cx, cy) ??
    ZONES.reduce((best, z) => {
      const d = (z2: typeof z) => Math.hypot(z2.x + z2.width / 2 - cx, z2.y + z2.height / 2 - cy)
      return d(z) < d(best) ? z : best
    })
  )
}

const newId = () => asNoteId(crypto.randomUUID())

function readEditingNote(doc: Y.Doc, id: NoteId) {
  const note = notesOf(doc).get(id)
  return note ? readNote(id, note) : null
}

export function BoardCanvas({
  doc,
  notes,
  origin,
  author,
  canWrite,
  zoneLabels,
  handle,
}: BoardCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<Konva.Stage>(null)
  const { width, height } = useElementSize(containerRef)
  const [view, setView] = useState<Viewport>({ x: 0, y: 0, scale: 0.4 })
  const [selected, setSelected] = useState<NoteId | null>(null)
  const [editing, setEditing] = useState<NoteId | null>(null)
  const fitted = useRef(false)

  const fit = useCallback(() => {
    if (width === 0 || height === 0) return
    const bounds = unionRects([
      TEMPLATE_BOUNDS,
      ...notes.map((n) => ({ x: n.x, y: n.y, ...NOTE_SIZE })),
    ])
    // Leave room at the bottom for the toolbar.
    setView(fitViewport(bounds, width, height - 64))
  }, [notes, width, height])

  useEffect(() => {
    if (!fitted.current && width > 0) {
      fitted.current = true
      fit()
    }
  }, [fit, width])

  const createAt = useCallback(
    (x: number, y: number) => {
      if (!canWrite) return
      const zone = zoneForDrop(x, y)
      const id = newId()
      addNote(
        doc,
        id,
        { category: zone.category, ...(zone.side !== null && { side: zone.side }), x, y, author },
        origin,
      )
      setSelected(id)
      setEditing(id)
    },
    [author, canWrite, doc, origin],
  )

  useImperativeHandle(
    handle,
    () => ({
      addNoteAtCenter() {
        const c = toWorld(view, width / 2, height / 2)
        createAt(c.x - NOTE_SIZE.width / 2, c.y - NOTE_SIZE.height / 2)
      },
      zoomBy(factor) {
        setView((v) => zoomAt(v, width / 2, height / 2, factor))
      },
      zoomToFit: fit,
    }),
    [createAt, fit, height, view, width],
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (editing || target.closest('input, textarea, select, [contenteditable]')) return
      if ((e.key === 'Delete' || e.key === 'Backspace') && selected && canWrite) {
        deleteNotes(doc, [selected], origin)
        setSelected(null)
      } else if (e.key === 'Escape') {
        setSelected(null)
      } else if (e.key === 'Enter' && selected && canWrite) {
        e.preventDefault()
        setEditing(selected)
      }
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [canWrite, doc, editing, origin, selected])

  const onWheel = (e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault()
    const { deltaX, deltaY, ctrlKey, metaKey, shiftKey } = e.evt
    if (ctrlKey || metaKey) {
      const pointer = stageRef.current?.getPointerPosition() ?? { x: width / 2, y: height / 2 }
      setView((v) => zoomAt(v, pointer.x, pointer.y, Math.exp(-deltaY * 0.01)))
    } else {
      const dx = shiftKey ? deltaY : deltaX
      const dy = shiftKey ? 0 : deltaY
      setView((v) => ({ ...v, x: v.x - dx, y: v.y - dy }))
    }
  }

  const onStageDblClick = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target !== e.target.getStage()) return
    const pointer = e.target.getStage()?.getPointerPosition()
    if (!pointer) return
    const w = toWorld(view, pointer.x, pointer.y)
    createAt(w.x - NOTE_SIZE.width / 2, w.y - NOTE_SIZE.height / 2)
  }

  const onDrop = useCallback(
    (id: NoteId, x: number, y: number) => {
      const zone = zoneForDrop(x, y)
      placeNote(
        doc,
        id,
        { x, y, category: zone.category, ...(zone.side !== null && { side: zone.side }) },
        origin,
      )
    },
    [doc, origin],
  )
  const onEdit = useCallback((id: NoteId) => canWrite && setEditing(id), [canWrite])
  // Read from the document, not the snapshot list: that one lags a frame behind a new note.
  const editingNote = editing ? readEditingNote(doc, editing) : null

  return (
    <div className="board-canvas" ref={containerRef} data-testid="board-canvas">
      {width > 0 && (
        <Stage
          ref={stageRef}
          width={width}
          height={height}
          x={view.x}
          y={view.y}
          scaleX={view.scale}
          scaleY={view.scale}
          draggable
          onDragEnd={(e) => {
            if (e.target === e.target.getStage())
              setView((v) => ({ ...v, x: e.target.x(), y: e.target.y() }))
          }}
          onWheel={onWheel}
          onDblClick={onStageDblClick}
          onDblTap={onStageDblClick}
          onMouseDown={(e) => e.target === e.target.getStage() && setSelected(null)}
        >
          <ZoneLayer labels={zoneLabels} />
          <Layer>
            {notes.map((note) => (
              <NoteShape
                key={note.id}
                note={note}
                selected={note.id === selected}
                editing={note.id === editing}
                draggable={canWrite}
                onSelect={setSelected}
                onEdit={onEdit}
                onDrop={onDrop}
              />
            ))}
          </Layer>
        </Stage>
      )}
      {editingNote && (
        <NoteEditor
          key={editingNote.id}
          doc={doc}
          noteId={editingNote.id}
          origin={origin}
          left={view.x + editingNote.x * view.scale}
          top={view.y + editingNote.y * view.scale}
          scale={view.scale}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  )
}
