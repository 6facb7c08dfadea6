import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  addGuess,
  asNoteId,
  deleteGuesses,
  matchGuess,
  NoteLimits,
  swapOutcome,
  type BoardOrigin,
  type BoardSnapshot,
  type Side,
} from '@sparboard/board-model'
import { Phase, phaseRules, Role, type SessionView } from '@sparboard/protocol'

/** Who writes on this page, and into which document (the private room while writing alone). */
export interface MethodWriter {
  readonly doc: Y.Doc
  readonly origin: BoardOrigin
  readonly name: string
  readonly side: Side
}

const other = (side: Side): Side => (side === 0 ? 1 : 0)

/**
 * [SW1] The perspective swap on a board. While the sides write alone, a participant writes
 * guesses of the other side's interests into their private room (nobody else sees them); once
 * revealed, per side its stated interests next to what the other side guessed, and the group
 * links each guess to the interest it matches (a link in the board document).
 */
export function PerspectiveSwap({
  state,
  role,
  board,
  sides,
  writer,
  canWrite,
}: {
  state: SessionView
  role: Role | null
  /** What this page shows: the private room's content while writing alone, else the board's. */
  board: BoardSnapshot
  sides: readonly [string, string]
  writer: MethodWriter | null
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const alone = phaseRules[state.phase].privateWriting && !state.revealed
  if (alone && role === Role.participant)
    return (
      <GuessForm
        board={board}
        sides={sides}
        writer={writer}
        asking={state.phase === Phase.perspective && canWrite}
      />
    )
  if (board.guesses.length === 0)
    return <p className="hint">{alone ? t('method.swap.waiting') : t('method.swap.notYet')}</p>
  return (
    <div className="swap-sides">
      {([0, 1] as const).map((side) => (
        <SwapSide
          key={side}
          side={side}
          board={board}
          sides={sides}
          writer={canWrite ? writer : null}
        />
      ))}
    </div>
  )
}

/** A participant's own guesses while writing alone, and (in the perspective phase) the form. */
function GuessForm({
  board,
  sides,
  writer,
  asking,
}: {
  board: BoardSnapshot
  sides: readonly [string, string]
  writer: MethodWriter | null
  asking: boolean
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  if (!writer) return null
  const them = sides[other(writer.side)]
  const mine = board.guesses
  return (
    <div className="swap-form" data-testid="swap-form">
      {asking && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const clean = text.trim()
            if (!clean) return
            addGuess(
              writer.doc,
              crypto.randomUUID(),
              {
                text: clean,
                side: other(writer.side),
                authorSide: writer.side,
                author: writer.name,
                createdAt: Date.now(),
              },
              writer.origin,
            )
            setText('')
          }}
        >
          <label>
            {t('method.swap.ask', { other: them })}
            <textarea
              rows={2}
              maxLength={NoteLimits.maxTextLength}
              value={text}
              placeholder={t('method.swap.placeholder', { other: them })}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={!text.trim()}>
            {t('method.swap.add')}
          </button>
        </form>
      )}
      <h4>{asking ? t('method.swap.yours') : t('method.swap.heldBack')}</h4>
      {mine.length === 0 && <p className="hint">{t('method.swap.none')}</p>}
      <ul className="swap-list" data-testid="my-guesses">
        {mine.map((g) => (
          <li key={g.id}>
            <span>{g.text}</span>
            <button
              type="button"
              className="link"
              onClick={() => deleteGuesses(writer.doc, [g.id], writer.origin)}
            >
              {t('method.swap.remove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** [SW1] One side's stated interests next to the other side's guesses, with their links. */
function SwapSide({
  side,
  board,
  sides,
  writer,
}: {
  side: Side
  board: BoardSnapshot
  sides: readonly [string, string]
  writer: MethodWriter | null
}) {
  const { t } = useTranslation()
  const o = swapOutcome(board.notes, board.guesses, side)
  const names = { side: sides[side], other: sides[other(side)] }
  return (
    <section className="swap-side" data-testid={`swap-side-${side}`}>
      <h4>{t('method.swap.sideTitle', names)}</h4>
      <p className="hint" data-testid={`swap-score-${side}`}>
        {t('method.swap.score', {
          matched: o.matched.length,
          guesses: o.matched.length + o.wrong.length,
          missed: o.missed.length,
          stated: o.stated.length,
        })}
      </p>
      <div className="swap-columns">
        <div>
          <h5>{t('method.swap.stated', names)}</h5>
          {o.stated.length === 0 && <p className="hint">{t('method.swap.noStated', names)}</p>}
          <ul className="swap-list">
            {o.stated.map(({ note, guesses }) => (
              <li key={note.id} className={guesses.length > 0 ? 'hit' : 'missed'}>
                <span>{note.text || '…'}</span>
                <span className="swap-mark">
                  {guesses.length > 0 ? `✓ ${t('method.swap.hit')}` : t('method.swap.missed')}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h5>{t('method.swap.guessedBy', names)}</h5>
          {o.matched.length + o.wrong.length === 0 && (
            <p className="hint">{t('method.swap.noGuesses')}</p>
          )}
          <ul className="swap-list">
            {board.guesses
              .filter((g) => g.side === side)
              .map((g) => (
                <li key={g.id} className={g.match ? 'hit' : ''}>
                  <span>{g.text || '…'}</span>
                  <label className="swap-match">
                    <span className="hint">{t('method.swap.matches')}</span>
                    <select
                      value={g.match ?? ''}
                      disabled={!writer}
                      aria-label={`${t('method.swap.matches')}: ${g.text}`}
                      onChange={(e) =>
                        writer &&
                        matchGuess(
                          writer.doc,
                          g.id,
                          e.target.value ? asNoteId(e.target.value) : null,
                          writer.origin,
                        )
                      }
                    >
                      <option value="">{t('method.swap.noMatch')}</option>
                      {o.stated.map(({ note }) => (
                        <option key={note.id} value={note.id}>
                          {note.text.slice(0, 60) || '…'}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
          </ul>
        </div>
      </div>
    </section>
  )
}
