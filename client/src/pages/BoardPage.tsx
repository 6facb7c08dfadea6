import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { userOrigin } from '@sparboard/board-model'
import { canWrite as roleCanWrite } from '@sparboard/protocol'
import { BoardCanvas, type BoardCanvasHandle } from '../canvas/BoardCanvas.js'
import { AppHeader } from '../components/AppHeader.js'
import { ConnectionBadge } from '../components/ConnectionBadge.js'
import { NameDialog } from '../components/NameDialog.js'
import { NoteOutline } from '../components/NoteOutline.js'
import { PresenceList } from '../components/PresenceList.js'
import { navigate, workshopPath } from '../route.js'
import { useBoardDoc } from '../sync/useBoardDoc.js'
import { useDisplayName } from '../sync/useDisplayName.js'
import { useNotes } from '../sync/useNotes.js'
import { usePresence } from '../sync/usePresence.js'
import { useWorkshop } from '../sync/useWorkshop.js'
import { SessionBar } from '../session/SessionBar.js'
import { useBoardLocked } from '../session/useSession.js'

export interface BoardPageProps {
  readonly workshopId: string
  readonly boardId: string
  readonly token: string
}

export function BoardPage({ workshopId, boardId, token }: BoardPageProps) {
  const { t } = useTranslation()
  const state = useWorkshop(workshopId, token)
  const { connection, status } = useBoardDoc(boardId, token)
  const notes = useNotes(connection?.doc)
  const [name, setName] = useDisplayName()
  const people = usePresence(connection?.provider, name)
  const canvas = useRef<BoardCanvasHandle>(null)
  // One origin object per page: it is what this person's undo history tracks.
  const origin = useMemo(() => userOrigin(name || 'anonymous'), [name])

  const workshop = state.status === 'ready' ? state.workshop : null
  // A board the facilitator locked takes no edits from anyone.
  const locked = useBoardLocked(token, boardId)
  const writable = (workshop ? roleCanWrite(workshop.role) : false) && !locked

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, textarea, select, [contenteditable]')) return
      if (e.key === 'n' || e.key === 'N') {
        e.preventDefault()
        canvas.current?.addNoteAtCenter()
      }
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [])

  if (state.status === 'loading') return <p className="page-message">{t('workshop.loading')}</p>
  if (state.status === 'error' || !workshop)
    return <p className="page-message error">{t('workshop.notFound')}</p>
  const board = workshop.boards.find((b) => b.id === boardId)
  const boardCase = workshop.cases.find((c) => c.id === board?.caseId)
  const group = workshop.groups.find((g) => g.id === board?.groupId)
  const zoneLabels = [
    t('zone.interestOf', { side: workshop.sides[0] }),
    t('zone.friction'),
    t('zone.interestOf', { side: workshop.sides[1] }),
    t('zone.solution'),
  ]

  return (
    <div className="board-page">
      <AppHeader>
        <button
          type="button"
          className="link"
          onClick={() => navigate(workshopPath(workshopId, token))}
        >
          ← {t('board.back')}
        </button>
        <div className="board-title">
          <h1 className="header-title">{boardCase?.title}</h1>
          {group && <span className="hint">{t('workshop.group', { name: group.name })}</span>}
        </div>
        {!writable && <span className="badge">{t('board.readOnly')}</span>}
        <PresenceList people={people} label={t('board.presence')} />
        <ConnectionBadge status={status} />
      </AppHeader>
      <SessionBar workshop={workshop} token={token} boardId={boardId} />
      <div className="board-body">
        <aside className="board-side">
          {boardCase?.description && <p className="case-description">{boardCase.description}</p>}
          <h2>{t('board.goals')}</h2>
          {workshop.goals.length ? (
            <ol className="goals">
              {workshop.goals.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ol>
          ) : (
            <p className="hint">{t('board.noGoals')}</p>
          )}
          <h2 className="outline-title">{t('board.notes', { count: notes.length })}</h2>
          <NoteOutline notes={notes} zoneLabels={zoneLabels} />
        </aside>
        <main className="board-main">
          {connection && (
            <BoardCanvas
              handle={canvas}
              doc={connection.doc}
              notes={notes}
              origin={origin}
              author={name}
              canWrite={writable}
              zoneLabels={zoneLabels}
            />
          )}
          <div className="toolbar" role="toolbar" aria-label={t('board.toolbar')}>
            {writable && (
              <button
                type="button"
                className="primary"
                title={t('board.addNoteTitle')}
                onClick={() => canvas.current?.addNoteAtCenter()}
              >
                + {t('board.addNote')}
              </button>
            )}
            <button
              type="button"
              title={t('board.zoomOut')}
              aria-label={t('board.zoomOut')}
              onClick={() => canvas.current?.zoomBy(1 / 1.25)}
            >
              −
            </button>
            <button
              type="button"
              title={t('board.zoomIn')}
              aria-label={t('board.zoomIn')}
              onClick={() => canvas.current?.zoomBy(1.25)}
            >
              +
            </button>
            <button type="button" onClick={() => canvas.current?.zoomToFit()}>
              {t('board.zoomToFit')}
            </button>
          </div>
          {writable && notes.length === 0 && <p className="empty-hint">{t('board.emptyHint')}</p>}
        </main>
      </div>
      {writable && !name && <NameDialog onDone={setName} />}
    </div>
  )
}
