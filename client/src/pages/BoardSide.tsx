import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import type { NoteId } from '@sparboard/board-model'
import type { CaseInfo, WorkshopView } from '@sparboard/protocol'
import { addNoteToZone } from '../commands/addNote.js'
import type { Commands } from '../commands/bindCommands.js'
import { editText } from '../commands/editNote.js'
import { NoteOutline } from '../components/NoteOutline.js'
import type { MethodMarks } from '../sync/useMethodLook.js'
import { doubleMajorityRule } from '@sparboard/protocol'

/** Beside the canvas: the case, the goals (always in view) and every note as text. */
export function BoardSide({
  workshop,
  boardCase,
  zoneLabels,
  commands,
  onLocate,
  extra,
  marks,
}: {
  workshop: WorkshopView
  boardCase: CaseInfo | undefined
  zoneLabels: readonly string[]
  commands: Commands
  /** Selects a note and brings it into view on the canvas. */
  onLocate: (id: NoteId) => void
  /** Shown above the outline (on phones: the method panel, which sits beside the board when wide). */
  extra?: ReactNode
  marks: MethodMarks
}) {
  const { t } = useTranslation()
  const { view, author, canWrite, method } = commands.ctx
  return (
    <aside className="board-side">
      {/* [M5] The case and the goals stay in view above the outline, which scrolls on its own:
          nothing covers the outline's first items (a sticky block over one scroller did). */}
      <div className="board-side-head">
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
      </div>
      <div className="board-outline" data-testid="board-outline">
        {extra}
        <h2 className="outline-title">{t('board.notes', { count: view.board.notes.length })}</h2>
        <NoteOutline
          notes={view.board.notes}
          tally={view.tally}
          ranking={view.ranking}
          clusterByNote={view.clusterByNote}
          zoneLabels={zoneLabels}
          sides={workshop.sides}
          canWrite={canWrite && author !== null}
          commands={commands}
          onAdd={(zone, text) => author && addNoteToZone(author, zone, text)}
          onEdit={(id, before, after) => author && editText(author, id, before, after)}
          onLocate={onLocate}
          method={{
            tags: marks.tags,
            links: marks.links,
            notesById: view.notesById,
            bothSidesGain: method.bothSidesGain,
            doubleMajority: doubleMajorityRule(method),
          }}
        />
      </div>
    </aside>
  )
}
