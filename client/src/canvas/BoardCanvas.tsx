import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react'
import type Konva from 'konva'
import { useTranslation } from 'react-i18next'
import { Stage } from 'react-konva'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import {
  agreementBySolution,
  asNoteId,
  deleteNotes,
  NOTE_SIZE,
  notesOf,
  readNote,
  tallyVotes,
  type BoardOrigin,
  type BoardSnapshot,
  type ClusterId,
  type NoteId,
  type NoteSnapshot,
  type ParticipantId,
  type Side,
} from '@sparboard/board-model'
import { voteSummary } from '../components/voteSummary.js'
import { broadcastActivity } from '../sync/broadcastActivity.js'
import { usePeerMarks } from '../sync/usePeerMarks.js'
import { SELECTION_SHARED } from '../sync/usePresence.js'
import { installBenchHook } from './benchHook.js'
import { clusterFrames, clusterLabelAt } from './clusterFrames.js'
import { CursorOverlay } from './CursorOverlay.js'
import { DragLayer } from './DragLayer.js'
import { Minimap } from './Minimap.js'
import { NoteEditor } from './NoteEditor.js'
import { spotAt, spotTipAnchor, type NoteSpot } from './noteSpots.js'
import { NoteTip } from './NoteTip.js'
import { NotesLayer } from './NotesLayer.js'
import { createNoteAt, moveNotesBy, pasteCopies, PASTE_OFFSET } from './noteWrites.js'
import { SelectionAnchor } from './SelectionAnchor.js'
import { SpatialIndex } from './SpatialIndex.js'
import { useCanvasKeys } from './useCanvasKeys.js'
import {
  isControl,
  useCanvasPointer,
  type DragState,
  type NoteBox,
  type PointerContext,
} from './useCanvasPointer.js'
import { useElementSize } from './useElementSize.js'
import { useViewport } from './useViewport.js'
import { toWorld, zoomAt, type Viewport } from './viewport.js'
import { ZoneLayer } from './ZoneLayer.js'

export interface BoardCanvasHandle {
  addNoteAtCenter(): void
  zoomBy(factor: number): void
  zoomToFit(): void
  deleteSelected(): void
  duplicateSelected(): void
  /** Brings a note to the middle of the screen, zooming in to readable size if needed. */
  focusNote(id: NoteId): void
  /** Moves the selection by (dx, dy) world units, as one undo step. */
  nudge(dx: number, dy: number): void
  getView(): Viewport
  setView(view: Viewport): void
}

export interface BoardCanvasProps {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly board: BoardSnapshot
  readonly origin: BoardOrigin
  readonly author: string
  readonly authorSide: Side
  readonly me: ParticipantId | null
  readonly canWrite: boolean
  readonly zoneLabels: readonly string[]
  /** The workshop's two sides: a vote badge's tip splits the votes by them. */
  readonly sides: readonly [string, string]
  readonly selected: ReadonlySet<NoteId>
  readonly onSelect: (ids: ReadonlySet<NoteId>) => void
  /** A press on a note's vote badge: vote, or take a vote back. */
  readonly onVote: (id: NoteId, retract: boolean) => void
  readonly onRenameCluster: (id: ClusterId) => void
  /** Tools for the selection, shown just above the selected notes. */
  readonly selectionTools?: ReactNode
  readonly handle?: Ref<BoardCanvasHandle>
}

let clipboard: readonly NoteSnapshot[] = []
const MINIMAP_MIN_WIDTH = 1000

