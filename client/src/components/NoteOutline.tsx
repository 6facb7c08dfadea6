import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  NoteLimits,
  ZONES,
  type ClusterSnapshot,
  type NoteId,
  type NoteSnapshot,
  type VoteTally,
} from '@sparboard/board-model'
import type { Commands } from '../commands/bindCommands.js'
import { useCommandText } from '../commands/useCommandText.js'
import { takeBackVote, vote } from '../commands/votes.js'
import { askWhy, linkInterests, markAsPosition, unmarkPosition } from '../commands/method.js'
import { OutlineMethod, type OutlineMethodProps } from './OutlineMethod.js'
import { voteSummary } from './voteSummary.js'

export interface NoteOutlineProps {
  readonly notes: readonly NoteSnapshot[]
  readonly tally: ReadonlyMap<NoteId, VoteTally>
  /** [C35] Solutions with dots, best first: the solutions zone lists them in this order. */
  readonly ranking?: readonly { readonly noteId: NoteId; readonly rank: number }[]
  readonly clusterByNote: ReadonlyMap<NoteId, ClusterSnapshot>
  readonly zoneLabels: readonly string[]
  /** The workshop's two sides, to split each note's votes by. */
  readonly sides: readonly [string, string]
  readonly canWrite: boolean
  /** Votes go through the vote commands, by their rules (e.g. only in the voting phase, [C14]). */
  readonly commands: Commands
  readonly onAdd: (zoneIndex: number, text: string) => void
  readonly onEdit: (id: NoteId, before: string, after: string) => void
  /** Selects the note and brings it into view on the canvas. */
  readonly onLocate: (id: NoteId) => void
  /** [G1] [G2] [G3] What the method says of each note: tags, links. */
  readonly method?: Omit<OutlineMethodProps, 'note'>
}

// Thousands of list items cost more than the whole canvas; long zones open on request.
const PAGE = 100

/**
 * Every note as text, grouped by zone: what a screen reader and the keyboard use instead of the
 * canvas, and where notes can be added, edited and voted without a mouse.
 */
export function NoteOutline(props: NoteOutlineProps) {
  const { zoneLabels, canWrite } = props
  // The canvas draws first; the list follows in a render React may interrupt.
  const notes = useDeferredValue(props.notes)
  const { t } = useTranslation()
  const [adding, setAdding] = useState<number | null>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  return (
    <nav className="outline" aria-label={t('board.outline')} data-testid="outline">
      {ZONES.map((zone, i) => {
        // In reading order, as they sit on the board: top to bottom, left to right.
        const inZone = notes
          .filter(
            (n) => n.category === zone.category && (zone.side === null || n.side === zone.side),
          )
          .sort((a, b) => a.y - b.y || a.x - b.x)
        // [C35] after the vote the solutions read best first, each with its rank
        const rankOf = new Map((props.ranking ?? []).map((r) => [r.noteId, r.rank]))
        if (zone.category === 'solution' && rankOf.size > 0)
          inZone.sort((a, b) => (rankOf.get(a.id) ?? Infinity) - (rankOf.get(b.id) ?? Infinity))
        return (
          <section key={i} aria-labelledby={`outline-${i}`} data-zone={i}>
            <h3 id={`outline-${i}`}>
              {zoneLabels[i]} <span className="hint">({inZone.length})</span>
            </h3>
            <ul>
              {(expanded.has(i) ? inZone : inZone.slice(0, PAGE)).map((n) => (
                <OutlineNote
                  key={n.id}
                  note={n}
                  cluster={props.clusterByNote.get(n.id)?.name}
                  {...props}
                  votes={props.tally.get(n.id)}
                  {...(rankOf.has(n.id) && { rank: rankOf.get(n.id)! })}
                />
              ))}
            </ul>
            {inZone.length > PAGE && !expanded.has(i) && (
              <button
                type="button"
                className="link outline-add"
                onClick={() => setExpanded(new Set([...expanded, i]))}
              >
                {t('boardUi.outline.more', { count: inZone.length - PAGE })}
              </button>
            )}
            {canWrite &&
              (adding === i ? (
                <TextForm
                  label={t('boardUi.outline.addLabel', { zone: zoneLabels[i] })}
                  initial=""
                  onDone={(text) => {
                    if (text.trim()) props.onAdd(i, text.trim())
                    setAdding(null)
                  }}
                />
              ) : (
                <button type="button" className="link outline-add" onClick={() => setAdding(i)}>
                  + {t('boardUi.outline.add', { zone: zoneLabels[i] })}
                </button>
              ))}
          </section>
        )
      })}
    </nav>
  )
}

