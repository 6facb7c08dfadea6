import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  agreementBySolution,
  notesOf,
  tallyVotes,
  ungroupNotes,
  userOrigin,
  type AgreementId,
  type ClusterId,
  type NoteId,
} from '@sparboard/board-model'
import { canWrite as roleCanWrite } from '@sparboard/protocol'
import { BoardCanvas, type BoardCanvasHandle } from '../canvas/BoardCanvas.js'
import { AgreementPanel, type AgreementDraft } from '../components/AgreementPanel.js'
import { AppHeader } from '../components/AppHeader.js'
import { BoardToolbar } from '../components/BoardToolbar.js'
import { ClusterNameDialog } from '../components/ClusterNameDialog.js'
import { ConnectionBadge } from '../components/ConnectionBadge.js'
import { ExportMenu } from '../export/ExportMenu.js'
import { HelpSheet } from '../components/HelpSheet.js'
import { NameDialog } from '../components/NameDialog.js'
import { NoteOutline } from '../components/NoteOutline.js'
import { PresenceList } from '../components/PresenceList.js'
import { SelectionTools } from '../components/SelectionTools.js'
import { navigate, workshopPath } from '../route.js'
import { SessionBar } from '../session/SessionBar.js'
import { useBoardToken } from '../session/useBoardToken.js'
import { useBoardLocked, useSession, useVoteBudget, useVotingOpen } from '../session/useSession.js'
import { usePrivateBoard } from '../session/usePrivateBoard.js'
import { useBoard } from '../sync/useBoard.js'
import { useBoardActions } from '../sync/useBoardActions.js'
import { useBoardDoc } from '../sync/useBoardDoc.js'
import { useBoardKeys } from '../sync/useBoardKeys.js'
import { useDisplayName } from '../sync/useDisplayName.js'
import { useParticipant } from '../sync/useParticipant.js'
import { usePresence } from '../sync/usePresence.js'
import { useUndo } from '../sync/useUndo.js'
import { useWorkshop } from '../sync/useWorkshop.js'

export interface BoardPageProps {
  readonly workshopId: string
  readonly boardId: string
  readonly token: string
  /** Dots per person; by default what the facilitator set for the session. */
  readonly voteBudget?: number
}

type ClusterDialog = { kind: 'group'; ids: readonly NoteId[] } | { kind: 'rename'; id: ClusterId }

