import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardSnapshot } from '@sparboard/board-model'
import type { SessionView } from '@sparboard/protocol'
import { AppHeader } from '../components/AppHeader.js'
import { ConnectionBadge } from '../components/ConnectionBadge.js'
import { LanguageSwitch } from '../components/LanguageSwitch.js'
import { PresenceList } from '../components/PresenceList.js'
import { ExportMenu, type ExportMenuProps } from '../export/ExportMenu.js'
import { useNarrow } from '../phone/useNarrow.js'
import { navigate, workshopPath } from '../route.js'
import type { ConnectionStatus } from '../sync/useBoardDoc.js'
import type { Person } from '../sync/usePresence.js'

// Only the facilitator's header has the board's history: its code is a chunk of its own (issue 19).
const BoardHistory = lazy(() =>
  import('../history/BoardHistory.js').then((m) => ({ default: m.BoardHistory })),
)

export interface BoardHeaderProps {
  readonly workshopId: string
  readonly boardId: string
  readonly token: string
  readonly facilitator: boolean
  readonly title: string | undefined
  readonly groupName: string | undefined
  /** The workshop's title, for the export's header band. */
  readonly workshopTitle: string
  /** [C33] Casts votes: in a blind round the board shows only their own dots. */
  readonly voter: boolean
  /** The session, for the export's header band (its number, a vote still open). */
  readonly session: SessionView | null
  readonly writable: boolean
  readonly board: BoardSnapshot
  readonly zoneLabels: readonly string[]
  readonly selected: ReadonlySet<string>
  readonly people: readonly Person[]
  readonly status: ConnectionStatus
  readonly onAgreements: () => void
  /** [G1] [G2] [G3] The method's marks, for the board's image exports. */
  readonly marks?: ExportMenuProps['marks']
}

/**
 * The board's header: back to the workshop, what board this is, and what to do with it. On one
 * row at desktop widths; [M2] below NARROW_QUERY all but the way back, the title and the
 * connection fold into a menu.
 */
export function BoardHeader(props: BoardHeaderProps) {
  const { t } = useTranslation()
  const narrow = useNarrow()
  const group = props.groupName ? t('workshop.group', { name: props.groupName }) : null
  const actions = (
    <>
      <button type="button" className="link" onClick={props.onAgreements}>
        {t('boardUi.agreements.title')} ({props.board.agreements.length})
      </button>
      {props.facilitator && (
        // until it has loaded, its button in place, disabled: the header does not shift
        <Suspense
          fallback={
            <button type="button" className="link" disabled>
              {t('history.open')}
            </button>
          }
        >
          <BoardHistory boardId={props.boardId} token={props.token} />
        </Suspense>
      )}
      <ExportMenu
        board={props.board}
        zoneLabels={props.zoneLabels}
        selected={props.selected}
        fileName={`${props.title ?? ''} - ${props.groupName ?? ''}`}
        names={{
          boardId: props.boardId,
          caseTitle: props.title ?? '',
          groupName: props.groupName ?? '',
          workshopTitle: props.workshopTitle,
        }}
        session={props.session}
        voter={props.voter}
        {...(props.marks && { marks: props.marks })}
      />
    </>
  )
  const presence = <PresenceList people={props.people} label={t('board.presence')} />
  return (
    <AppHeader language={!narrow}>
      <button
        type="button"
        className="link board-back"
        onClick={() => navigate(workshopPath(props.workshopId, props.token))}
        {...(narrow && { 'aria-label': t('board.back'), title: t('board.back') })}
      >
        ←{!narrow && <> {t('board.back')}</>}
      </button>
      <div className="board-title">
        <h1 className="header-title">{props.title}</h1>
        {group && <span className="hint">{group}</span>}
      </div>
      {!props.writable && <span className="badge">{t('board.readOnly')}</span>}
      {narrow ? (
        <>
          <ConnectionBadge status={props.status} />
          <HeaderMenu>
            <div className="board-menu-people">
              <span className="hint">{t('board.presence')}</span>
              {presence}
            </div>
            {actions}
            <LanguageSwitch />
          </HeaderMenu>
        </>
      ) : (
        <>
          {actions}
          {presence}
          <ConnectionBadge status={props.status} />
        </>
      )}
    </AppHeader>
  )
}

/** The folded header: a menu button, and its panel under the header until tapped outside. */
function HeaderMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (e: PointerEvent) => {
      // A dialog opened from the menu (history) is not "outside" it.
      const target = e.target as Element
      if (!ref.current?.contains(target) && !target.closest?.('.dialog-backdrop')) setOpen(false)
    }
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('pointerdown', away)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('pointerdown', away)
      document.removeEventListener('keydown', escape)
    }
  }, [open])
  return (
    <div className="board-menu" ref={ref}>
      <button
        type="button"
        className="board-menu-button"
        aria-expanded={open}
        aria-controls="board-menu-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden>☰</span> {t('phone.menu')}
      </button>
      <div
        id="board-menu-panel"
        className="board-menu-panel"
        role="group"
        aria-label={t('phone.menuTitle')}
        hidden={!open}
      >
        {children}
      </div>
    </div>
  )
}
