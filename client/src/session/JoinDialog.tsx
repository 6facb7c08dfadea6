import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { distinctName, nameKey, type SideChoice } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { useDisplayName } from '../sync/useDisplayName.js'
import { saveIdentity } from './participantIdentity.js'
import { useSession } from './useSession.js'
import { GroupOptions } from './GroupOptions.js'
import './people.css'

const SIDE_KEY = 'sparboard.side'
const lastSide = (saved: string | null): SideChoice | null =>
  saved === '0' ? 0 : saved === '1' ? 1 : null

/** A participant's first step by link: a name, a side, and a group if they already know it. */
export function JoinDialog({ workshop, token }: { workshop: WorkshopWithLinks; token: string }) {
  const { t } = useTranslation()
  const { send, state } = useSession(token)
  const [savedName, setDisplayName] = useDisplayName()
  const [name, setName] = useState(savedName)
  // The side this browser spoke for last time (a follow-up, another workshop): the same person.
  const [side, setSide] = useState<SideChoice | null>(() =>
    lastSide(localStorage.getItem(SIDE_KEY)),
  )
  const [groupId, setGroupId] = useState('')
  const [error, setError] = useState<string | null>(null)
  // [C25] someone here has this name already: say so before joining, and what the suffix will be
  const taken = new Set(state?.participants.map((p) => nameKey(p.name)) ?? [])
  const clash = name.trim() && taken.has(nameKey(name)) ? distinctName(name, taken) : null

  // [C24] joins come at a rate, and the roster has a cap: say so rather than show a code
  const joinRefusal = (ack: { error: string; field?: string; retryAfter?: number }) =>
    ack.error === 'rate-limited'
      ? t('session.join.busy', { seconds: ack.retryAfter ?? 10 })
      : ack.error === 'conflict' && ack.field === 'participants'
        ? t('session.join.full')
        : t('session.join.failed', { error: ack.error })

  const submit = async () => {
    if (!name.trim() || side === null) return
    setError(null)
    const ack = await send('session:join', {
      name: name.trim(),
      side,
      ...(state?.grouping === 'lobby' ? {} : { groupId: groupId || null }),
    }).catch((err: unknown) => ({ ok: false as const, error: String(err) }))
    if (!ack.ok) return setError(joinRefusal(ack))
    const me = {
      id: ack.participantId,
      // [C25] the roster's name: with a suffix when the one asked for was taken
      name: ack.name ?? name.trim(),
      side,
      privateKey: ack.privateKey,
      personalToken: ack.personalToken,
      link: token,
    }
    saveIdentity(workshop.id, me)
    // Notes carry this side; one who picked neither keeps their last choice on the board.
    if (side !== 'other') localStorage.setItem(SIDE_KEY, String(side))
    setDisplayName(me.name)
  }

  const sides: { value: SideChoice; label: string }[] = [
    { value: 0, label: workshop.sides[0] },
    { value: 1, label: workshop.sides[1] },
    { value: 'other', label: t('session.join.other') },
  ]
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog card"
        role="dialog"
        aria-labelledby="join-dialog-title"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <h2 id="join-dialog-title">{t('session.join.title')}</h2>
        <p className="hint">{t('session.join.hint')}</p>
        <label>
          {t('session.join.name')}
          <input
            autoFocus
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...(clash && { 'aria-describedby': 'join-name-taken' })}
          />
        </label>
        {clash && (
          <p
            className="people-warning"
            id="join-name-taken"
            role="status"
            data-testid="join-name-taken"
          >
            {t('people.nameTaken', { name: name.trim(), suffixed: clash })}
          </p>
        )}
        <fieldset className="session-sides">
          <legend>{t('session.join.side')}</legend>
          {sides.map((s) => (
            <label key={String(s.value)} className="session-radio">
              <input
                type="radio"
                name="side"
                required
                checked={side === s.value}
                onChange={() => setSide(s.value)}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
        {workshop.groups.length > 1 && state?.grouping !== 'lobby' && (
          <label>
            {t('session.join.group')}
            <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <GroupOptions groups={workshop.groups} />
            </select>
          </label>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit">
          {t('session.join.submit')}
        </button>
      </form>
    </div>
  )
}