export function BoardPage({ workshopId, boardId, token, ...props }: BoardPageProps) {
  const { t } = useTranslation()
  const state = useWorkshop(workshopId, token)
  const { role: sessionRole } = useSession(token)
  const role = sessionRole ?? (state.status === 'ready' ? state.workshop.role : null)
  // [C20] a participant's board connections carry their own token, not the shared link's
  const boardToken = useBoardToken(workshopId, token, role)
  const { connection: boardConnection, status } = useBoardDoc(boardId, boardToken)
  // While private writing is on, a participant writes in a room only they can open.
  const connection = usePrivateBoard(workshopId, boardId, token, boardConnection, boardToken)
  const board = useBoard(connection?.doc)
  const [name, setName] = useDisplayName()
  const participant = useParticipant(workshopId, role)
  const people = usePresence(connection?.provider, name)
  const canvas = useRef<BoardCanvasHandle>(null)
  // One origin object per page: it is what this person's undo history tracks.
  const origin = useMemo(() => userOrigin(name || 'anonymous'), [name])
  const undo = useUndo(connection?.doc, origin)
  const sessionBudget = useVoteBudget(token)
  const voteBudget = props.voteBudget ?? sessionBudget
  const me = { participant: participant.id, side: participant.side, name, budget: voteBudget }
  const actions = useBoardActions(connection?.doc, origin, me)
  // [C14] votes only in the voting phase, once the facilitator runs the agenda, and only by
  // someone who votes (a participant under the id the server issued, or the facilitator); the
  // server undoes any other vote ([H21])
  const votingOpen = useVotingOpen(token) && participant.id !== null
  const vote = (id: NoteId, retract: boolean) => votingOpen && actions.vote(id, retract)
  const [selected, setSelected] = useState<ReadonlySet<NoteId>>(new Set())
  const [help, setHelp] = useState(false)
  const [clusterDialog, setClusterDialog] = useState<ClusterDialog | null>(null)
  const [agreementsOpen, setAgreementsOpen] = useState(false)
  const [draft, setDraft] = useState<AgreementDraft | null>(null)
  // A new object each time, so that showing the same agreement again scrolls to it again.
  const [shownAgreement, setShownAgreement] = useState<{ id: AgreementId } | null>(null)

  const workshop = state.status === 'ready' ? state.workshop : null
  // A board the facilitator locked takes no edits from anyone.
  const locked = useBoardLocked(token, boardId)
  const writable = (workshop ? roleCanWrite(workshop.role) : false) && !locked
  const notesById = useMemo(() => new Map(board.notes.map((n) => [n.id, n])), [board.notes])
  const tally = useMemo(() => tallyVotes(board.votes, participant.id), [board, participant.id])
  const used = board.votes
    .filter((v) => v.participant === participant.id)
    .reduce((s, v) => s + v.count, 0)
  const votesLeft = votingOpen ? Math.max(0, voteBudget - used) : 0
  const selectedNotes = [...selected].flatMap((id) => notesById.get(id) ?? [])
  const solution = selectedNotes.length === 1 && selectedNotes[0]!.category === 'solution'
  const agreementOf = useMemo(() => agreementBySolution(board.agreements), [board.agreements])
  // A solution that is an agreement already gets shown it, not a second one.
  const existingAgreement = solution ? agreementOf.get(selectedNotes[0]!.id) : undefined
  const showAgreement = (id: AgreementId) => {
    setShownAgreement({ id })
    setAgreementsOpen(true)
  }
  const openAgreement = () => {
    if (!solution) return
    if (existingAgreement) return showAgreement(existingAgreement.id)
    setDraft({ kind: 'new', solution: selectedNotes[0]! })
    setAgreementsOpen(true)
  }
  const inCluster = board.clusters.some((c) => c.noteIds.some((id) => selected.has(id)))
  const ungroupSelected = () => connection && ungroupNotes(connection.doc, [...selected], origin)
  const voteSelected = (retract: boolean) => selectedNotes.forEach((n) => vote(n.id, retract))

  // Selection of notes someone else deleted would otherwise linger in the tools. Asks the
  // document, not the snapshot: a note just pasted is in the document a frame earlier.
  useEffect(() => {
    const live = connection ? notesOf(connection.doc) : null
    if (live && [...selected].some((id) => !live.has(id)))
      setSelected(new Set([...selected].filter((id) => live.has(id))))
  }, [connection, notesById, selected])

  useBoardKeys({
    canWrite: writable,
    addNote: () => canvas.current?.addNoteAtCenter(),
    undo: undo.undo,
    redo: undo.redo,
    help: () => setHelp((h) => !h),
    group: () => selected.size && setClusterDialog({ kind: 'group', ids: [...selected] }),
    ungroup: ungroupSelected,
    vote: voteSelected,
    agreement: openAgreement,
  })

  if (state.status === 'loading') return <p className="page-message">{t('workshop.loading')}</p>
  if (state.status === 'error' || !workshop)
    return <p className="page-message error">{t('workshop.notFound')}</p>
  const boardRef = workshop.boards.find((b) => b.id === boardId)
  const boardCase = workshop.cases.find((c) => c.id === boardRef?.caseId)
  const group = workshop.groups.find((g) => g.id === boardRef?.groupId)
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
        <button type="button" className="link" onClick={() => setAgreementsOpen((o) => !o)}>
          {t('boardUi.agreements.title')} ({board.agreements.length})
        </button>
        <ExportMenu
          board={board}
          zoneLabels={zoneLabels}
          selected={selected}
          fileName={`${boardCase?.title ?? ''} - ${group?.name ?? ''}`}
        />
        <PresenceList people={people} label={t('board.presence')} />
        <ConnectionBadge status={status} />
      </AppHeader>
      <SessionBar workshop={workshop} token={token} boardId={boardId} displayName={name} />
      <div className="board-body">
        <aside className="board-side">
          {(boardCase?.description || boardCase?.broughtBy) && (
            <div className="case-description" data-testid="case-panel">
              {boardCase.broughtBy && (
                <p className="case-brought-by">
                  {t('workshop.broughtBy', { name: boardCase.broughtBy })}
                </p>
              )}
              {boardCase.description && <p>{boardCase.description}</p>}
            </div>
          )}
          {/* The goals stay in view while the outline scrolls: agreements are tested on them. */}
          <section className="board-goals" aria-labelledby="board-goals-title">
            <h2 id="board-goals-title">{t('board.goals')}</h2>
            {workshop.goals.length ? (
              <ol className="goals">
                {workshop.goals.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ol>
            ) : (
              <p className="hint">{t('board.noGoals')}</p>
            )}
          </section>
          <h2 className="outline-title">{t('board.notes', { count: board.notes.length })}</h2>
          <NoteOutline
            notes={board.notes}
            tally={tally}
            clusters={board.clusters}
            zoneLabels={zoneLabels}
            sides={workshop.sides}
            canWrite={writable}
            votesLeft={votesLeft}
            votingOpen={votingOpen}
            onAdd={(zone, text) => actions.addInZone(zone, text, board.notes)}
            onEdit={actions.edit}
            onVote={vote}
            onLocate={(id) => {
              setSelected(new Set([id]))
              canvas.current?.focusNote(id)
            }}
          />
        </aside>
        <main className="board-main">
          {connection && (
            <BoardCanvas
              handle={canvas}
              doc={connection.doc}
              provider={connection.provider}
              board={board}
              origin={origin}
              author={name}
              authorSide={participant.side}
              me={participant.id}
              canWrite={writable}
              zoneLabels={zoneLabels}
              sides={workshop.sides}
              selected={selected}
              onSelect={setSelected}
              onVote={vote}
              onRenameCluster={(id) => setClusterDialog({ kind: 'rename', id })}
              selectionTools={
                writable && selected.size > 0 ? (
                  <SelectionTools
                    selectedCount={selected.size}
                    canMakeAgreement={solution}
                    {...(existingAgreement && {
                      onShowAgreement: () => showAgreement(existingAgreement.id),
                    })}
                    votingOpen={votingOpen}
                    votesLeft={votesLeft}
                    onDuplicate={() => canvas.current?.duplicateSelected()}
                    onDelete={() => canvas.current?.deleteSelected()}
                    onGroup={() => setClusterDialog({ kind: 'group', ids: [...selected] })}
                    {...(inCluster && { onUngroup: ungroupSelected })}
                    onVote={() => voteSelected(false)}
                    onAgreement={openAgreement}
                  />
                ) : null
              }
            />
          )}
          <BoardToolbar
            canWrite={writable}
            canUndo={undo.canUndo}
            canRedo={undo.canRedo}
            votingOpen={votingOpen}
            votesLeft={votesLeft}
            budget={voteBudget}
            onAdd={() => canvas.current?.addNoteAtCenter()}
            onUndo={undo.undo}
            onRedo={undo.redo}
            onZoom={(f) => canvas.current?.zoomBy(f)}
            onFit={() => canvas.current?.zoomToFit()}
            onHelp={() => setHelp(true)}
          />
          {writable && board.notes.length === 0 && (
            <p className="empty-hint">{t('board.emptyHint')}</p>
          )}
        </main>
        {agreementsOpen && (
          <AgreementPanel
            agreements={board.agreements}
            goals={workshop.goals}
            notesById={notesById}
            draft={draft}
            shown={shownAgreement}
            canWrite={writable}
            onDraft={setDraft}
            onSave={(d, values) => {
              actions.saveAgreement(d, values)
              setDraft(null)
            }}
            onDelete={actions.deleteAgreement}
            onClose={() => {
              setAgreementsOpen(false)
              setShownAgreement(null)
            }}
          />
        )}
      </div>
      {clusterDialog && (
        <ClusterNameDialog
          rename={clusterDialog.kind === 'rename'}
          initial={
            clusterDialog.kind === 'rename'
              ? (board.clusters.find((c) => c.id === clusterDialog.id)?.name ?? '')
              : ''
          }
          onCancel={() => setClusterDialog(null)}
          onDone={(clusterName) => {
            if (clusterDialog.kind === 'rename') actions.rename(clusterDialog.id, clusterName)
            else actions.group(clusterDialog.ids, clusterName)
            setClusterDialog(null)
          }}
        />
      )}
      {help && <HelpSheet onClose={() => setHelp(false)} />}
      {writable && !name && (
        <NameDialog
          onDone={setName}
          sides={workshop.sides}
          side={participant.side}
          onSide={participant.setSide}
        />
      )}
    </div>
  )
}
