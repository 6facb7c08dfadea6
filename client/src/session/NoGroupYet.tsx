import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import type { ParticipantIdentity } from './participantIdentity.js'
import { useSession } from './useSession.js'
import { GroupOptions } from './GroupOptions.js'

/**
 * A participant in no group yet: where they stand, and where participants choose, the pick the
 * join dialog offered (a rejoin that names a group, [C9]).
 */
export function NoGroupYet(props: {
  workshop: WorkshopWithLinks
  token: string
  me: ParticipantIdentity
  grouping: SessionView['grouping']
}) {
  const { workshop, token, me, grouping } = props
  const { t } = useTranslation()
  const { send } = useSession(token)
  const [error, setError] = useState<string | null>(null)
  if (grouping === 'lobby' || workshop.groups.length === 0)
    return (
      <span className="hint" data-testid="session-no-group">
        {t('session.noGroup.waiting')}
      </span>
    )
  const choose = async (groupId: string) => {
    setError(null)
    const ack = await send('session:join', {
      name: me.name,
      side: me.side,
      participantId: me.id,
      ...(me.personalToken ? { personalToken: me.personalToken } : {}),
      groupId,
    }).catch((err: unknown) => ({ ok: false as const, error: String(err) }))
    if (!ack.ok) setError(t('session.join.failed', { error: ack.error }))
  }
  return (
    <label className="session-no-group" data-testid="session-no-group">
      <span className="hint">{t('session.noGroup.choose')}</span>
      <select value="" onChange={(e) => e.target.value && void choose(e.target.value)}>
        <GroupOptions groups={workshop.groups} />
      </select>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </label>
  )
}
