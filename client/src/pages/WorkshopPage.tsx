import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Role } from '@sparboard/protocol'
import { AppHeader } from '../components/AppHeader.js'
import { DeleteWorkshop } from '../components/DeleteWorkshop.js'
import { LinksPanel } from '../components/LinksPanel.js'
import { WorkshopExportMenu } from '../export/WorkshopExportMenu.js'
import { boardPath, navigate, workshopPath } from '../route.js'
import { useControl } from '../session/useControl.js'
import { useSession } from '../session/useSession.js'
import { useWorkshop } from '../sync/useWorkshop.js'
import { FacilitatorLinkGuard } from '../session/FacilitatorLinkGuard.js'
import { markLinkCopied } from '../session/rememberedWorkshops.js'
import { FacilitatorPanel } from '../session/FacilitatorPanel.js'
import { RecurringFrictionsPanel } from '../session/RecurringFrictionsPanel.js'
import { SeriesHistoryPanel } from '../session/SeriesHistoryPanel.js'
import { SessionBar } from '../session/SessionBar.js'
import { useMe } from '../session/useMe.js'

export function WorkshopPage({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation()
  const state = useWorkshop(workshopId, token)
  const { online } = useControl(token)
  const session = useSession(token)
  const { groupId: myGroupId } = useMe(workshopId, token)
  const [deleted, setDeleted] = useState(false)
  if (deleted) return <p className="page-message">{t('workshop.deleted')}</p>
  if (state.status === 'loading') return <p className="page-message">{t('workshop.loading')}</p>
  if (state.status === 'error')
    return <p className="page-message error">{t('workshop.notFound')}</p>
  const w = state.workshop
  // A participant finds their own group's column at a glance.
  const mine = (groupId: string) => w.role === Role.participant && groupId === myGroupId
  return (
    <div className="page">
      <AppHeader>
        <h1 className="header-title">{w.title}</h1>
        <span className="badge">{t(`workshop.role.${w.role}`)}</span>
        <span className="presence-count">{t('workshop.online', { count: online })}</span>
      </AppHeader>
      <SessionBar workshop={w} token={token} />
      {w.role === Role.facilitator && w.links && (
        <FacilitatorLinkGuard workshopId={w.id} link={w.links.facilitator} />
      )}
      <main className="workshop">
        <FacilitatorPanel workshop={w} token={token} />
        <section className="card goals-card">
          <h2>{t('board.goals')}</h2>
          {w.goals.length ? (
            <ol>
              {w.goals.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ol>
          ) : (
            <p className="hint">{t('board.noGoals')}</p>
          )}
        </section>
        <section className="card">
          <h2>{t('workshop.boards')}</h2>
          <div
            className="board-grid"
            style={{
              gridTemplateColumns: `minmax(12rem, 1.4fr) repeat(${w.groups.length}, minmax(8rem, 1fr))`,
            }}
          >
            <div />
            {w.groups.map((g) => (
              <div
                key={g.id}
                className={mine(g.id) ? 'board-grid-head mine' : 'board-grid-head'}
                data-testid="board-grid-head"
              >
                {t('workshop.group', { name: g.name })}
                {mine(g.id) && (
                  <span className="badge your-group" id={`your-group-${g.id}`}>
                    {t('workshop.yourGroup')}
                  </span>
                )}
              </div>
            ))}
            {w.cases.map((c) => (
              <div key={c.id} className="board-grid-row">
                <div className="board-grid-case">
                  <strong>{c.title}</strong>
                  {c.broughtBy && (
                    <span className="case-brought-by">
                      {t('workshop.broughtBy', { name: c.broughtBy })}
                    </span>
                  )}
                  {c.description && <span className="hint">{c.description}</span>}
                </div>
                {w.groups.map((g) => {
                  const board = w.boards.find((b) => b.caseId === c.id && b.groupId === g.id)
                  return board ? (
                    <button
                      key={g.id}
                      type="button"
                      className={mine(g.id) ? 'board-tile mine' : 'board-tile'}
                      {...(mine(g.id) && { 'aria-describedby': `your-group-${g.id}` })}
                      onClick={() => navigate(boardPath(w.id, board.id, token))}
                    >
                      {t('workshop.openBoard')}
                      <span className="hint">
                        {c.title} · {t('workshop.group', { name: g.name })}
                      </span>
                    </button>
                  ) : (
                    <div key={g.id} />
                  )
                })}
              </div>
            ))}
          </div>
        </section>
        <RecurringFrictionsPanel workshop={w} token={token} />
        <SeriesHistoryPanel workshop={w} token={token} />
        {w.links && (
          <section className="card">
            <h2>{t('workshop.shareLinks')}</h2>
            <LinksPanel
              links={w.links}
              onCopied={(role) => role === Role.facilitator && markLinkCopied(w.id, role)}
              rotation={
                w.role === Role.facilitator
                  ? {
                      workshopId: w.id,
                      token,
                      // the old link no longer opens anything: continue on the new one
                      onOwnRotated: (fresh) => navigate(workshopPath(w.id, fresh)),
                    }
                  : undefined
              }
            />
          </section>
        )}
        <WorkshopExportMenu
          workshopId={w.id}
          token={token}
          mayName={w.role === Role.facilitator}
          followUp={(session.state?.series.number ?? 1) > 1}
        />
        {w.role === Role.facilitator && (
          <DeleteWorkshop
            workshopId={w.id}
            title={w.title}
            token={token}
            onDeleted={() => setDeleted(true)}
          />
        )}
      </main>
    </div>
  )
}