export function BoardCanvas(props: BoardCanvasProps) {
  const { doc, provider, board, origin, author, authorSide, canWrite, selected, onSelect } = props
  const containerRef = useRef<HTMLDivElement>(null)
  const { width, height } = useElementSize(containerRef)
  const { t } = useTranslation()
  const stageRef = useRef<Konva.Stage>(null)
  const [editing, setEditing] = useState<NoteId | null>(null)
  const peerMarks = usePeerMarks(provider)
  const remoteDrags = peerMarks.drags
  const activity = useMemo(() => broadcastActivity(provider), [provider])
  useEffect(() => () => activity.stop(), [activity])
  useEffect(() => {
    activity.send({ selection: [...selected].slice(0, SELECTION_SHARED) })
  }, [activity, selected])

  const { notes } = board
  const notesById = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes])
  const index = useMemo(
    () => new SpatialIndex<NoteBox>(notes.map((n) => ({ x: n.x, y: n.y, ...NOTE_SIZE, note: n }))),
    [notes],
  )
  const tally = useMemo(() => tallyVotes(board.votes, props.me), [board.votes, props.me])
  const agreed = useMemo(() => agreementBySolution(board.agreements), [board.agreements])
  // The badge or marker under the pointer, whose tip is showing; the ref lets a pointer move
  // within the same spot (or over none) skip the state update.
  const [tip, setTip] = useState<{ id: NoteId; spot: NoteSpot } | null>(null)
  const tipRef = useRef(tip)
  const spotOf = (note: NoteSnapshot, wx: number, wy: number) =>
    spotAt(note, wx, wy, {
      votes: (tally.get(note.id)?.total ?? 0) > 0,
      agreement: agreed.has(note.id),
    })
  const frames = useMemo(
    () => clusterFrames(board.clusters, notesById),
    [board.clusters, notesById],
  )

  const { view, setView, viewRef, fit } = useViewport(containerRef, index.items, width, height)

  const writer = useMemo(
    () => ({ doc, origin, author, authorSide }),
    [doc, origin, author, authorSide],
  )
  const createAt = (x: number, y: number) => {
    if (!canWrite) return
    const id = createNoteAt(writer, x, y)
    onSelect(new Set([id]))
    setEditing(id)
  }
  const paste = (source: readonly NoteSnapshot[]) => {
    if (canWrite && source.length > 0) onSelect(new Set(pasteCopies(writer, source)))
  }
  const selectedNotes = () => [...selected].flatMap((id) => notesById.get(id) ?? [])

  const api: BoardCanvasHandle = {
    addNoteAtCenter() {
      const c = toWorld(view, width / 2, height / 2)
      createAt(c.x - NOTE_SIZE.width / 2, c.y - NOTE_SIZE.height / 2)
    },
    zoomBy: (factor) => setView((v) => zoomAt(v, width / 2, height / 2, factor)),
    zoomToFit: fit,
    deleteSelected() {
      if (!canWrite || selected.size === 0) return
      deleteNotes(doc, [...selected], origin)
      onSelect(new Set())
    },
    duplicateSelected: () => paste(selectedNotes()),
    focusNote(id) {
      const n = notesById.get(id)
      if (!n) return
      const scale = Math.max(view.scale, 0.8)
      const cx = n.x + NOTE_SIZE.width / 2
      const cy = n.y + NOTE_SIZE.height / 2
      setView({ scale, x: width / 2 - cx * scale, y: height / 2 - cy * scale })
    },
    nudge: (dx, dy) => canWrite && moveNotesBy(writer, selectedNotes(), dx, dy),
    getView: () => view,
    setView,
  }
  useImperativeHandle(props.handle, () => api)
  const apiRef = useRef(api)
  apiRef.current = api
  useEffect(() => {
    installBenchHook(
      doc,
      provider,
      () => stageRef.current,
      () => viewRef.current,
      setView,
      () => apiRef.current.zoomToFit(),
    )
  }, [doc, provider, setView, viewRef])
  useCanvasKeys({
    active: editing === null,
    api,
    copy: () => (clipboard = selectedNotes()),
    paste: () => {
      paste(clipboard)
      clipboard = clipboard.map((n) => ({ ...n, x: n.x + PASTE_OFFSET, y: n.y + PASTE_OFFSET }))
    },
    // From the document: a note added a moment ago is not in the snapshot yet.
    selectAll: () => onSelect(new Set([...notesOf(doc).keys()].map(asNoteId))),
    clear: () => onSelect(new Set()),
    edit: () => canWrite && selected.size === 1 && setEditing([...selected][0]!),
  })

  const pointerCtx = useRef<PointerContext>(null!)
  pointerCtx.current = {
    view,
    index,
    selected,
    canWrite,
    setView,
    setSelected: onSelect,
    onBadge(note, wx, wy, retract) {
      const inBadge = spotOf(note, wx, wy) === 'votes'
      if (inBadge) props.onVote(note.id, retract)
      return inBadge
    },
    onHover(note, wx, wy) {
      const spot = note && spotOf(note, wx, wy)
      const next = note && spot ? { id: note.id, spot } : null
      if (next?.id === tipRef.current?.id && next?.spot === tipRef.current?.spot) return
      tipRef.current = next
      setTip(next)
    },
    onDrop: (drag: DragState) =>
      moveNotesBy(
        writer,
        drag.ids.flatMap((id) => notesById.get(id) ?? []),
        drag.dx,
        drag.dy,
      ),
    onCursor: (cursor) => activity.send({ cursor }),
    onDragMove: (drag) => activity.send({ drag }, drag === null),
  }
  const { drag, band, handlers } = useCanvasPointer(containerRef, pointerCtx)

  const onDoubleClick = (e: React.MouseEvent) => {
    if (isControl(e.target)) return
    const r = containerRef.current!.getBoundingClientRect()
    const w = toWorld(view, e.clientX - r.left, e.clientY - r.top)
    const hit = index.at(w.x, w.y)?.note
    const label = clusterLabelAt(frames, w.x, w.y)
    if (hit) {
      if (canWrite) setEditing(hit.id)
    } else if (label && canWrite) props.onRenameCluster(label.id)
    else createAt(w.x - NOTE_SIZE.width / 2, w.y - NOTE_SIZE.height / 2)
  }

  const movingKey = [...(drag?.ids ?? []), ...remoteDrags.map((d) => d.id)].join(' ')
  // Same ids, same set: the notes layer skips re-rendering while a drag only moves.
  const moving = useMemo(
    () => new Set(movingKey ? (movingKey.split(' ') as NoteId[]) : []),
    [movingKey],
  )
  // Read from the document, not the snapshot: that one lags a frame behind a new note.
  const editingNote = editing ? readEditing(doc, editing) : null
  const tipNote = tip && !drag && !band ? notesById.get(tip.id) : undefined
  const tipText =
    tip && tipNote
      ? tip.spot === 'votes'
        ? voteSummary(t, props.sides, tally.get(tip.id))
        : t('boardUi.agreementMarker', { text: agreed.get(tip.id)?.text ?? '' })
      : ''

  return (
    <div
      className="board-canvas"
      ref={containerRef}
      data-testid="board-canvas"
      data-scale={view.scale.toFixed(3)}
      data-remote-drags={remoteDrags.length}
      data-peer-selected={peerMarks.selected.size}
      data-view={`${view.x},${view.y},${view.scale}`}
      onDoubleClick={onDoubleClick}
      {...handlers}
    >
      {width > 0 && (
        <Stage
          ref={stageRef}
          width={width}
          height={height}
          x={view.x}
          y={view.y}
          scaleX={view.scale}
          scaleY={view.scale}
          listening={false}
        >
          <ZoneLayer labels={props.zoneLabels} />
          <NotesLayer
            index={index}
            view={view}
            width={width}
            height={height}
            moving={moving}
            tally={tally}
            agreed={agreed}
            selected={selected}
            peerSelected={peerMarks.selected}
            editing={editing}
            frames={frames}
          />
          <DragLayer
            drag={drag}
            remote={remoteDrags}
            band={band}
            notesById={notesById}
            tally={tally}
            agreed={agreed}
            scale={view.scale}
          />
        </Stage>
      )}
      <CursorOverlay provider={provider} view={view} />
      {tip && tipNote && tipText && (
        <NoteTip
          text={tipText}
          left={view.x + (tipNote.x + spotTipAnchor(tip.spot).x) * view.scale}
          top={view.y + (tipNote.y + spotTipAnchor(tip.spot).y) * view.scale + 6}
        />
      )}
      {props.selectionTools && !drag && !band && editing === null && (
        <SelectionAnchor
          notes={[...selected].flatMap((id) => notesById.get(id) ?? [])}
          view={view}
          width={width}
        >
          {props.selectionTools}
        </SelectionAnchor>
      )}
      <button
        type="button"
        className="zoom-level"
        title={t('boardUi.zoomReset')}
        onClick={() => setView((v) => zoomAt(v, width / 2, height / 2, 1 / v.scale))}
      >
        {Math.round(view.scale * 100)}%
      </button>
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
      {/* A narrow canvas (side panel open) has no room for both the minimap and the toolbar. */}
      {width >= MINIMAP_MIN_WIDTH && (
        <Minimap
          notes={notes}
          view={view}
          screen={{ width, height }}
          onCenter={(wx, wy) =>
            setView((v) => ({ ...v, x: width / 2 - wx * v.scale, y: height / 2 - wy * v.scale }))
          }
        />
      )}
    </div>
  )
}

function readEditing(doc: Y.Doc, id: NoteId) {
  const note = notesOf(doc).get(id)
  return note ? readNote(id, note) : null
}
