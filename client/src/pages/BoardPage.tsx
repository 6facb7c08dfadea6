import { lazy, Suspense, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_SIZE, userOrigin, type NoteId } from '@sparboard/board-model'
import {
  agendaOf,
  canWrite as roleCanWrite,
  defaultMethod,
  Role,
  type BoardInfo,
  type Participant,
} from '@sparboard/protocol'
import { BoardCanvas } from '../canvas/BoardCanvas.js'
import { BoardNotices } from '../cockpit/BoardNotices.js'
import { useBoardCockpit } from '../cockpit/useBoardCockpit.js'
import { useCamera } from '../canvas/useCamera.js'
import { removeAgreement, saveAgreement } from '../commands/agreements.js'
import { bindCommands } from '../commands/bindCommands.js'
import { nameCluster } from '../commands/clusters.js'
import type { BoardAuthor, BoardUi } from '../commands/Command.js'
import { answerWhy, toggleLink } from '../commands/method.js'
import { useCommandKeys } from '../commands/useCommandKeys.js'
import { LinkInterestsDialog } from '../components/LinkInterestsDialog.js'
import { WhyDialog } from '../components/WhyDialog.js'
import { AgreementPanel } from '../components/AgreementPanel.js'
import { BoardToolbar } from '../components/BoardToolbar.js'
import { ClusterNameDialog } from '../components/ClusterNameDialog.js'
import { ContextMenu } from '../components/ContextMenu.js'
import { HelpSheet } from '../components/HelpSheet.js'
import { NameDialog } from '../components/NameDialog.js'
import { SelectionTools } from '../components/SelectionTools.js'
import { MethodPanel } from '../session/MethodPanel.js'
import { SessionBar } from '../session/SessionBar.js'
import { useBoardToken } from '../session/useBoardToken.js'
import { useBoardLocked, useSession, useVoteBudget, useVotingOpen } from '../session/useSession.js'
import { usePrivateBoard } from '../session/usePrivateBoard.js'
import { useBoardDoc } from '../sync/useBoardDoc.js'
import { useBoardView } from '../sync/useBoardView.js'
import { useDisplayName } from '../sync/useDisplayName.js'
import { useParticipant } from '../session/useParticipant.js'
import { usePresence } from '../sync/usePresence.js'
import { useUndo } from '../sync/useUndo.js'
import { useWorkshop } from '../sync/useWorkshop.js'
import { useMethodLook } from '../sync/useMethodLook.js'

const NO_SIDES: readonly [string, string] = ['', '']
import { BoardSheet } from '../phone/BoardSheet.js'
import { useCoarsePointer, useNarrow } from '../phone/useNarrow.js'
import { ZoneChips } from '../phone/ZoneChips.js'
import { BoardHeader } from './BoardHeader.js'
import { BoardSide } from './BoardSide.js'
import { useBoardPanels } from './useBoardPanels.js'
import { useSelection } from './useSelection.js'

// The facilitator's plenary cockpit is a chunk of its own: a participant's board never loads it.
const Cockpit = lazy(() => import('../cockpit/Cockpit.js').then((m) => ({ default: m.Cockpit })))

export interface BoardPageProps {
  readonly workshopId: string
  readonly boardId: string
  readonly token: string
  /** Dots per person; by default what the facilitator set for the session. */
  readonly voteBudget?: number
}

