import { lazy, startTransition, StrictMode, Suspense, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { useTranslation } from 'react-i18next'
import { i18nReady } from './i18n/i18n.js'
import { PAGES } from './pages/loadPage.js'
import { parseRoute, type Route } from './route.js'

const StartPage = lazy(() => PAGES.start().then((m) => ({ default: m.StartPage })))
const WorkshopPage = lazy(() => PAGES.workshop().then((m) => ({ default: m.WorkshopPage })))
const BoardPage = lazy(() => PAGES.board().then((m) => ({ default: m.BoardPage })))

/** Renders the app once what the entry started loading (`ready`) and i18next are there. */
export async function start(ready: Promise<unknown>): Promise<void> {
  await Promise.all([ready, i18nReady.catch(() => undefined)])
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

/**
 * The current route; follows back/forward and `navigate`. A move is a transition: the page on
 * screen stays until the next one's code has loaded, rather than a blank page in between.
 */
function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.hash)
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const update = () => startTransition(() => setRoute(read()))
    addEventListener('popstate', update)
    addEventListener('hashchange', update)
    return () => {
      removeEventListener('popstate', update)
      removeEventListener('hashchange', update)
    }
  }, [])
  return route
}

export function App() {
  const route = useRoute()
  return (
    <Suspense fallback={<PageLoading />}>
      <Page route={route} />
    </Suspense>
  )
}

function Page({ route }: { route: Route }) {
  const { t } = useTranslation()
  switch (route.page) {
    case 'start':
      return <StartPage />
    case 'workshop':
      return (
        <WorkshopPage key={route.workshopId} workshopId={route.workshopId} token={route.token} />
      )
    case 'board':
      return (
        <BoardPage
          key={route.boardId}
          workshopId={route.workshopId}
          boardId={route.boardId}
          token={route.token}
        />
      )
    case 'notFound':
      return <p className="page-message">{t('workshop.notFound')}</p>
  }
}

/**
 * While a page's code loads: nothing at first (it usually takes less than a blink), a quiet
 * "Loading…" only once it takes longer (`.page-loading` shows after a delay, in CSS).
 */
function PageLoading() {
  const { t } = useTranslation()
  return (
    <p className="page-message page-loading" role="status">
      {t('workshop.loading')}
    </p>
  )
}
