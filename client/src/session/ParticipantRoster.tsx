import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { KeepGroups } from './KeepGroups.js'
import { PersonChip } from './PersonChip.js'
import { RemoveParticipant } from './RemoveParticipant.js'
import { dragParticipant, GroupDropZones } from './GroupDropZones.js'
import type { RunCommand } from './useCommand.js'
import { GroupOptions } from './GroupOptions.js'
import { useSession } from './useSession.js'

/** Who joined, on which side, and in which group (the facilitator can move them). */
export function ParticipantRoster(props: {
  workshop: WorkshopWithLinks
  token: string
  state: SessionView
  run: RunCommand
}) {
  const { workshop, state, run } = props
  const { t } = useTranslation()
  // [C28] who has the workshop open now
  const { here, facilitatorHere } = useSession(props.token)
  const online = new Set(here)
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
      <KeepGroups state={state} run={run} />
      {/* [C29] the facilitator runs the session from no side */}
      <p className="session-facilitator" data-testid="roster-facilitator">
        <PersonChip
          name={t('people.facilitator')}
          side="neutral"
          sides={workshop.sides}
          online={facilitatorHere}
        />
      </p>
      {state.participants.length === 0 ? (
        <p className="hint">{t('session.panel.noParticipants')}</p>
      ) : (
        <>
          <GroupDropZones workshop={workshop} state={state} run={run} online={online} />
          <ul className="session-roster" data-testid="session-roster">
            {state.participants.map((p) => (
              <li key={p.id} draggable onDragStart={dragParticipant(p.id)}>
                <PersonChip
                  name={p.name}
                  side={p.side}
                  sides={workshop.sides}
                  online={online.has(p.id)}
                />
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
                <RemoveParticipant person={p} run={run} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