function OutlineNote(
  props: NoteOutlineProps & {
    note: NoteSnapshot
    cluster?: string
    votes?: VoteTally
    rank?: number
  },
) {
  const { note, cluster, votes, canWrite, commands, sides, onEdit, onLocate, rank } = props
  const { t } = useTranslation()
  const { text } = useCommandText()
  const [editing, setEditing] = useState<string | null>(null)
  if (editing !== null)
    return (
      <li data-note-id={note.id} data-testid="outline-note">
        <TextForm
          label={t('boardUi.outline.editLabel')}
          initial={editing}
          onDone={(text) => {
            onEdit(note.id, editing, text)
            setEditing(null)
          }}
        />
      </li>
    )
  const total = votes?.total ?? 0
  const ids = [note.id]
  const canVote = commands.isEnabled(vote, ids)
  return (
    <li data-note-id={note.id} data-testid="outline-note" data-rank={rank}>
      {rank !== undefined && (
        <span className="outline-rank" data-testid="outline-rank">
          {t('cockpit.rank', { rank })}
        </span>
      )}
      <span className="outline-text">
        {note.text || <em className="hint">{t('board.newNote')}</em>}
      </span>
      {note.author && <span className="hint"> — {note.author}</span>}
      {cluster && <span className="outline-cluster">{cluster}</span>}
      {props.method && <OutlineMethod note={note} {...props.method} />}
      <span className="outline-actions">
        <span className="outline-votes" data-testid="vote-count" data-count={total}>
          {voteSummary(t, sides, votes)}
        </span>
        <button
          type="button"
          className="mini"
          aria-label={`${t('boardUi.outline.locate')}: ${note.text}`}
          title={t('boardUi.outline.locate')}
          onClick={() => onLocate(note.id)}
        >
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden>
            <circle cx="6" cy="6" r="3.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M6 0v2.5M6 9.5V12M0 6h2.5M9.5 6H12" stroke="currentColor" strokeWidth="1.4" />
          </svg>
        </button>
        {canWrite && (
          <>
            {commands.applies(vote, ids) && (
              <button
                type="button"
                className="mini"
                disabled={!canVote}
                aria-label={`${t('boardUi.outline.vote')}: ${note.text}`}
                title={canVote ? t('boardUi.outline.vote') : text(vote.disabledHint ?? vote.label)}
                onClick={() => commands.run(vote, ids)}
              >
                +1
              </button>
            )}
            {commands.applies(takeBackVote, ids) && (
              <button
                type="button"
                className="mini"
                aria-label={`${t('boardUi.outline.unvote')}: ${note.text}`}
                title={t('boardUi.outline.unvote')}
                onClick={() => commands.run(takeBackVote, ids)}
              >
                −1
              </button>
            )}
            <button
              type="button"
              className="mini"
              aria-label={`${t('boardUi.outline.edit')}: ${note.text}`}
              onClick={() => setEditing(note.text)}
            >
              ✎
            </button>
            {[linkInterests, askWhy, markAsPosition, unmarkPosition].map(
              (c) =>
                commands.applies(c, note.id) && (
                  <button
                    key={c.id}
                    type="button"
                    className="mini"
                    data-command={c.id}
                    aria-label={`${text(c.label)}: ${note.text}`}
                    title={text(c.hint ?? c.label)}
                    onClick={() => commands.run(c, note.id)}
                  >
                    {c.icon ?? text(c.label)}
                  </button>
                ),
            )}
          </>
        )}
      </span>
    </li>
  )
}

/** A small inline editor: Enter saves, Shift+Enter breaks the line, Escape cancels. */
function TextForm({
  label,
  initial,
  onDone,
}: {
  label: string
  initial: string
  onDone: (text: string) => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(initial)
  return (
    <form
      className="outline-form"
      onSubmit={(e) => {
        e.preventDefault()
        onDone(text)
      }}
    >
      <textarea
        autoFocus
        rows={2}
        aria-label={label}
        maxLength={NoteLimits.maxTextLength}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault()
            onDone(text)
          } else if (e.key === 'Escape') onDone(initial)
        }}
      />
      <button type="submit" className="mini primary">
        {t('boardUi.outline.save')}
      </button>
    </form>
  )
}
