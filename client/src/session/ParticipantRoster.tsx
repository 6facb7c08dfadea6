import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { dragParticipant, GroupDropZones } from './GroupDropZones.js'
import type { RunCommand } from './useCommand.js'
import { GroupOptions } from './GroupOptions.js'

/** Who joined, on which side, and in which group (the facilitator can move them). */
export function ParticipantRoster(props: {
  workshop: WorkshopWithLinks
  state: SessionView
  run: RunCommand
}) {
  const { workshop, state, run } = props
  const { t } = useTranslation()
  const sideName = (side: 0 | 1 | 'other') =>
    side === 'other' ? t('session.join.other') : workshop.sides[side]
  return (
    <div className="session-section">
      <h3>{t('session.panel.participants')}</h3>
      <label className="session-inline session-grouping">
        {t('session.grouping.label')}
        <select
          value={state.grouping}
          onChange={(e) =>
            void run('session:setGrouping', { grouping: e.target.value as 'choose' | 'lobby' })
          }
        >
          <option value="choose">{t('session.grouping.choose')}</option>
          <option value="lobby">{t('session.grouping.lobby')}</option>
        </select>
      </label>
      {state.participants.length === 0 ? (
        <p className="hint">{t('session.panel.noParticipants')}</p>
      ) : (
        <>
          <GroupDropZones workshop={workshop} state={state} run={run} />
          <ul className="session-roster" data-testid="session-roster">
            {state.participants.map((p) => (
              <li key={p.id} draggable onDragStart={dragParticipant(p.id)}>
                <span>
                  {p.name} <span className="hint">({sideName(p.side)})</span>
                </span>
                <select
                  aria-label={t('session.join.group')}
                  value={p.groupId ?? ''}
                  onChange={(e) =>
                    void run('participant:assign', {
                      participantId: p.id,
                      groupId: e.target.value || null,
                    })
                  }
                >
                  <GroupOptions groups={workshop.groups} />
                </select>
                <button
                  type="button"
                  className="link"
                  onClick={() => void run('participant:remove', { participantId: p.id })}
                >
                  {t('session.remove', { name: p.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
