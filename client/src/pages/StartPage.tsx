import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultMethod, MAX_BROUGHT_BY, Role, type CreatedWorkshop } from '@sparboard/protocol'
import { ApiFailure, createWorkshop } from '../api.js'
import { AppHeader } from '../components/AppHeader.js'
import { LinksPanel } from '../components/LinksPanel.js'
import { MethodOptions } from '../components/MethodOptions.js'
import { FacilitatorLinkGuard } from '../session/FacilitatorLinkGuard.js'
import { markLinkCopied, rememberWorkshop } from '../session/rememberedWorkshops.js'
import { YourWorkshops } from '../session/YourWorkshops.js'
import { navigate, workshopPath } from '../route.js'

interface CaseDraft {
  title: string
  description: string
  broughtBy: string
}

const emptyCase: CaseDraft = { title: '', description: '', broughtBy: '' }

export function StartPage() {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [goals, setGoals] = useState('')
  const [sides, setSides] = useState<[string, string]>(['Sales', 'Operations'])
  const [cases, setCases] = useState<CaseDraft[]>([emptyCase])
  const [groups, setGroups] = useState(2)
  // [SW1] [FB1] [G1] [G2] [G3] the method options, each at its default until the facilitator changes it
  const [method, setMethod] = useState(defaultMethod)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Shown once the server says creating needs its CREATE_SECRET.
  const [needsSecret, setNeedsSecret] = useState(false)
  const [secret, setSecret] = useState('')
  const [created, setCreated] = useState<CreatedWorkshop | null>(null)

  const setCase = (i: number, change: Partial<CaseDraft>) =>
    setCases((cs) => cs.map((c, j) => (j === i ? { ...c, ...change } : c)))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const made = await createWorkshop(
        {
          title,
          goals: goals
            .split('\n')
            .map((g) => g.trim())
            .filter(Boolean),
          sides,
          cases: cases.map((c) => ({
            title: c.title,
            description: c.description || undefined,
            broughtBy: c.broughtBy.trim() || undefined,
          })),
          groups,
          method,
        },
        secret || undefined,
      )
      // Never lose a link: the address bar holds the facilitator's from now on (a reload opens
      // the workshop), and this device's list keeps it.
      const path = workshopPath(made.id, made.tokens.facilitator)
      history.replaceState(null, '', path)
      rememberWorkshop({ id: made.id, title: made.title, role: Role.facilitator, path })
      setCreated(made)
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) {
        setError(needsSecret ? t('start.secretWrong') : t('start.secretNeeded'))
        setNeedsSecret(true)
        return
      }
      setError(t('start.failed', { error: err instanceof Error ? err.message : String(err) }))
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return (
      <div className="page">
        <AppHeader />
        <main className="card narrow">
          <h1>{t('links.title')}</h1>
          <p className="lead">{t('links.intro')}</p>
          <FacilitatorLinkGuard workshopId={created.id} link={created.links.facilitator} />
          <LinksPanel
            links={created.links}
            onCopied={(role) => role === Role.facilitator && markLinkCopied(created.id, role)}
          />
          <button
            className="primary"
            type="button"
            onClick={() => navigate(workshopPath(created.id, created.tokens.facilitator))}
          >
            {t('links.open')}
          </button>
        </main>
      </div>
    )
  }

  return (
    <div className="page">
      <AppHeader />
      <YourWorkshops />
      <main className="card narrow">
        <h1>{t('start.title')}</h1>
        <p className="lead">{t('start.intro')}</p>
        <form onSubmit={(e) => void submit(e)} className="form">
          <label>
            {t('start.workshopTitle')}
            <input
              required
              maxLength={200}
              value={title}
              placeholder={t('start.workshopTitlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label>
            {t('start.goals')}
            <textarea rows={3} value={goals} onChange={(e) => setGoals(e.target.value)} />
            <span className="hint">{t('start.goalsHint')}</span>
          </label>
          <fieldset>
            <legend>{t('start.sides')}</legend>
            <div className="row">
              {([0, 1] as const).map((i) => (
                <label key={i}>
                  {i === 0 ? t('start.sideA') : t('start.sideB')}
                  <input
                    required
                    maxLength={60}
                    value={sides[i]}
                    onChange={(e) =>
                      setSides((s) => (i === 0 ? [e.target.value, s[1]] : [s[0], e.target.value]))
                    }
                  />
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('start.cases')}</legend>
            {cases.map((c, i) => (
              <div className="case-draft" key={i}>
                <div className="case-draft-head">
                  <label>
                    {t('start.caseTitle', { n: i + 1 })}
                    <input
                      required
                      maxLength={200}
                      value={c.title}
                      placeholder={i === 0 ? t('start.caseTitlePlaceholder') : undefined}
                      onChange={(e) => setCase(i, { title: e.target.value })}
                    />
                  </label>
                  <label>
                    {t('start.caseBroughtBy')}
                    <input
                      maxLength={MAX_BROUGHT_BY}
                      value={c.broughtBy}
                      placeholder={i === 0 ? t('start.caseBroughtByPlaceholder') : undefined}
                      onChange={(e) => setCase(i, { broughtBy: e.target.value })}
                    />
                  </label>
                </div>
                <label>
                  {t('start.caseDescription')}
                  <textarea
                    rows={2}
                    value={c.description}
                    onChange={(e) => setCase(i, { description: e.target.value })}
                  />
                </label>
                {cases.length > 1 && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setCases((cs) => cs.filter((_, j) => j !== i))}
                  >
                    {t('start.removeCase', { n: i + 1 })}
                  </button>
                )}
              </div>
            ))}
            <button type="button" onClick={() => setCases((cs) => [...cs, emptyCase])}>
              + {t('start.addCase')}
            </button>
          </fieldset>
          <label className="short">
            {t('start.groups')}
            <input
              type="number"
              min={1}
              max={20}
              required
              value={groups}
              onChange={(e) => setGroups(Number(e.target.value))}
            />
          </label>
          <MethodOptions method={method} onChange={setMethod} />
          {needsSecret && (
            <label>
              {t('start.secret')}
              <input
                type="password"
                required
                autoComplete="off"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
              <span className="hint">{t('start.secretHint')}</span>
            </label>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {busy ? t('start.creating') : t('start.create')}
          </button>
        </form>
      </main>
    </div>
  )
}
