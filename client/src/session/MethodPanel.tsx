import { useTranslation } from 'react-i18next'
import type { BoardSnapshot } from '@sparboard/board-model'
import { Phase, Role, type WorkshopView } from '@sparboard/protocol'
import { FallbackCard } from './FallbackCard.js'
import { useIdentity } from './participantIdentity.js'
import { PerspectiveSwap, type MethodWriter } from './PerspectiveSwap.js'
import { useSession } from './useSession.js'

/**
 * The method options the facilitator switched on for this workshop, on the board page: the
 * perspective swap ([SW1]) and the "if we don't agree" card ([FB1]). Nothing when none is on.
 */
export function MethodPanel({
  workshop,
  token,
  boardId,
  board,
  writer,
  canWrite,
  aside,
}: {
  workshop: WorkshopView
  token: string
  boardId: string
  /** The board as this page shows it (a participant's private room while writing alone). */
  board: BoardSnapshot
  writer: MethodWriter | null
  canWrite: boolean
  /** Beside the board (wide screens), or in the side sheet (phones). */
  aside: boolean
}) {
  const { t } = useTranslation()
  const { state, role } = useSession(token)
  const identity = useIdentity(workshop.id)
  const { perspectiveSwap, fallbackCards } = workshop.method
  if (!perspectiveSwap && !fallbackCards) return null
  const Root = aside ? 'aside' : 'section'
  const rootProps = {
    className: aside ? 'method-panel method-aside' : 'method-panel',
    'aria-label': t('method.panel'),
    'data-testid': 'method-panel',
  }
  // in the layout from the start, so the board's first fit already leaves room for it
  if (!state) return <Root {...rootProps} />
  const me =
    role === Role.participant
      ? (state.participants.find((p) => p.id === identity?.id) ?? null)
      : null
  // open while it is what the group works on: guessing, or comparing once revealed
  const swapOpen = state.phase === Phase.perspective || board.guesses.length > 0
  return (
    <Root {...rootProps}>
      {perspectiveSwap && (
        <details open={swapOpen} data-testid="swap-panel">
          <summary>{t('method.swap.title')}</summary>
          <PerspectiveSwap
            state={state}
            role={role}
            board={board}
            sides={workshop.sides}
            writer={writer}
            canWrite={canWrite}
          />
        </details>
      )}
      {fallbackCards && (
        <details open={state.fallbacksRevealed.includes(boardId)} data-testid="fallback-panel">
          <summary>{t('method.fallback.title')}</summary>
          <FallbackCard
            token={token}
            boardId={boardId}
            state={state}
            role={role}
            me={me}
            board={board}
            sides={workshop.sides}
            canWrite={canWrite}
          />
        </details>
      )}
    </Root>
  )
}
