import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { PersonChip } from './PersonChip.js'
import type { RunCommand } from './useCommand.js'

/** The drag payload of a roster entry: a participant id, under our own type. */
export const PARTICIPANT_DRAG_TYPE = 'application/x-sparboard-participant'

/** Starts dragging a participant (HTML5 drag and drop; the group select is the keyboard way). */
export const dragParticipant = (participantId: string) => (e: DragEvent) => {
  e.dataTransfer.setData(PARTICIPANT_DRAG_TYPE, participantId)
  e.dataTransfer.effectAllowed = 'move'
}

/** The lobby and every group as places to drop people on, each with who is in it now. */
export function GroupDropZones(props: {
  workshop: WorkshopWithLinks
  state: SessionView
  run: RunCommand
  /** [C28] The ids of the participants online now. */
  online: ReadonlySet<string>
}) {
  const { workshop, state, run, online } = props
  const { t } = useTranslation()
  const [over, setOver] = useState<string | null>(null)
  const zones = [
    { id: null, name: t('session.join.lobby') },
    ...workshop.groups.map((g) => ({ id: g.id, name: t('workshop.group', { name: g.name }) })),
  ]
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(PARTICIPANT_DRAG_TYPE)
  return (
    <div className="group-zones" data-testid="group-zones">
      {zones.map((zone) => {
        const key = zone.id ?? ''
        const people = state.participants.filter((p) => p.groupId === zone.id)
        return (
          <div
            key={key}
            className={`group-zone${over === key ? ' over' : ''}`}
            data-testid="group-zone"
            data-group={key}
            onDragOver={(e) => {
              if (!accepts(e)) return
              e.preventDefault()
              e.dataTransfer.dropEffect = 'move'
              setOver(key)
            }}
            onDragLeave={() => setOver((o) => (o === key ? null : o))}
            onDrop={(e) => {
              setOver(null)
              const participantId = e.dataTransfer.getData(PARTICIPANT_DRAG_TYPE)
              if (!participantId) return
              e.preventDefault()
              const current = state.participants.find((p) => p.id === participantId)
              if (current && current.groupId !== zone.id)
                void run('participant:assign', { participantId, groupId: zone.id })
            }}
          >
            <strong>{zone.name}</strong> <span className="hint">({people.length})</span>
            <ul>
              {people.map((p) => (
                <li key={p.id} draggable onDragStart={dragParticipant(p.id)}>
                  <PersonChip
                    name={p.name}
                    side={p.side}
                    sides={workshop.sides}
                    online={online.has(p.id)}
                  />
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      <p className="hint group-zones-hint">{t('session.panel.dragHint')}</p>
    </div>
  )
}
