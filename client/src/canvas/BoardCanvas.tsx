import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type Konva from 'konva'
import { useTranslation } from 'react-i18next'
import { Stage } from 'react-konva'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import {
  NOTE_SIZE,
  type BoardOrigin,
  type ClusterId,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { addNote } from '../commands/addNote.js'
import type { Commands } from '../commands/bindCommands.js'
import { editNote } from '../commands/editNote.js'
import { moveSelection } from '../commands/moveSelection.js'
import { takeBackVote, vote } from '../commands/votes.js'
import { voteSummary } from '../components/voteSummary.js'
import { broadcastActivity } from '../sync/broadcastActivity.js'
import { usePeerMarks } from '../sync/usePeerMarks.js'
import { SELECTION_SHARED } from '../sync/usePresence.js'
import { installBenchHook } from './benchHook.js'
import { sceneLang } from '@sparboard/board-scene'
import { clusterFrames, clusterLabelAt } from './clusterFrames.js'
import { expandedNote, noteBoxes } from './expandedNote.js'
import { CursorOverlay } from './CursorOverlay.js'
import { DragLayer } from './DragLayer.js'
import { Minimap } from './Minimap.js'
import { NoteEditor } from './NoteEditor.js'
import { spotAt, spotTipAnchor, type NoteSpot } from './noteSpots.js'
import { NoteTip } from './NoteTip.js'
import { NotesLayer } from './NotesLayer.js'
import { SelectionAnchor } from './SelectionAnchor.js'
import { SpatialIndex } from './SpatialIndex.js'
import type { Camera } from './useCamera.js'
import {
  isControl,
  useCanvasPointer,
  type DragState,
  type NoteBox,
  type PointerContext,
} from './useCanvasPointer.js'
import { toWorld, zoomAt } from './viewport.js'
import { ZoneLayer } from './ZoneLayer.js'
import { LinkHandle, WhyPrompts } from './MethodOverlay.js'
import type { MethodMarks } from '../sync/useMethodLook.js'

export interface BoardCanvasProps {
  /** The document the note editor writes into. */
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly origin: BoardOrigin
  readonly camera: Camera
  /** The board, the selection and what may be done: the page's commands, bound to it now. */
  readonly commands: Commands
  readonly zoneLabels: readonly string[]
  /** The workshop's two sides: a vote badge's tip splits the votes by them. */
  readonly sides: readonly [string, string]
  readonly onSelect: (ids: ReadonlySet<NoteId>) => void
  /** The note editor closed. */
  readonly onEditEnd: () => void
  readonly onRenameCluster: (id: ClusterId) => void
  /** A note's context menu, asked for at a point of the window (its note is selected by then). */
  readonly onMenu: (at: { x: number; y: number }) => void
  /** Tools for the selection, shown just above the selected notes. */
  readonly selectionTools?: ReactNode
  /** [G1] [G2] [G3] Tags and connector lines the method puts on the board. */
  readonly marks: MethodMarks
  /** [G1] Links a solution to an interest (the connector handle was dropped on it). */
  readonly onLink?: (from: NoteId, to: NoteId) => void
}

const MINIMAP_MIN_WIDTH = 1000

export function BoardCanvas(props: BoardCanvasProps) {
  const { doc, provider, camera, commands, onSelect } = props
  const { view: board, selected, editing, canWrite } = commands.ctx
  const { notes } = board.board
  const { notesById, tally, agreementBySolution: agreed } = board
  // [C35] the three best-ranked solutions carry their rank, as in the exports
  const ranks = useMemo(
    () => new Map(board.ranking.filter((r) => r.rank <= 3).map((r) => [r.noteId, r.rank])),
    [board.ranking],
  )
  const { view, setView, width, height } = camera
  const { tags, links } = props.marks
  const { method } = commands.ctx
  const single = commands.ctx.selection.length === 1 ? commands.ctx.selection[0]! : null
  const { t, i18n } = useTranslation()
  const containerRef = useRef<HTMLDivElement | null>(null)
  const { attach } = camera
  const setContainer = useCallback(
    (el: HTMLDivElement | null) => {
      containerRef.current = el
      attach(el)
    },
    [attach],
  )
  const stageRef = useRef<Konva.Stage>(null)
  const peerMarks = usePeerMarks(provider)
  const remoteDrags = peerMarks.drags
  const activity = useMemo(() => broadcastActivity(provider), [provider])
  useEffect(() => () => activity.stop(), [activity])
  useEffect(() => {
    activity.send({ selection: [...selected].slice(0, SELECTION_SHARED) })
  }, [activity, selected])

  const expanded = expandedNote(selected, editing, notesById, sceneLang(i18n.language))
  const [expandedId, expandedHeight] = [expanded?.id, expanded?.height]
  const index = useMemo(
    () =>
      new SpatialIndex<NoteBox>(
        noteBoxes(notes, expandedId ? { id: expandedId, height: expandedHeight! } : null),
      ),
    [notes, expandedId, expandedHeight],
  )
  const heightOf = (id: NoteId) => (id === expandedId ? expandedHeight! : NOTE_SIZE.height)
  // The badge or marker under the pointer, whose tip is showing; the ref lets a pointer move
  // within the same spot (or over none) skip the state update.
  const [tip, setTip] = useState<{ id: NoteId; spot: NoteSpot } | null>(null)
  const tipRef = useRef(tip)
  const spotOf = (note: NoteSnapshot, wx: number, wy: number) =>
    spotAt(
      note,
      wx,
      wy,
      { votes: (tally.get(note.id)?.total ?? 0) > 0, agreement: agreed.has(note.id) },
      heightOf(note.id),
    )
  const frames = useMemo(
    () => clusterFrames(board.board.clusters, notesById),
    [board.board.clusters, notesById],
  )

  const { viewRef, fit } = camera
  const fitRef = useRef(fit)
  fitRef.current = fit
  useEffect(() => {
    installBenchHook(
      doc,
      provider,
      () => stageRef.current,
      () => viewRef.current,
      setView,
      () => fitRef.current(),
    )
  }, [doc, provider, setView, viewRef])

  const pointerCtx = useRef<PointerContext>(null!)
  pointerCtx.current = {
    view,
    index,
    selected,
    canWrite,
    panKey: camera.panKey,
    setView,
    setSelected: onSelect,
    onBadge(note, wx, wy, retract) {
      const inBadge = spotOf(note, wx, wy) === 'votes'
      if (inBadge) commands.run(retract ? takeBackVote : vote, [note.id])
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
      commands.run(moveSelection, {
        dx: drag.dx,
        dy: drag.dy,
        clearOf: frames,
      }),
    onMenu(note, x, y) {
      if (!selected.has(note.id)) onSelect(new Set([note.id]))
      props.onMenu({ x, y })
    },
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
    if (hit) commands.run(editNote, hit.id)
    else if (label && canWrite) props.onRenameCluster(label.id)
    else commands.run(addNote, { x: w.x - NOTE_SIZE.width / 2, y: w.y - NOTE_SIZE.height / 2 })
  }

  const movingKey = [...(drag?.ids ?? []), ...remoteDrags.map((d) => d.id)].join(' ')
  // Same ids, same set: the notes layer skips re-rendering while a drag only moves.
  const moving = useMemo(
    () => new Set(movingKey ? (movingKey.split(' ') as NoteId[]) : []),
    [movingKey],
  )
  const editingNote = editing ? notesById.get(editing) : undefined
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
      ref={setContainer}
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
          <ZoneLayer labels={props.zoneLabels} notes={notes} />
          <NotesLayer
            index={index}
            view={view}
            width={width}
            height={height}
            moving={moving}
            tally={tally}
            agreed={agreed}
            ranks={ranks}
            selected={selected}
            peerSelected={peerMarks.selected}
            editing={editing}
            frames={frames}
            expanded={expanded}
            tags={tags}
            links={links}
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
      {method.positions && canWrite && !drag && (
        <WhyPrompts
          notes={notes}
          links={board.board.links}
          view={view}
          width={width}
          height={height}
          onAsk={(id) => commands.ctx.ui.askWhy(id)}
        />
      )}
      {method.bothSidesGain &&
        canWrite &&
        single?.category === 'solution' &&
        !drag &&
        !band &&
        editing === null &&
        props.onLink && (
          <LinkHandle
            solution={single}
            view={view}
            index={index}
            container={containerRef}
            onLink={(to) => props.onLink?.(single.id, to)}
            onOpenList={() => commands.ctx.ui.linkInterests(single.id)}
          />
        )}
      {tip && tipNote && tipText && (
        <NoteTip
          text={tipText}
          left={
            view.x +
            (tipNote.x + spotTipAnchor(tip.spot, agreed.has(tip.id), heightOf(tip.id)).x) *
              view.scale
          }
          top={
            view.y +
            (tipNote.y + spotTipAnchor(tip.spot, agreed.has(tip.id), heightOf(tip.id)).y) *
              view.scale +
            6
          }
        />
      )}
      {props.selectionTools && !drag && !band && editing === null && (
        <SelectionAnchor notes={commands.ctx.selection} view={view} width={width}>
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
          origin={props.origin}
          left={view.x + editingNote.x * view.scale}
          top={view.y + editingNote.y * view.scale}
          scale={view.scale}
          onClose={props.onEditEnd}
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
