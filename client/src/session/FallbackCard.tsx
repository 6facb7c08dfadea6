import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FALLBACK_TEXT_MAX, Role, type SessionView } from '@sparboard/protocol'
import type { BoardSnapshot } from '@sparboard/board-model'
import { useSession } from './useSession.js'

/**
 * [FB1] The "if we don't agree" card of a board. Before the reveal a participant writes their
 * side's card (kept on the server, read back by their side alone); the facilitator sees only
 * which sides wrote one (the reveal is a cockpit action). Once revealed, both cards are on the
 * board for everyone.
 */
export function FallbackCard({
  token,
  boardId,
  state,
  role,
  me,
  board,
  sides,
  canWrite,
}: {
  token: string
  boardId: string
  state: SessionView
  role: Role | null
  /** This page's participant as the session knows them, or null. */
  me: { readonly name: string; readonly side: 0 | 1 | 'other' } | null
  board: BoardSnapshot
  sides: readonly [string, string]
  canWrite: boolean
}) {
  const { t } = useTranslation()
  if (state.fallbacksRevealed.includes(boardId))
    return (
      <ul className="fallback-cards" data-testid="fallback-cards">
        {board.fallbacks.map((card) => (
          <li key={card.side}>
            <strong>{sides[card.side]}</strong>
            <p>{card.text || t('method.fallback.none')}</p>
          </li>
        ))}
      </ul>
    )
  const written = (side: 0 | 1) => (state.fallbacks[`${boardId}/${side}`] ?? 0) > 0
  const status = (
    <ul className="fallback-status" data-testid="fallback-status">
      {([0, 1] as const).map((side) => (
        <li key={side}>
          {sides[side]}:{' '}
          {written(side) ? `✓ ${t('method.fallback.written')}` : t('method.fallback.notWritten')}
        </li>
      ))}
    </ul>
  )
  if (role !== Role.participant || !me || me.side === 'other')
    return (
      <>
        <p className="hint">
          {role === Role.facilitator ? t('method.fallback.hidden') : t('method.fallback.noSide')}
        </p>
        {status}
      </>
    )
  return (
    <>
      <SideCard
        token={token}
        boardId={boardId}
        side={me.side}
        sideName={sides[me.side]}
        saves={state.fallbacks[`${boardId}/${me.side}`] ?? 0}
        canWrite={canWrite}
      />
      {status}
    </>
  )
}

/** A participant's side's card: read from the server (again when a teammate saves), saved there. */
function SideCard({
  token,
  boardId,
  sideName,
  saves,
  canWrite,
}: {
  token: string
  boardId: string
  side: 0 | 1
  sideName: string
  /** How often the card was saved: a change means a teammate saved it. */
  saves: number
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const { send } = useSession(token)
  const [text, setText] = useState('')
  const [saved, setSaved] = useState<{ text: string; by: string } | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    let live = true
    send('fallback:mine', { boardId }).then(
      (ack) => {
        if (!live || !ack.ok) return
        setSaved({ text: ack.text, by: ack.by })
        setText(ack.text)
      },
      () => {},
    )
    return () => {
      live = false
    }
  }, [send, boardId, saves])
  return (
    <form
      className="fallback-form"
      data-testid="fallback-form"
      onSubmit={async (e) => {
        e.preventDefault()
        setBusy(true)
        try {
          const ack = await send('fallback:write', { boardId, text })
          if (ack.ok) setSaved({ text: ack.text, by: ack.by })
        } catch {
          // not sent (offline): the text stays in the form to save again
        } finally {
          setBusy(false)
        }
      }}
    >
      <label>
        {t('method.fallback.intro', { side: sideName })}
        <textarea
          rows={3}
          maxLength={FALLBACK_TEXT_MAX}
          value={text}
          disabled={!canWrite}
          placeholder={t('method.fallback.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p className="hint">🔒 {t('method.fallback.private', { side: sideName })}</p>
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={!canWrite || busy || text.trim() === (saved?.text ?? '')}
        >
          {t('method.fallback.save')}
        </button>
        {saved?.by && (
          <span className="hint" data-testid="fallback-saved">
            {t('method.fallback.saved', { name: saved.by })}
          </span>
        )}
      </div>
    </form>
  )
}
