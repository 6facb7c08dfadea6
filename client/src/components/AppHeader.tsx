import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch.js'

/** The bar at the top of every screen: brand, what the screen is about, and the language. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      <a className="brand" href="/">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        {t('app.name')}
      </a>
      <div className="app-header-main">{children}</div>
      <LanguageSwitch />
    </header>
  )
}