export function BoardPage({ workshopId, boardId, token, ...props }: BoardPageProps) {
  const { t } = useTranslation()
  const state = useWorkshop(workshopId, token)
  const { role: sessionRole, state: session } = useSession(token)
  const role = sessionRole ?? (state.status === 'ready' ? state.workshop.role : null)
  // [C20] a participant's board connections carry their own token, not the shared link's
  const boardToken = useBoardToken(workshopId, token, role)
  const { connection: boardConnection, status } = useBoardDoc(boardId, boardToken)
  // While private writing is on, a participant writes in a room only they can open.
  const connection = usePrivateBoard(workshopId, boardId, token, boardConnection, boardToken)
  const [name, setName] = useDisplayName()
  const participant = useParticipant(workshopId, role)
  const boardView = useBoardView(connection?.doc, participant.id)
  const people = usePresence(connection?.provider, name)
  // One origin object per page: it is what this person's undo history tracks.
  const origin = useMemo(() => userOrigin(name || 'anonymous'), [name])
  const undo = useUndo(connection?.doc, origin)
  const sessionBudget = useVoteBudget(token)
  const budget = props.voteBudget ?? sessionBudget
  // [C14] votes only in the voting phase, once the facilitator runs the agenda, and only by
  // someone who votes (a participant under the id the server issued); [C36] the facilitator is
  // neutral and casts none
  const votingOpen = useVotingOpen(token) && participant.id !== null && role !== Role.facilitator
  const camera = useCamera(boardView.board.notes)
  // [C32]-[C37] following, plenary, presence and a blind round's own dots
  const cockpit = useBoardCockpit({
    token,
    boardId,
    role,
    camera,
    view: boardView,
    participantId: role === Role.participant ? participant.id : null,
    side: participant.side,
  })
  const { view } = cockpit
  const { board, notesById } = view
  const panels = useBoardPanels()
  const narrow = useNarrow()
  const coarse = useCoarsePointer()
  const [selected, setSelected] = useSelection(notesById)
  const [editing, setEditing] = useState<NoteId | null>(null)
  // [G1] the solution whose interests are being picked; [G3] the position asked why
  const [linking, setLinking] = useState<NoteId | null>(null)
  const [asking, setAsking] = useState<NoteId | null>(null)
  const workshop = state.status === 'ready' ? state.workshop : null
  // the server answers the method with its defaults filled in
  const methodOptions = workshop?.method ?? defaultMethod
  // A board the facilitator locked takes no edits from anyone.
  const locked = useBoardLocked(token, boardId)
  const writable = (workshop ? roleCanWrite(workshop.role) : false) && !locked
  const doc = connection?.doc
  const author: BoardAuthor | null = useMemo(
    () => (doc ? { doc, origin, name, side: participant.side } : null),
    [doc, origin, name, participant.side],
  )
  const ui: BoardUi = {
    select: (ids) => setSelected(new Set(ids)),
    edit: setEditing,
    nameCluster: panels.nameCluster,
    draftAgreement: (solution) => panels.draftAgreement({ kind: 'new', solution }),
    showAgreement: panels.showAgreement,
    toggleHelp: panels.toggleHelp,
    openMenu: panels.openMenu,
    linkInterests: setLinking,
    askWhy: setAsking,
  }
  const marks = useMethodLook(methodOptions, view, workshop?.sides ?? NO_SIDES)
  const commands = bindCommands({
    view,
    method: methodOptions,
    selected,
    selection: [...selected].flatMap((id) => notesById.get(id) ?? []),
    author,
    canWrite: writable,
    editing,
    voting: {
      open: votingOpen,
      participant: participant.id,
      budget,
      left: votingOpen ? Math.max(0, budget - view.myVotes) : 0,
      ...(cockpit.cast && { cast: cockpit.cast }),
    },
    undo,
    camera,
    ui,
  })
  useCommandKeys(commands)

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
  const naming = panels.naming
  // [SW1] [FB1] the method options: beside the board when wide, in the side sheet on a phone
  const method = (aside: boolean) => (
    <MethodPanel
      workshop={workshop}
      token={token}
      boardId={boardId}
      board={board}
      writer={author}
      canWrite={writable}
      aside={aside}
    />
  )

  return (
    <div className="board-page">
      <BoardHeader
        workshopId={workshopId}
        boardId={boardId}
        token={token}
        facilitator={workshop.role === Role.facilitator}
        title={boardCase?.title}
        groupName={group?.name}
        workshopTitle={workshop.title}
        session={session}
        voter={role === Role.participant && participant.id !== null}
        writable={writable}
        board={board}
        zoneLabels={zoneLabels}
        selected={selected}
        people={people}
        status={status}
        onAgreements={panels.toggleAgreements}
        marks={marks}
      />
      <SessionBar workshop={workshop} token={token} boardId={boardId} displayName={name} />
      {workshop.role === Role.facilitator && cockpit.plenary && (
        <Suspense fallback={null}>
          <Cockpit
            token={token}
            boardId={boardId}
            plenary={cockpit.plenary}
            agenda={agendaOf(workshop.method)}
            fallbackCards={workshop.method.fallbackCards}
          />
        </Suspense>
      )}
      <BoardNotices
        follow={cockpit.follow}
        plenary={cockpit.plenary}
        zoneLabels={zoneLabels}
        vote={cockpit.vote}
      />
      <div className="board-body">
        <BoardSheet narrow={narrow} count={board.notes.length}>
          {(closeSheet) => (
            <BoardSide
              workshop={workshop}
              boardCase={boardCase}
              zoneLabels={zoneLabels}
              commands={commands}
              extra={narrow ? method(false) : null}
              marks={marks}
              onLocate={(id) => {
                closeSheet()
                setSelected(new Set([id]))
                const note = notesById.get(id)
                if (note) camera.show({ x: note.x, y: note.y, ...NOTE_SIZE })
              }}
            />
          )}
        </BoardSheet>
        <main className="board-main">
          {connection && (
            <BoardCanvas
              doc={connection.doc}
              provider={connection.provider}
              origin={origin}
              camera={camera}
              commands={commands}
              zoneLabels={zoneLabels}
              sides={workshop.sides}
              onSelect={setSelected}
              onEditEnd={() => setEditing(null)}
              onRenameCluster={(id) => panels.nameCluster({ kind: 'rename', id })}
              onMenu={panels.openMenu}
              selectionTools={
                writable && selected.size > 0 ? <SelectionTools commands={commands} /> : null
              }
              marks={marks}
              onLink={(from, to) => author && toggleLink(author, from, to, true)}
            />
          )}
          <ZoneChips
            camera={camera}
            commands={commands}
            zoneLabels={zoneLabels}
            sides={workshop.sides}
          />
          <BoardToolbar commands={commands} />
          {writable && board.notes.length === 0 && (
            <p className="empty-hint">{t(coarse ? 'phone.emptyHint' : 'board.emptyHint')}</p>
          )}
        </main>
        {!narrow && method(true)}
        {panels.agreementsOpen && (
          <AgreementPanel
            agreements={board.agreements}
            goals={workshop.goals}
            sides={workshop.sides}
            participants={boardPeople(session?.participants ?? [], workshop, boardId)}
            checkable={methodOptions.checkableAgreements}
            notesById={notesById}
            draft={panels.draft}
            shown={panels.shown}
            canWrite={writable}
            onDraft={panels.setDraft}
            onSave={(draft, values) => {
              if (author) saveAgreement(author, draft, values)
              panels.setDraft(null)
            }}
            onDelete={(id) => author && removeAgreement(author, id)}
            onClose={panels.closeAgreements}
          />
        )}
      </div>
      {panels.menu && (
        <ContextMenu commands={commands} at={panels.menu} onClose={panels.closeMenu} />
      )}
      {naming && (
        <ClusterNameDialog
          rename={naming.kind === 'rename'}
          initial={
            naming.kind === 'rename'
              ? (board.clusters.find((c) => c.id === naming.id)?.name ?? '')
              : ''
          }
          onCancel={panels.closeNaming}
          onDone={(clusterName) => {
            if (author) nameCluster(author, naming, clusterName)
            panels.closeNaming()
          }}
        />
      )}
      {panels.help && <HelpSheet onClose={panels.closeHelp} />}
      {linking && notesById.get(linking) && (
        <LinkInterestsDialog
          solution={notesById.get(linking)!}
          notes={board.notes}
          links={board.links}
          sides={workshop.sides}
          onToggle={(to, on) => author && toggleLink(author, linking, to, on)}
          onClose={() => setLinking(null)}
        />
      )}
      {asking && notesById.get(asking)?.position && (
        <WhyDialog
          position={notesById.get(asking)!}
          sides={workshop.sides}
          onCancel={() => setAsking(null)}
          onDone={(text) => {
            const id = author && answerWhy(author, asking, text)
            setAsking(null)
            if (id) setSelected(new Set([id]))
          }}
        />
      )}
      {writable && !name && (
        <NameDialog
          onDone={setName}
          // [C36] the facilitator is neutral: no side to pick
          {...(workshop.role !== Role.facilitator && {
            sides: workshop.sides,
            side: participant.side,
            onSide: participant.setSide,
          })}
        />
      )}
    </div>
  )
}

/** Who may sign an agreement on a board: everyone who joined, this board's group first. */
function boardPeople(
  participants: readonly Participant[],
  workshop: { readonly boards: readonly BoardInfo[] },
  boardId: string,
): Participant[] {
  const group = workshop.boards.find((b) => b.id === boardId)?.groupId
  const rank = (p: Participant) => (p.groupId === group ? 0 : 1)
  return [...participants].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}
