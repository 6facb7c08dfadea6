import { useTranslation } from 'react-i18next'
import { BoardPage } from './pages/BoardPage.js'
import { StartPage } from './pages/StartPage.js'
import { WorkshopPage } from './pages/WorkshopPage.js'
import { useRoute } from './route.js'

export function App() {
  const route = useRoute()
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
